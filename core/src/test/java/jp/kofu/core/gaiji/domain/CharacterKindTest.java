package jp.kofu.core.gaiji.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharacterKindTest {

    @Test
    void commonCharactersAreStandard() {
        for (String s : new String[] {"山", "田", "あ", "ア", "A", "1", "　", "－", "高"}) {
            assertThat(CharacterKind.of(PrintedChar.Ucs.of(s.codePointAt(0)))).as(s).isEmpty();
        }
    }

    @Test
    void eachKindOfCharacterToCheckIsRecognised() {
        assertThat(CharacterKind.of(new PrintedChar.UnidentifiedVendor("U+E012"))).contains(CharacterKind.UNIDENTIFIED_VENDOR);
        assertThat(CharacterKind.of(new PrintedChar.MjOnly(MjId.parse("MJ037229")))).contains(CharacterKind.MJ_ONLY);
        assertThat(CharacterKind.of(new PrintedChar.VariationSequence('葛', 0xE0102))).contains(CharacterKind.VARIATION_SEQUENCE);
        assertThat(CharacterKind.of(PrintedChar.Ucs.of(0xF0041))).contains(CharacterKind.PRIVATE_USE);
        assertThat(CharacterKind.of(PrintedChar.Ucs.of(0x20BB7))).contains(CharacterKind.BEYOND_BMP);
        assertThat(CharacterKind.of(PrintedChar.Ucs.of('髙'))).contains(CharacterKind.OUTSIDE_JIS_X_0208);
    }
}
