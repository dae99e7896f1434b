package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CmapFormat14Test {

    private static final int IVS_1 = 0xE0100;
    private static final int IVS_2 = 0xE0101;

    @Test
    void aSequenceInADefaultRangeUsesTheBaseGlyph() {
        CmapFormat14 table = CmapFormat14.parse(cmapWithFormat14(sample()));

        assertThat(table.lookup(0x845B, IVS_1)).isEqualTo(CmapFormat14.DEFAULT_GLYPH);
        assertThat(table.lookup(0x8460, IVS_1)).as("start + additionalCount is inside")
                .isEqualTo(CmapFormat14.DEFAULT_GLYPH);
        assertThat(table.lookup(0x20BB7, IVS_1)).as("a one-character range beyond the BMP")
                .isEqualTo(CmapFormat14.DEFAULT_GLYPH);
    }

    @Test
    void aSequenceJustOutsideADefaultRangeIsNotFound() {
        CmapFormat14 table = CmapFormat14.parse(cmapWithFormat14(sample()));

        assertThat(table.lookup(0x845A, IVS_1)).isEqualTo(CmapFormat14.NOT_FOUND);
        assertThat(table.lookup(0x8461, IVS_1)).isEqualTo(CmapFormat14.NOT_FOUND);
    }

    @Test
    void aNonDefaultSequenceHasItsOwnGlyph() {
        CmapFormat14 table = CmapFormat14.parse(cmapWithFormat14(sample()));

        assertThat(table.lookup(0x845B, IVS_2)).isEqualTo(23477);
        assertThat(table.lookup(0x9AD9, IVS_2)).isEqualTo(40001);
        assertThat(table.lookup(0x20BB7, IVS_2)).isEqualTo(40002);
    }

    @Test
    void anUnknownSelectorOrBaseIsNotFound() {
        CmapFormat14 table = CmapFormat14.parse(cmapWithFormat14(sample()));

        assertThat(table.lookup(0x845B, 0xE0102)).isEqualTo(CmapFormat14.NOT_FOUND);
        assertThat(table.lookup(0x4E00, IVS_2)).isEqualTo(CmapFormat14.NOT_FOUND);
        assertThat(table.lookup(0x845B, 0xFE00)).isEqualTo(CmapFormat14.NOT_FOUND);
    }

    @Test
    void aMappingToGlyphZeroCountsAsNotFound() {
        CmapFormat14 table = CmapFormat14.parse(cmapWithFormat14(new int[][] {{IVS_1}}, new int[][][] {{}},
                new int[][][] {{{0x5409, 0}}}));

        assertThat(table.lookup(0x5409, IVS_1)).isEqualTo(CmapFormat14.NOT_FOUND);
    }

    @Test
    void countsEverySequence() {
        CmapFormat14 table = CmapFormat14.parse(cmapWithFormat14(sample()));

        assertThat(table.size()).isEqualTo(6 + 1 + 3);
    }

    @Test
    void aFontWithoutAFormat14SubtableHasNoSequences() {
        Bytes cmap = new Bytes().u16(0).u16(1).u16(3).u16(10).u32(12).u16(12);

        CmapFormat14 table = CmapFormat14.parse(cmap.toArray());

        assertThat(table.size()).isZero();
        assertThat(table.lookup(0x845B, IVS_1)).isEqualTo(CmapFormat14.NOT_FOUND);
    }

    @Test
    void aSubtable05OfAnotherFormatIsRejected() {
        Bytes cmap = new Bytes().u16(0).u16(1).u16(0).u16(5).u32(12).u16(4).u32(10).u32(0);

        assertThatThrownBy(() -> CmapFormat14.parse(cmap.toArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 4");
    }

    @Test
    void aTruncatedTableIsRejectedWithItsSize() {
        byte[] whole = cmapWithFormat14(sample());
        byte[] cut = Arrays.copyOf(whole, whole.length - 7);

        assertThatThrownBy(() -> CmapFormat14.parse(cut))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(cut.length));
    }

    @Test
    void anOffsetOutsideTheTableIsRejected() {
        Bytes cmap = new Bytes().u16(0).u16(1).u16(0).u16(5).u32(4000);

        assertThatThrownBy(() -> CmapFormat14.parse(cmap.toArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the cmap table");
    }

    @Test
    void selectorRecordsOutOfOrderAreRejected() {
        byte[] cmap = cmapWithFormat14(new int[][] {{IVS_2}, {IVS_1}}, new int[][][] {{}, {}},
                new int[][][] {{{0x845B, 5}}, {{0x845B, 6}}});

        assertThatThrownBy(() -> CmapFormat14.parse(cmap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
    }

    /** IVS_1: default ranges 845B+5 and 20BB7+0; IVS_2: non-default 845B→23477, 9AD9→40001, 20BB7→40002. */
    private static byte[] cmapWithFormat14(Object[] sample) {
        return cmapWithFormat14((int[][]) sample[0], (int[][][]) sample[1], (int[][][]) sample[2]);
    }

    private static Object[] sample() {
        return new Object[] {
            new int[][] {{IVS_1}, {IVS_2}},
            new int[][][] {{{0x845B, 5}, {0x20BB7, 0}}, {}},
            new int[][][] {{}, {{0x845B, 23477}, {0x9AD9, 40001}, {0x20BB7, 40002}}},
        };
    }

    /**
     * A cmap table with a (3,10) record pointing nowhere useful and a (0,5) format 14 subtable.
     *
     * @param selectors one {selector} per record
     * @param defaults per record, {start, additionalCount} ranges
     * @param nonDefaults per record, {codePoint, glyph} mappings
     */
    private static byte[] cmapWithFormat14(int[][] selectors, int[][][] defaults, int[][][] nonDefaults) {
        int n = selectors.length;
        Bytes body = new Bytes();
        int[] defaultOffsets = new int[n];
        int[] nonDefaultOffsets = new int[n];
        int headerSize = 10 + 11 * n;
        for (int i = 0; i < n; i++) {
            if (defaults[i].length > 0) {
                defaultOffsets[i] = headerSize + body.size();
                body.u32(defaults[i].length);
                for (int[] range : defaults[i]) {
                    body.u24(range[0]).u8(range[1]);
                }
            }
            if (nonDefaults[i].length > 0) {
                nonDefaultOffsets[i] = headerSize + body.size();
                body.u32(nonDefaults[i].length);
                for (int[] mapping : nonDefaults[i]) {
                    body.u24(mapping[0]).u16(mapping[1]);
                }
            }
        }
        Bytes subtable = new Bytes().u16(14).u32(headerSize + body.size()).u32(n);
        for (int i = 0; i < n; i++) {
            subtable.u24(selectors[i][0]).u32(defaultOffsets[i]).u32(nonDefaultOffsets[i]);
        }
        subtable.append(body.toArray());
        int subtableOffset = 4 + 8 * 2;
        return new Bytes().u16(0).u16(2)
                .u16(0).u16(5).u32(subtableOffset)
                .u16(3).u16(10).u32(subtableOffset)
                .append(subtable.toArray()).toArray();
    }

    /** A big-endian byte sink. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >> 8).u8(v);
        }

        Bytes u24(int v) {
            return u8(v >> 16).u8(v >> 8).u8(v);
        }

        Bytes u32(long v) {
            return u16((int) (v >> 16)).u16((int) v);
        }

        Bytes append(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
