package jp.kofu.core.tenant.domain;

import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Set;

/**
 * Service hours (取扱時間) of a tenant's kiosk issuance: a daily window and the days of the year on which
 * the service is closed (e.g. the new-year holidays 年末年始 in many towns; Kurume opens every day).
 *
 * @param opens first minute of service, e.g. 06:30
 * @param closes end of service (exclusive), e.g. 23:00
 * @param closedDays days of the year without service
 */
public record ServiceHours(LocalTime opens, LocalTime closes, Set<MonthDay> closedDays) {

    public ServiceHours {
        if (opens == null || closes == null || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("service hours must open before they close");
        }
        closedDays = Set.copyOf(closedDays);
    }

    /** 06:30–23:00 every day, including the new-year holidays (Kurume). */
    public static ServiceHours everyDay0630To2300() {
        return new ServiceHours(LocalTime.of(6, 30), LocalTime.of(23, 0), Set.of());
    }

    /** Whether the service is open at that local date and time. */
    public boolean isOpen(java.time.LocalDateTime at) {
        if (closedDays.contains(MonthDay.from(at))) {
            return false;
        }
        LocalTime t = at.toLocalTime();
        return !t.isBefore(opens) && t.isBefore(closes);
    }
}
