package jp.kofu.core.gaiji.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UnidentifiedCharactersTest {

    private static final PrintedChar KATSURA = new PrintedChar.VariationSequence('葛', 0xE0102);

    @Test
    void theCodesOfATextAreListedOnceInOrder() {
        PrintedText text = PrintedText.parse("{VND:U+E013}田{VND:U+E012}{VND:U+E013}");

        assertThat(UnidentifiedCharacters.vendorCodes(text)).containsExactly("U+E013", "U+E012");
    }

    @Test
    void reconversionReplacesMappedCodesAndKeepsTheOthers() {
        CorrespondenceTable table = new CorrespondenceTable(3, Map.of("U+E012", KATSURA));
        PrintedText text = PrintedText.parse("{VND:U+E012}西{VND:U+E013}");

        PrintedText converted = UnidentifiedCharacters.reconvert(text, table);

        assertThat(converted.chars()).containsExactly(KATSURA, PrintedChar.Ucs.of('西'),
                new PrintedChar.UnidentifiedVendor("U+E013"));
    }

    @Test
    void textWithoutAMappedCodeIsReturnedAsItIs() {
        CorrespondenceTable table = new CorrespondenceTable(3, Map.of("U+E012", KATSURA));
        PrintedText plain = PrintedText.plain("葛西");
        PrintedText other = PrintedText.parse("{VND:U+E099}");

        assertThat(UnidentifiedCharacters.reconvert(plain, table)).isSameAs(plain);
        assertThat(UnidentifiedCharacters.reconvert(other, table)).isSameAs(other);
    }
}
