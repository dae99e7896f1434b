package jp.kofu.adapters.jlis;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The Unicode Variation Sequences (異体字シーケンス) of a TrueType font: a reader of the {@code cmap}
 * format 14 subtable (platform 0, encoding 5), which Apache FontBox parses past without reading.
 *
 * <p>A sequence is either a <em>default</em> one, printed with the base character's own glyph from the
 * Unicode cmap, or a <em>non-default</em> one with a glyph of its own. Everything is read once into sorted
 * arrays; lookups are binary searches and the instance is immutable, so it is safe to share between
 * threads.
 */
final class CmapFormat14 {

    /** {@link #lookup} result: the sequence is not in the table. */
    static final int NOT_FOUND = -1;
    /** {@link #lookup} result: the sequence uses the base character's glyph from the Unicode cmap. */
    static final int DEFAULT_GLYPH = -2;

    private static final CmapFormat14 EMPTY = new CmapFormat14(new int[0], new Selector[0]);

    /** The variation selectors in ascending order, parallel to {@link #records}. */
    private final int[] selectors;
    private final Selector[] records;

    private CmapFormat14(int[] selectors, Selector[] records) {
        this.selectors = selectors;
        this.records = records;
    }

    /**
     * Reads the format 14 subtable out of a whole {@code cmap} table.
     *
     * @param cmapTable the bytes of the font's {@code cmap} table
     * @return the sequences, or an empty table when the font has no format 14 subtable
     * @throws IllegalArgumentException when the table is malformed (truncated, offsets out of range)
     */
    static CmapFormat14 parse(byte[] cmapTable) {
        ByteBuffer cmap = ByteBuffer.wrap(cmapTable);
        try {
            int numTables = u16(cmap, 2);
            for (int i = 0; i < numTables; i++) {
                int record = 4 + 8 * i;
                int platformId = u16(cmap, record);
                int encodingId = u16(cmap, record + 2);
                long offset = u32(cmap, record + 4);
                if (platformId == 0 && encodingId == 5) {
                    return parseSubtable(cmap, checkedOffset(cmap, offset, 0, "format 14 subtable"));
                }
            }
            return EMPTY;
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new IllegalArgumentException("cmap table truncated (" + cmapTable.length + " bytes)", e);
        }
    }

    private static CmapFormat14 parseSubtable(ByteBuffer cmap, int base) {
        int format = u16(cmap, base);
        if (format != 14) {
            throw new IllegalArgumentException("cmap subtable 0/5 at offset " + base + " has format " + format
                    + ", expected 14");
        }
        long length = u32(cmap, base + 2);
        if (base + length > cmap.limit()) {
            throw new IllegalArgumentException("format 14 subtable at offset " + base + " declares " + length
                    + " bytes but the cmap table ends at " + cmap.limit());
        }
        long count = u32(cmap, base + 6);
        if (count > (length - 10) / 11) {
            throw new IllegalArgumentException("format 14 subtable declares " + count
                    + " selector records, more than its length allows");
        }
        int n = (int) count;
        int[] selectors = new int[n];
        Selector[] records = new Selector[n];
        for (int i = 0; i < n; i++) {
            int record = base + 10 + 11 * i;
            int selector = u24(cmap, record);
            long defaultOffset = u32(cmap, record + 3);
            long nonDefaultOffset = u32(cmap, record + 7);
            if (i > 0 && selector <= selectors[i - 1]) {
                throw new IllegalArgumentException("format 14 selector records not in ascending order at record " + i);
            }
            selectors[i] = selector;
            records[i] = new Selector(
                    defaultOffset == 0 ? Ranges.NONE
                            : readDefault(cmap, checkedOffset(cmap, defaultOffset, base, "default UVS table")),
                    nonDefaultOffset == 0 ? Mappings.NONE
                            : readNonDefault(cmap, checkedOffset(cmap, nonDefaultOffset, base, "non-default UVS table")));
        }
        return new CmapFormat14(selectors, records);
    }

    private static Ranges readDefault(ByteBuffer cmap, int at) {
        long count = u32(cmap, at);
        checkCount(cmap, at, count, 4, "default UVS ranges");
        int n = (int) count;
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            int entry = at + 4 + 4 * i;
            starts[i] = u24(cmap, entry);
            ends[i] = starts[i] + (cmap.get(entry + 3) & 0xFF);
            if (i > 0 && starts[i] <= ends[i - 1]) {
                throw new IllegalArgumentException("default UVS ranges overlap or are unsorted at offset " + entry);
            }
        }
        return new Ranges(starts, ends);
    }

    private static Mappings readNonDefault(ByteBuffer cmap, int at) {
        long count = u32(cmap, at);
        checkCount(cmap, at, count, 5, "non-default UVS mappings");
        int n = (int) count;
        int[] codePoints = new int[n];
        int[] glyphs = new int[n];
        for (int i = 0; i < n; i++) {
            int entry = at + 4 + 5 * i;
            codePoints[i] = u24(cmap, entry);
            glyphs[i] = u16(cmap, entry + 3);
            if (i > 0 && codePoints[i] <= codePoints[i - 1]) {
                throw new IllegalArgumentException("non-default UVS mappings unsorted at offset " + entry);
            }
        }
        return new Mappings(codePoints, glyphs);
    }

    /**
     * Looks a variation sequence up.
     *
     * @return a glyph id (&gt; 0) for a non-default sequence, {@link #DEFAULT_GLYPH} for a default one, or
     *     {@link #NOT_FOUND}
     */
    int lookup(int base, int selector) {
        int s = Arrays.binarySearch(selectors, selector);
        if (s < 0) {
            return NOT_FOUND;
        }
        Selector record = records[s];
        if (record.defaults.contains(base)) {
            return DEFAULT_GLYPH;
        }
        int glyph = record.mappings.glyphOf(base);
        return glyph > 0 ? glyph : NOT_FOUND;
    }

    /** Number of variation sequences in the table (default ones counted one by one). */
    int size() {
        long total = 0;
        for (Selector r : records) {
            total += r.defaults.count() + r.mappings.codePoints.length;
        }
        return (int) total;
    }

    private record Selector(Ranges defaults, Mappings mappings) {
    }

    /** Sorted, disjoint inclusive ranges of base characters. */
    private record Ranges(int[] starts, int[] ends) {
        static final Ranges NONE = new Ranges(new int[0], new int[0]);

        boolean contains(int codePoint) {
            int i = Arrays.binarySearch(starts, codePoint);
            if (i >= 0) {
                return true;
            }
            int before = -i - 2;
            return before >= 0 && codePoint <= ends[before];
        }

        long count() {
            long n = 0;
            for (int i = 0; i < starts.length; i++) {
                n += ends[i] - starts[i] + 1;
            }
            return n;
        }
    }

    private record Mappings(int[] codePoints, int[] glyphs) {
        static final Mappings NONE = new Mappings(new int[0], new int[0]);

        int glyphOf(int codePoint) {
            int i = Arrays.binarySearch(codePoints, codePoint);
            return i >= 0 ? glyphs[i] : 0;
        }
    }

    private static int checkedOffset(ByteBuffer cmap, long offset, int base, String what) {
        long at = base + offset;
        if (at + 4 > cmap.limit()) {
            throw new IllegalArgumentException(what + " offset " + at + " is outside the cmap table ("
                    + cmap.limit() + " bytes)");
        }
        return (int) at;
    }

    private static void checkCount(ByteBuffer cmap, int at, long count, int entrySize, String what) {
        if (at + 4 + count * entrySize > cmap.limit()) {
            throw new IllegalArgumentException(count + " " + what + " at offset " + at
                    + " run past the end of the cmap table");
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }

    private static int u24(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) << 16 | (b.get(at + 1) & 0xFF) << 8 | b.get(at + 2) & 0xFF;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xFFFF_FFFFL;
    }
}
