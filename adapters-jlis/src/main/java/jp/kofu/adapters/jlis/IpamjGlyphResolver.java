package jp.kofu.adapters.jlis;

import java.util.Objects;
import java.util.Optional;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;

/**
 * Glyph resolution (字形解決) in IPAmj Mincho: finds the exact glyph of a printed character, or nothing.
 *
 * <ul>
 *   <li>a plain code point: the font's Unicode cmap (format 12); a code point the cmap lacks but the MJ
 *       character list implements for exactly one MJ character is resolved by that character's glyph name —
 *       IPAmj 006.01 carries {@code mj057449} and {@code mj060040} but predates their code points U+9FEE and
 *       U+9FEF (Unicode 11);</li>
 *   <li>an ideographic variation sequence (異体字シーケンス): the cmap format 14 subtable, read by
 *       {@link CmapFormat14} (default sequences print the base glyph, non-default ones their own glyph);
 *       a sequence the font does not list resolves to nothing, never to the bare base glyph;</li>
 *   <li>an MJ-only character: the glyph named {@code mjNNNNNN} in the post table;</li>
 *   <li>an unidentified vendor character (未同定外字): nothing, ever.</li>
 * </ul>
 * Glyph 0 ({@code .notdef}) is never returned. Stateless and thread-safe.
 */
public final class IpamjGlyphResolver implements GlyphResolutionPort {

    private final IpamjFont font;

    @Inject
    public IpamjGlyphResolver(IpamjFont font) {
        this.font = Objects.requireNonNull(font, "font");
    }

    @Override
    public Optional<Glyph> resolve(PrintedChar character) {
        Objects.requireNonNull(character, "character");
        int glyphId = 0;
        if (character instanceof PrintedChar.Ucs ucs) {
            glyphId = font.glyphOfCodePoint(ucs.codePoint());
            if (glyphId == 0) {
                glyphId = byImplementedCodePoint(ucs.codePoint());
            }
        } else if (character instanceof PrintedChar.VariationSequence vs) {
            int found = font.variationSequences().lookup(vs.base(), vs.selector());
            glyphId = found == CmapFormat14.DEFAULT_GLYPH ? font.glyphOfCodePoint(vs.base()) : Math.max(found, 0);
        } else if (character instanceof PrintedChar.MjOnly mj) {
            glyphId = font.glyphNames().glyphOfMj(mj.id().number());
        }
        if (glyphId <= 0 || glyphId >= font.numberOfGlyphs()) {
            return Optional.empty();
        }
        return Optional.of(new Glyph(glyphId, font.glyphNames().nameOf(glyphId)));
    }

    /**
     * The glyph named after the MJ character whose implemented UCS is the code point, or 0. The repertoire is
     * consulted only when the cmap misses, so processes that never meet such a code point never load it.
     */
    private int byImplementedCodePoint(int codePoint) {
        if (CorrespondenceTable.isPrivateUse(codePoint)) {
            return 0; // vendor and MJ+ code points are never MJ characters
        }
        return MjRepertoire.shared().byCodePoint(codePoint)
                .map(mj -> font.glyphNames().glyphOfMj(mj.id().number()))
                .orElse(0);
    }
}
