package jp.kofu.core.tenant.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An exception to the tenant's regular service hours on one date (取扱時間の特例): the service is closed all
 * day (e.g. an election day, a system migration) or open with other hours (e.g. extended hours in the
 * late-March moving season). It overrides both the daily window and the closed days of {@link ServiceHours}.
 *
 * @param day the date
 * @param opens first minute of service that day; empty (together with {@code closes}) when closed all day
 * @param closes end of service that day (exclusive)
 * @param notice what the kiosk may show, e.g. 本日はシステム切替のため休止します (no personal data)
 */
public record CalendarException(LocalDate day, Optional<LocalTime> opens, Optional<LocalTime> closes, String notice) {

    public CalendarException {
        Objects.requireNonNull(day, "day");
        opens = opens == null ? Optional.empty() : opens;
        closes = closes == null ? Optional.empty() : closes;
        if (opens.isPresent() != closes.isPresent()) {
            throw new IllegalArgumentException("an exception day has both opening and closing times, or neither");
        }
        if (opens.isPresent() && !opens.get().isBefore(closes.get())) {
            throw new IllegalArgumentException("service must open before it closes on " + day);
        }
        notice = notice == null ? "" : notice;
    }

    /** The service is closed all day. */
    public static CalendarException closed(LocalDate day, String notice) {
        return new CalendarException(day, Optional.empty(), Optional.empty(), notice);
    }

    /** The service is open with other hours that day. */
    public static CalendarException hours(LocalDate day, LocalTime opens, LocalTime closes, String notice) {
        return new CalendarException(day, Optional.of(opens), Optional.of(closes), notice);
    }

    /** Whether the service is open at that moment of this exception's day. */
    boolean isOpen(LocalDateTime at) {
        if (opens.isEmpty()) {
            return false;
        }
        LocalTime t = at.toLocalTime();
        return !t.isBefore(opens.get()) && t.isBefore(closes.get());
    }
}
