package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort.Glyph;

class IpamjGlyphResolverTest {

    private final IpamjFont font = IpamjFont.shared();
    private final IpamjGlyphResolver resolver = new IpamjGlyphResolver(font);

    @Test
    void resolvesAPlainKanjiThroughTheUnicodeCmap() {
        Optional<Glyph> glyph = resolver.resolve(new PrintedChar.Ucs(0x845B));

        assertThat(glyph).map(Glyph::glyphId).contains(23478);
    }

    @Test
    void resolvesACharacterBeyondTheBmp() {
        Optional<Glyph> glyph = resolver.resolve(new PrintedChar.Ucs(0x20BB7)); // 𠮷

        assertThat(glyph).map(Glyph::glyphId).contains(32914);
    }

    @Test
    void resolvesANonDefaultVariationSequenceToItsOwnGlyph() {
        Optional<Glyph> glyph = resolver.resolve(new PrintedChar.VariationSequence(0x845B, 0xE0102));

        assertThat(glyph).contains(new Glyph(23477, "mj022335"));
    }

    @Test
    void resolvesASequenceWhoseGlyphIsAlsoTheBaseCharactersGlyph() {
        Optional<Glyph> base = resolver.resolve(new PrintedChar.Ucs(0x845B));
        Optional<Glyph> sequence = resolver.resolve(new PrintedChar.VariationSequence(0x845B, 0xE0103));

        assertThat(sequence).isPresent().isEqualTo(base);
    }

    @Test
    void aSequenceOfAnotherIvdCollectionResolvesToNothing() {
        // 葛 U+E0100 is an Adobe-Japan1 sequence; IPAmj lists only the Moji_Joho ones (E0102-E0108 for 葛).
        assertThat(resolver.resolve(new PrintedChar.VariationSequence(0x845B, 0xE0100))).isEmpty();
    }

    @Test
    void aVariationSequenceTheFontDoesNotListResolvesToNothingRatherThanToItsBase() {
        Optional<Glyph> glyph = resolver.resolve(new PrintedChar.VariationSequence(0x845B, 0xE0109));

        assertThat(glyph).isEmpty();
    }

    @Test
    void resolvesAnMjIdByItsGlyphNameEvenWhereFontBoxCannot() throws IOException {
        Optional<Glyph> glyph = resolver.resolve(new PrintedChar.MjOnly(MjId.parse("MJ037229")));

        assertThat(glyph).contains(new Glyph(37918, "mj037229"));
        assertThat(font.trueType().nameToGID("mj037229"))
                .as("FontBox 3.0.8 drops post names with an index above 32767; if this starts to fail, "
                        + "FontBox was fixed and PostGlyphNames could go")
                .isZero();
    }

    @Test
    void resolvesEveryMjNameInTheFont() {
        assertThat(font.glyphNames().mjGlyphCount()).isGreaterThanOrEqualTo(58_862);
    }

    @Test
    void anMjIdTheFontLacksResolvesToNothing() {
        assertThat(resolver.resolve(new PrintedChar.MjOnly(new MjId(999_999)))).isEmpty();
    }

    @Test
    void aCodePointTheFontLacksResolvesToNothing() {
        assertThat(resolver.resolve(new PrintedChar.Ucs(0x1F600))).isEmpty(); // an emoji
        assertThat(resolver.resolve(new PrintedChar.Ucs(0x0E01))).isEmpty(); // Thai
    }

    @Test
    void anUnidentifiedVendorCharacterNeverResolves() {
        assertThat(resolver.resolve(new PrintedChar.UnidentifiedVendor("U+E012"))).isEmpty();
        assertThat(resolver.resolve(new PrintedChar.UnidentifiedVendor("SJIS:F040"))).isEmpty();
    }

    @Test
    void theFontCarriesTheIdeographicVariationSequencesOfTheMjCollection() {
        assertThat(font.variationSequences().size()).isEqualTo(11_474);
    }

    @Test
    void resolvesAStandardizedVariationSequence() {
        // 侮 U+4FAE with VS1: the shape of the compatibility ideograph U+FA30.
        Optional<Glyph> glyph = resolver.resolve(new PrintedChar.VariationSequence(0x4FAE, 0xFE00));

        assertThat(glyph).map(Glyph::glyphId).contains(31080);
        assertThat(glyph).isNotEqualTo(resolver.resolve(new PrintedChar.Ucs(0x4FAE)));
    }
}
