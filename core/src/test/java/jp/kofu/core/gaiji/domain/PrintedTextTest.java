package jp.kofu.core.gaiji.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PrintedTextTest {

    private static final String KATSU_IVS = "\u845B\uDB40\uDD02"; // 葛 + U+E0102
    private static final String YOSHI = "\uD842\uDFB7"; // 𠮷 U+20BB7

    @Test
    void aVariationSequenceIsOneCharacter() {
        PrintedText t = PrintedText.parse(KATSU_IVS + "城");
        assertThat(t.length()).isEqualTo(2);
        assertThat(t.chars().get(0)).isEqualTo(new PrintedChar.VariationSequence(0x845B, 0xE0102));
    }

    @Test
    void nonBmpCharactersAreSingleCodePoints() {
        PrintedText t = PrintedText.parse(YOSHI + "田");
        assertThat(t.chars()).containsExactly(new PrintedChar.Ucs(0x20BB7), new PrintedChar.Ucs('田'));
    }

    @Test
    void tagsNameMjOnlyAndUnidentifiedVendorCharacters() {
        PrintedText t = PrintedText.parse("山{MJ037229}{VND:U+E012}子");
        assertThat(t.chars()).containsExactly(new PrintedChar.Ucs('山'), new PrintedChar.MjOnly(new MjId(37229)),
                new PrintedChar.UnidentifiedVendor("U+E012"), new PrintedChar.Ucs('子'));
        assertThat(t.hasUnidentified()).isTrue();
        assertThat(t.toUnicode()).isEqualTo("山〓〓子");
    }

    @Test
    void theTaggedFormRoundTripsEveryKindOfCharacter() {
        String tagged = "{U+007B}" + KATSU_IVS + YOSHI + "{MJ000001}{VND:SJIS:F040}" + "\u8FBB\uFE00";
        PrintedText t = PrintedText.parse(tagged);
        assertThat(PrintedText.parse(t.toTagged())).isEqualTo(t);
        assertThat(t.toTagged()).isEqualTo(tagged);
    }

    @Test
    void plainTextTakesBracesLiterally() {
        PrintedText t = PrintedText.plain("{MJ000001}");
        assertThat(t.length()).isEqualTo(10);
        assertThat(PrintedText.parse(t.toTagged())).isEqualTo(t);
    }

    @Test
    void malformedTextNamesThePosition() {
        assertThatThrownBy(() -> PrintedText.parse("ab{MJ12}")).hasMessageContaining("position 2");
        assertThatThrownBy(() -> PrintedText.parse("ab{MJ000001")).hasMessageContaining("unclosed tag at position 2");
        assertThatThrownBy(() -> PrintedText.parse("\uDB40\uDD00")).hasMessageContaining("without a base");
        assertThatThrownBy(() -> PrintedText.parse("a}")).hasMessageContaining("position 1");
    }

    @Test
    void vendorPrivateUseCharactersBecomeWhatTheCorrespondenceTableSaysOrStayUnidentified() {
        CorrespondenceTable table = new CorrespondenceTable(1, Map.of("U+E012", new PrintedChar.MjOnly(new MjId(37229))));
        VendorTextConverter converter = new VendorTextConverter(table);
        PrintedText t = converter.convert("高\uE012\uE013");
        assertThat(t.chars()).containsExactly(new PrintedChar.Ucs('高'), new PrintedChar.MjOnly(new MjId(37229)),
                new PrintedChar.UnidentifiedVendor("U+E013"));
    }

    @Test
    void aCodePointTagIsTakenLiterallyEvenInAPrivateUseArea() {
        VendorTextConverter converter = new VendorTextConverter(CorrespondenceTable.empty());
        assertThat(converter.convert("{U+E012}{U+10FF00}").chars())
                .containsExactly(new PrintedChar.Ucs(0xE012), new PrintedChar.Ucs(0x10FF00));
    }

    @Test
    void vendorTagsAreLookedUpToo() {
        CorrespondenceTable table = new CorrespondenceTable(2, Map.of("SJIS:F040", new PrintedChar.Ucs('髙')));
        assertThat(new VendorTextConverter(table).convert("{VND:SJIS:F040}{VND:SJIS:F041}").chars())
                .containsExactly(new PrintedChar.Ucs('髙'), new PrintedChar.UnidentifiedVendor("SJIS:F041"));
    }

    @Test
    void mjIdsHaveTheFontsGlyphNames() {
        assertThat(MjId.parse("MJ012345").glyphName()).isEqualTo("mj012345");
        assertThatThrownBy(() -> MjId.parse("MJ12345")).isInstanceOf(IllegalArgumentException.class);
    }
}
