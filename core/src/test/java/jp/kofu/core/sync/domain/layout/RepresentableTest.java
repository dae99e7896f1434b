package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.PrintedText;

/** The writer refuses what the reader would refuse, naming the record's key and the item, never the value. */
class RepresentableTest {

    @Test
    void aRequiredItemMustNotBeEmpty() {
        assertThatThrownBy(() -> Representable.requiredText(PrintedText.EMPTY, "name", "A0001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A0001: name is empty but the kofu layout requires it");
        assertThatThrownBy(() -> Representable.requiredPlain("", "issuer", "A0001"))
                .hasMessage("A0001: issuer is empty but the kofu layout requires it");
        assertThat(Representable.requiredText(PrintedText.plain("山田"), "name", "A0001")).isEqualTo("山田");
    }

    @Test
    void aPlainItemTakesNoControlOrPrivateUseCharacterAndIsNotQuoted() {
        assertThatThrownBy(() -> Representable.plain("中長期\uE012", "article_30_45_category", "A0001"))
                .hasMessage("A0001: article_30_45_category holds a control or private-use character, "
                        + "which the kofu layout does not take in this column");
        assertThatThrownBy(() -> Representable.plain("a\nb", "period_of_stay", "A0001"))
                .hasMessageNotContaining("a\nb");
        assertThat(Representable.plain("3年", "period_of_stay", "A0001")).isEqualTo("3年");
    }

    @Test
    void datesAreIsoWithinFourDigitYears() {
        assertThat(Representable.date(LocalDate.of(2026, 4, 1), "from_date", "A0001")).isEqualTo("2026-04-01");
        assertThat(Representable.date(Optional.empty(), "until_date", "A0001")).isEmpty();
        assertThatThrownBy(() -> Representable.date(LocalDate.of(10000, 1, 1), "from_date", "A0001"))
                .hasMessage("A0001: from_date is outside the years 0000-9999 of yyyy-MM-dd");
    }

    @Test
    void flagsAreOneAndZero() {
        assertThat(Representable.flag(true)).isEqualTo("1");
        assertThat(Representable.flag(false)).isEqualTo("0");
    }
}
