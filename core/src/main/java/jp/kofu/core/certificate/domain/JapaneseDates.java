package jp.kofu.core.certificate.domain;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Dates as certificates print them: in the Japanese era (和暦), e.g. 令和8年11月26日, with the first year of an
 * era written 元年.
 */
public final class JapaneseDates {

    private static final DateTimeFormatter ERA = DateTimeFormatter.ofPattern("GGGG", Locale.JAPAN);

    private JapaneseDates() {
    }

    /** 令和8年11月26日; 令和元年5月1日. Dates before Meiji 6 (1873) are printed in the Gregorian calendar. */
    public static String format(LocalDate date) {
        if (date.isBefore(LocalDate.of(1873, 1, 1))) {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        JapaneseDate jd = JapaneseDate.from(date);
        int year = jd.get(ChronoField.YEAR_OF_ERA);
        return ERA.format(jd) + (year == 1 ? "元" : Integer.toString(year)) + "年"
                + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /**
     * The era name of a fiscal year, e.g. 令和8年度 for 2026. A fiscal year is named in the era that is in
     * force at its end of the calendar year, as in official use (FY2019 is 令和元年度).
     */
    public static String fiscalYear(int year) {
        JapaneseDate jd = JapaneseDate.from(LocalDate.of(year, 12, 31));
        int y = jd.get(ChronoField.YEAR_OF_ERA);
        return ERA.format(jd) + (y == 1 ? "元" : Integer.toString(y)) + "年度";
    }

    /** The era of a date (for tests and templates). */
    public static JapaneseEra era(LocalDate date) {
        return JapaneseDate.from(date).getEra();
    }
}
