package jp.kofu.core.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.kofu.core.replica.domain.PersonKey;

class ServiceCalendarTest {

    private final TenantSettings kurume = TenantSettings.kurume();

    @Test
    void kurume_is_open_from_0630_to_2300_every_day_including_12_29_to_1_3() {
        for (LocalDate day = LocalDate.of(2026, 12, 29); !day.isAfter(LocalDate.of(2027, 1, 3)); day = day.plusDays(1)) {
            assertThat(kurume.availability(day.atTime(6, 30))).isEqualTo(ServiceAvailability.OPEN);
            assertThat(kurume.availability(day.atTime(22, 59, 59))).isEqualTo(ServiceAvailability.OPEN);
            assertThat(kurume.availability(day.atTime(23, 0))).isEqualTo(new ServiceAvailability.OutOfHours(""));
            assertThat(kurume.availability(day.atTime(6, 29))).isEqualTo(new ServiceAvailability.OutOfHours(""));
        }
    }

    @Test
    void a_town_closed_over_new_year_refuses_those_days() {
        TenantSettings closedNewYear = kurume.withHours(new ServiceHours(LocalTime.of(6, 30), LocalTime.of(23, 0),
                Set.of(MonthDay.of(12, 29), MonthDay.of(12, 30), MonthDay.of(12, 31), MonthDay.of(1, 1),
                        MonthDay.of(1, 2), MonthDay.of(1, 3))));

        assertThat(closedNewYear.availability(LocalDateTime.of(2027, 1, 2, 12, 0)).isOpen()).isFalse();
        assertThat(closedNewYear.availability(LocalDateTime.of(2027, 1, 4, 12, 0)).isOpen()).isTrue();
    }

    @Test
    void an_exception_day_overrides_the_hours_and_carries_its_notice() {
        TenantSettings s = kurume.withCalendar(List.of(
                CalendarException.closed(LocalDate.of(2026, 7, 5), "選挙のため休止します"),
                CalendarException.hours(LocalDate.of(2027, 3, 28), LocalTime.of(6, 0), LocalTime.of(23, 30), "延長")),
                List.of(), TestMode.OFF);

        assertThat(s.availability(LocalDateTime.of(2026, 7, 5, 12, 0)))
                .isEqualTo(new ServiceAvailability.OutOfHours("選挙のため休止します"));
        assertThat(s.availability(LocalDateTime.of(2027, 3, 28, 6, 0)).isOpen()).isTrue();
        assertThat(s.availability(LocalDateTime.of(2027, 3, 28, 23, 15)).isOpen()).isTrue();
        assertThat(s.availability(LocalDateTime.of(2027, 3, 29, 23, 15)).isOpen()).isFalse();
    }

    @Test
    void a_maintenance_window_wins_over_open_hours() {
        MaintenanceWindow w = new MaintenanceWindow(LocalDateTime.of(2026, 11, 29, 12, 0), LocalDateTime.of(2026, 11, 29, 14, 0),
                "定期保守");
        TenantSettings s = kurume.withCalendar(List.of(), List.of(w), TestMode.OFF);

        assertThat(s.availability(LocalDateTime.of(2026, 11, 29, 12, 0))).isEqualTo(new ServiceAvailability.InMaintenance(w));
        assertThat(s.availability(LocalDateTime.of(2026, 11, 29, 14, 0))).isEqualTo(ServiceAvailability.OPEN);
    }

    @Test
    void malformed_calendars_are_refused() {
        assertThatThrownBy(() -> new MaintenanceWindow(LocalDateTime.of(2026, 1, 1, 2, 0), LocalDateTime.of(2026, 1, 1, 2, 0), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarException.hours(LocalDate.of(2026, 1, 1), LocalTime.of(9, 0), LocalTime.of(8, 0), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kurume.withCalendar(List.of(CalendarException.closed(LocalDate.of(2026, 1, 1), ""),
                CalendarException.closed(LocalDate.of(2026, 1, 1), "")), List.of(), TestMode.OFF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void test_mode_admits_only_its_residents_and_production_admits_everyone() {
        TestMode mode = TestMode.forResidents(Set.of(new PersonKey("T1")));

        assertThat(mode.admits(new PersonKey("T1"))).isTrue();
        assertThat(mode.admits(new PersonKey("P1"))).isFalse();
        assertThat(TestMode.OFF.admits(new PersonKey("P1"))).isTrue();
    }
}
