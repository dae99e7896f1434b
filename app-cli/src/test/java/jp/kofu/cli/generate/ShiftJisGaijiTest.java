package jp.kofu.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.VendorCode;

/** A town's text as a Shift_JIS system holds it: what windows-31j lacks becomes vendor 外字 of the user-defined area. */
class ShiftJisGaijiTest {

    @Test
    void charactersWindows31jLacksBecomeVendorGaijiAllocatedFromTheTopOfTheUserDefinedArea() {
        ShiftJisGaiji gaiji = new ShiftJisGaiji();
        PrintedText name = PrintedText.parse("𠮷田 葛\uDB40\uDD00子{MJ037229}髙橋");

        PrintedText sjis = gaiji.remap(name);

        assertThat(sjis.toTagged()).isEqualTo("{VND:SJIS:F9FC}田 {VND:SJIS:F9FB}子{VND:SJIS:F9FA}髙橋");
        assertThat(gaiji.known()).containsExactly(
                Map.entry("SJIS:F9FA", new PrintedChar.MjOnly(new MjId(37229))),
                Map.entry("SJIS:F9FB", new PrintedChar.VariationSequence(0x845B, 0xE0100)),
                Map.entry("SJIS:F9FC", PrintedChar.Ucs.of(0x20BB7)));
        assertThat(gaiji.remap(PrintedText.parse("𠮷"))).as("the same character, the same code")
                .isEqualTo(PrintedText.parse("{VND:SJIS:F9FC}"));
        assertThat(gaiji.remap(PrintedText.parse("山田"))).isEqualTo(PrintedText.parse("山田"));
    }

    @Test
    void aPrivateUseVendorCodeIsTheCodeWindows31jGivesItsCodePoint() {
        ShiftJisGaiji gaiji = new ShiftJisGaiji();

        assertThat(gaiji.remap(PrintedText.parse("{VND:U+E012}崎")).toTagged()).isEqualTo("{VND:SJIS:F052}崎");
        assertThat(gaiji.codeOf("U+E0BC")).isEqualTo("SJIS:F140");
        for (int cp : new int[] {0xE000, 0xE03E, 0xE03F, 0xE0BB, 0xE757}) {
            String code = gaiji.codeOf(String.format("U+%04X", cp));
            int twoBytes = Integer.parseInt(code.substring(5), 16);
            assertThat(VendorCode.windows31jPrivateUse(twoBytes)).as(code).isEqualTo(cp);
        }
    }
}
