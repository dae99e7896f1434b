package jp.kofu.core.replica.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NationalNumbersTest {

    @Test
    void anIndividualNumberCarriesItsCheckDigit() {
        // worked by hand: weights 2..7,2..6 from the right give 212; 212 mod 11 = 3; 11 - 3 = 8
        assertThat(IndividualNumber.ofElevenDigits("12345678901").value()).isEqualTo("123456789018");
        assertThatThrownBy(() -> new IndividualNumber("123456789012")).hasMessageContaining("check digit");
    }

    @Test
    void individualNumbersNeverPrintThemselves() {
        assertThat(IndividualNumber.ofElevenDigits("12345678901").toString()).doesNotContain("1234");
        assertThat(ResidentRecordCode.ofTenDigits("1234567890").toString()).doesNotContain("1234");
    }

    @Test
    void aResidentRecordCodeCarriesItsCheckDigit() {
        ResidentRecordCode code = ResidentRecordCode.ofTenDigits("1234567890");
        String wrong = code.value().substring(0, 10) + ((code.value().charAt(10) - '0' + 1) % 10);
        assertThatThrownBy(() -> new ResidentRecordCode(wrong)).hasMessageContaining("check digit");
    }
}
