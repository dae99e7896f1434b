package jp.kofu.core.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LocalGovernmentCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"402036", "131016", "011002", "271004", "472018"})
    void acceptsRealCodesWithTheirCheckDigit(String code) {
        assertThat(LocalGovernmentCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void computesKurumesCheckDigitFromItsFiveDigits() {
        assertThat(LocalGovernmentCode.ofFiveDigits("40203")).isEqualTo(LocalGovernmentCode.parse("402036"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"402030", "402031", "402037", "131010"})
    void rejectsAWrongCheckDigitNamingTheExpectedOne(String code) {
        assertThatThrownBy(() -> LocalGovernmentCode.parse(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "40203", "4020361", "40203a"})
    void rejectsAnythingButSixDigits(String code) {
        assertThatThrownBy(() -> LocalGovernmentCode.parse(code)).hasMessageContaining("6 digits");
    }

    @Test
    void knowsItsPrefecture() {
        assertThat(LocalGovernmentCode.parse("402036").prefectureCode()).isEqualTo("40");
    }
}
