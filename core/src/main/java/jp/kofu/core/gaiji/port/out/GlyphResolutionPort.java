package jp.kofu.core.gaiji.port.out;

import java.util.Optional;

import jp.kofu.core.gaiji.domain.PrintedChar;

/**
 * Resolves a printed character to the glyph that prints it exactly (字形解決) in the certificate font.
 *
 * <p>Implementations must never substitute: a character whose exact glyph is missing resolves to
 * {@link Optional#empty()}, and the renderer treats that as a hard error, never as a {@code .notdef} box.
 * Unidentified vendor characters always resolve to empty.
 */
public interface GlyphResolutionPort {

    /**
     * The glyph for the character.
     *
     * @return the glyph, or empty when the font has no exact glyph for it
     */
    Optional<Glyph> resolve(PrintedChar character);

    /**
     * A glyph in the certificate font.
     *
     * @param glyphId the font's glyph index (never 0, which is {@code .notdef})
     * @param glyphName the glyph's name in the font's post table, e.g. {@code mj012345}, or empty
     */
    record Glyph(int glyphId, String glyphName) {
        public Glyph {
            if (glyphId <= 0) {
                throw new IllegalArgumentException(".notdef is not a glyph to print");
            }
        }
    }
}
