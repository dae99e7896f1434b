package jp.kofu.core.certificate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class JapaneseDatesTest {

    @Test
    void printsDatesInTheJapaneseEraWithGannenForTheFirstYear() {
        assertThat(JapaneseDates.format(LocalDate.of(2026, 11, 26))).isEqualTo("令和8年11月26日");
        assertThat(JapaneseDates.format(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(JapaneseDates.format(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
        assertThat(JapaneseDates.format(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年1月7日");
        assertThat(JapaneseDates.format(LocalDate.of(1925, 2, 3))).isEqualTo("大正14年2月3日");
    }

    @Test
    void printsFiscalYears() {
        assertThat(JapaneseDates.fiscalYear(2026)).isEqualTo("令和8年度");
        assertThat(JapaneseDates.fiscalYear(2019)).isEqualTo("令和元年度");
    }
}
