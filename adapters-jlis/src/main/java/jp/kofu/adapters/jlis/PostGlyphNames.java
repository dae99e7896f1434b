package jp.kofu.adapters.jlis;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The glyph names (グリフ名) of a TrueType font's {@code post} table, format 2.0, read by the project.
 *
 * <p>Apache FontBox 3.0.8 treats every name index above 32,767 as {@code .undefined}; IPAmj Mincho has
 * 61,179 glyphs and uses indices up to 61,437, so FontBox's {@code nameToGID} misses about 28,000 MJ
 * glyphs (every {@code mj} name after {@code mj031717}). This reader takes the full 16-bit index.
 *
 * <p>Only the custom (Pascal-string) names are resolved; the 258 standard Macintosh names are not
 * needed for MJ ids and read as the empty name. Immutable and thread-safe.
 */
final class PostGlyphNames {

    private static final int STANDARD_NAMES = 258;
    private static final int POST_V2 = 0x0002_0000;

    /** The raw table: the names are decoded from it on demand to keep 61k strings out of the heap. */
    private final byte[] post;
    /** For each glyph id, the offset of its Pascal-string name in {@link #post}, or -1. */
    private final int[] nameOffsetByGlyph;
    /** For each MJ number, its glyph id, or 0. */
    private final int[] glyphByMjNumber;

    private PostGlyphNames(byte[] post, int[] nameOffsetByGlyph, int[] glyphByMjNumber) {
        this.post = post;
        this.nameOffsetByGlyph = nameOffsetByGlyph;
        this.glyphByMjNumber = glyphByMjNumber;
    }

    /**
     * Reads a {@code post} table.
     *
     * @param post the table's bytes
     * @return the names; no names at all for table formats other than 2.0
     * @throws IllegalArgumentException when a format 2.0 table is malformed
     */
    static PostGlyphNames parse(byte[] post) {
        ByteBuffer b = ByteBuffer.wrap(post);
        try {
            if (b.getInt(0) != POST_V2) {
                return new PostGlyphNames(post, new int[0], new int[0]);
            }
            int numGlyphs = b.getShort(32) & 0xFFFF;
            int[] indexByGlyph = new int[numGlyphs];
            int maxIndex = -1;
            for (int gid = 0; gid < numGlyphs; gid++) {
                indexByGlyph[gid] = b.getShort(34 + 2 * gid) & 0xFFFF;
                maxIndex = Math.max(maxIndex, indexByGlyph[gid]);
            }
            int customCount = Math.max(0, maxIndex - STANDARD_NAMES + 1);
            int[] customOffsets = new int[customCount];
            int at = 34 + 2 * numGlyphs;
            for (int i = 0; i < customCount; i++) {
                if (at >= post.length) {
                    throw new IllegalArgumentException("post table ends after " + i + " of " + customCount
                            + " glyph names");
                }
                customOffsets[i] = at;
                at += 1 + (post[at] & 0xFF);
            }
            if (at > post.length) {
                throw new IllegalArgumentException("post table's last glyph name runs past its end");
            }
            int[] nameOffsetByGlyph = new int[numGlyphs];
            int maxMj = 0;
            for (int gid = 0; gid < numGlyphs; gid++) {
                int index = indexByGlyph[gid];
                nameOffsetByGlyph[gid] = index < STANDARD_NAMES ? -1 : customOffsets[index - STANDARD_NAMES];
                maxMj = Math.max(maxMj, mjNumber(post, nameOffsetByGlyph[gid]));
            }
            int[] glyphByMjNumber = new int[maxMj + 1];
            for (int gid = numGlyphs - 1; gid > 0; gid--) {
                int mj = mjNumber(post, nameOffsetByGlyph[gid]);
                if (mj > 0) {
                    glyphByMjNumber[mj] = gid; // walking backwards keeps the first glyph of a duplicated name
                }
            }
            return new PostGlyphNames(post, nameOffsetByGlyph, glyphByMjNumber);
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new IllegalArgumentException("post table truncated (" + post.length + " bytes)", e);
        }
    }

    /** The glyph named {@code mjNNNNNN} for the MJ number, or 0 when the font has no such glyph. */
    int glyphOfMj(int mjNumber) {
        return mjNumber > 0 && mjNumber < glyphByMjNumber.length ? glyphByMjNumber[mjNumber] : 0;
    }

    /** The custom name of a glyph, or the empty string (standard Macintosh names, out of range). */
    String nameOf(int glyphId) {
        if (glyphId < 0 || glyphId >= nameOffsetByGlyph.length || nameOffsetByGlyph[glyphId] < 0) {
            return "";
        }
        int at = nameOffsetByGlyph[glyphId];
        return new String(post, at + 1, post[at] & 0xFF, StandardCharsets.ISO_8859_1);
    }

    /** Number of glyphs that carry an {@code mj} name. */
    int mjGlyphCount() {
        return (int) Arrays.stream(glyphByMjNumber).filter(g -> g > 0).count();
    }

    /** The number of a name of the exact form {@code mj} + six digits at the offset, else 0. */
    private static int mjNumber(byte[] post, int at) {
        if (at < 0 || (post[at] & 0xFF) != 8 || post[at + 1] != 'm' || post[at + 2] != 'j') {
            return 0;
        }
        int n = 0;
        for (int i = at + 3; i < at + 9; i++) {
            int d = post[i] - '0';
            if (d < 0 || d > 9) {
                return 0;
            }
            n = n * 10 + d;
        }
        return n;
    }
}
