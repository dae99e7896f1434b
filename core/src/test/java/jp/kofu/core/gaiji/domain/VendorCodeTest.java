package jp.kofu.core.gaiji.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VendorCodeTest {

    @Test
    void shiftJisUserDefinedCodesAreWrittenSjisAndFourUpperCaseDigits() {
        assertThat(VendorCode.shiftJis(0xF040)).isEqualTo("SJIS:F040");
        assertThat(VendorCode.shiftJis(0xF9, 0xFC)).isEqualTo("SJIS:F9FC");
        assertThat(VendorCode.isValid("SJIS:F040")).isTrue();
    }

    @Test
    void codesOutsideTheUserDefinedAreaAreNotVendorCodes() {
        assertThatThrownBy(() -> VendorCode.shiftJis(0x889F)).hasMessageContaining("user-defined");
        assertThatThrownBy(() -> VendorCode.shiftJis(0xF07F)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorCode.shiftJis(0xFA40)).isInstanceOf(IllegalArgumentException.class);
        assertThat(VendorCode.isValid("U+4E00")).isFalse();
    }

    @Test
    void codesAreNormalisedToOneCanonicalForm() {
        assertThat(VendorCode.normalize("sjis:f040")).isEqualTo("SJIS:F040");
        assertThat(VendorCode.normalize("u+e012")).isEqualTo("U+E012");
        assertThat(VendorCode.normalize("U+F0001")).isEqualTo("U+F0001");
        assertThat(VendorCode.isValid("u+e012")).isFalse();
        assertThatThrownBy(() -> VendorCode.normalize("E012")).hasMessageContaining("U+XXXX or SJIS:XXXX");
    }

    @Test
    void theWindows31jPrivateUseOfAShiftJisCodeFollowsCp932() {
        assertThat(VendorCode.windows31jPrivateUse(0xF040)).isEqualTo(0xE000);
        assertThat(VendorCode.windows31jPrivateUse(0xF080)).isEqualTo(0xE000 + 63);
        assertThat(VendorCode.windows31jPrivateUse(0xF140)).isEqualTo(0xE000 + 188);
        assertThat(VendorCode.windows31jPrivateUse(0xF9FC)).isEqualTo(0xE757);
    }

    @Test
    void aShiftJisVendorCodeRoundTripsThroughTheTaggedForm() {
        PrintedText text = new VendorTextConverter(CorrespondenceTable.empty())
                .convert("髙{VND:" + VendorCode.shiftJis(0xF041) + "}");

        assertThat(text.chars()).containsExactly(PrintedChar.Ucs.of('髙'), new PrintedChar.UnidentifiedVendor("SJIS:F041"));
        assertThat(PrintedText.parse(text.toTagged())).isEqualTo(text);
    }
}
