package jp.kofu.core.tenant.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.kofu.core.certificate.domain.CertificateKind;

/**
 * The settings of one tenant (団体設定): a municipality served by kofu. Everything that differs between
 * municipalities is configuration here, never code.
 *
 * @param code 地方公共団体コード
 * @param name the municipality's name, e.g. 久留米市
 * @param mayorTitle the issuer's title printed under the 認証文, e.g. 久留米市長
 * @param mayorName the issuer's name
 * @param zone the time zone of the municipality (Asia/Tokyo)
 * @param hours service hours
 * @param fees fee per certificate kind in 円 (手数料)
 * @param enabledKinds kinds offered at the kiosk
 * @param individualNumberOnJuminhyo whether 個人番号 may be printed on 住民票の写し on request
 * @param minimumAge minimum age per kind (e.g. 15 for 印鑑登録証明書); absent kinds have none
 * @param blankMarker what an empty item prints, 【空欄】 by default
 * @param kioskMarker the marker printed on kiosk-issued certificates (コンビニ交付の表示)
 * @param taxYearSwitch the day from which the new fiscal year's 所得課税証明書 is offered (年度切替日),
 *     e.g. June 10; before it the previous year is the latest
 * @param calendarExceptions dates with other hours or closed all day (取扱時間の特例), overriding {@code hours}
 * @param maintenanceWindows announced planned stops (計画停止)
 * @param testMode the test mode for the J-LIS connection tests (工程1試験)
 * @param printing what the certificates print beyond the fixed rules (性別 / 登録番号 on 印鑑登録証明書, the
 *     tax-year switch window)
 */
public record TenantSettings(
        LocalGovernmentCode code,
        String name,
        String mayorTitle,
        String mayorName,
        ZoneId zone,
        ServiceHours hours,
        Map<CertificateKind, Long> fees,
        Set<CertificateKind> enabledKinds,
        boolean individualNumberOnJuminhyo,
        Map<CertificateKind, Integer> minimumAge,
        String blankMarker,
        String kioskMarker,
        MonthDay taxYearSwitch,
        List<CalendarException> calendarExceptions,
        List<MaintenanceWindow> maintenanceWindows,
        TestMode testMode,
        CertificatePrinting printing) {

    public TenantSettings {
        if (code == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tenant needs a code and a name");
        }
        fees = Map.copyOf(fees);
        for (var e : fees.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("negative fee for " + e.getKey());
            }
        }
        enabledKinds = Set.copyOf(enabledKinds);
        minimumAge = Map.copyOf(minimumAge);
        blankMarker = blankMarker == null ? "【空欄】" : blankMarker;
        kioskMarker = kioskMarker == null ? "" : kioskMarker;
        taxYearSwitch = taxYearSwitch == null ? MonthDay.of(6, 10) : taxYearSwitch;
        calendarExceptions = calendarExceptions == null ? List.of() : calendarExceptions.stream()
                .sorted(Comparator.comparing(CalendarException::day)).toList();
        for (int i = 1; i < calendarExceptions.size(); i++) {
            if (calendarExceptions.get(i).day().equals(calendarExceptions.get(i - 1).day())) {
                throw new IllegalArgumentException("two calendar exceptions for " + calendarExceptions.get(i).day());
            }
        }
        maintenanceWindows = maintenanceWindows == null ? List.of() : maintenanceWindows.stream()
                .sorted(Comparator.comparing(MaintenanceWindow::from)).toList();
        testMode = testMode == null ? TestMode.OFF : testMode;
        printing = printing == null ? CertificatePrinting.standard() : printing;
    }

    /** Settings with the standard printing rules ({@link CertificatePrinting#standard()}). */
    public TenantSettings(LocalGovernmentCode code, String name, String mayorTitle, String mayorName, ZoneId zone,
                          ServiceHours hours, Map<CertificateKind, Long> fees, Set<CertificateKind> enabledKinds,
                          boolean individualNumberOnJuminhyo, Map<CertificateKind, Integer> minimumAge,
                          String blankMarker, String kioskMarker, MonthDay taxYearSwitch,
                          List<CalendarException> calendarExceptions, List<MaintenanceWindow> maintenanceWindows,
                          TestMode testMode) {
        this(code, name, mayorTitle, mayorName, zone, hours, fees, enabledKinds, individualNumberOnJuminhyo,
                minimumAge, blankMarker, kioskMarker, taxYearSwitch, calendarExceptions, maintenanceWindows, testMode,
                CertificatePrinting.standard());
    }

    /**
     * Settings without calendar exceptions or maintenance windows, test mode off: the shape settings had
     * before those existed.
     */
    public TenantSettings(LocalGovernmentCode code, String name, String mayorTitle, String mayorName, ZoneId zone,
                          ServiceHours hours, Map<CertificateKind, Long> fees, Set<CertificateKind> enabledKinds,
                          boolean individualNumberOnJuminhyo, Map<CertificateKind, Integer> minimumAge,
                          String blankMarker, String kioskMarker, MonthDay taxYearSwitch) {
        this(code, name, mayorTitle, mayorName, zone, hours, fees, enabledKinds, individualNumberOnJuminhyo,
                minimumAge, blankMarker, kioskMarker, taxYearSwitch, List.of(), List.of(), TestMode.OFF,
                CertificatePrinting.standard());
    }

    /** The same settings with another calendar, maintenance plan and test mode. */
    public TenantSettings withCalendar(List<CalendarException> exceptions, List<MaintenanceWindow> maintenance,
                                       TestMode mode) {
        return new TenantSettings(code, name, mayorTitle, mayorName, zone, hours, fees, enabledKinds,
                individualNumberOnJuminhyo, minimumAge, blankMarker, kioskMarker, taxYearSwitch, exceptions,
                maintenance, mode, printing);
    }

    /** The same settings with other printing rules. */
    public TenantSettings withPrinting(CertificatePrinting rules) {
        return new TenantSettings(code, name, mayorTitle, mayorName, zone, hours, fees, enabledKinds,
                individualNumberOnJuminhyo, minimumAge, blankMarker, kioskMarker, taxYearSwitch, calendarExceptions,
                maintenanceWindows, testMode, rules);
    }

    /** The same settings with other regular service hours. */
    public TenantSettings withHours(ServiceHours newHours) {
        return new TenantSettings(code, name, mayorTitle, mayorName, zone, newHours, fees, enabledKinds,
                individualNumberOnJuminhyo, minimumAge, blankMarker, kioskMarker, taxYearSwitch, calendarExceptions,
                maintenanceWindows, testMode, printing);
    }

    /** The maintenance window in force at that local moment, if any. */
    public Optional<MaintenanceWindow> maintenanceAt(LocalDateTime at) {
        return maintenanceWindows.stream().filter(w -> w.covers(at)).findFirst();
    }

    /** The calendar exception of that date, if any. */
    public Optional<CalendarException> exceptionOn(LocalDate day) {
        return calendarExceptions.stream().filter(e -> e.day().equals(day)).findFirst();
    }

    /**
     * Whether that local moment is within the service hours: the exception of the day if there is one,
     * else the regular hours and closed days. Maintenance is separate ({@link #availability}).
     */
    public boolean isWithinServiceHours(LocalDateTime at) {
        return exceptionOn(at.toLocalDate()).map(e -> e.isOpen(at)).orElseGet(() -> hours.isOpen(at));
    }

    /** Whether the kiosk service is available at that local moment: maintenance first, then the hours. */
    public ServiceAvailability availability(LocalDateTime at) {
        Optional<MaintenanceWindow> window = maintenanceAt(at);
        if (window.isPresent()) {
            return new ServiceAvailability.InMaintenance(window.get());
        }
        if (isWithinServiceHours(at)) {
            return ServiceAvailability.OPEN;
        }
        return new ServiceAvailability.OutOfHours(exceptionOn(at.toLocalDate()).map(CalendarException::notice).orElse(""));
    }

    /**
     * The latest fiscal year (年度) offered on the day: this year from the switch day on, else last year;
     * during the switch window ({@link CertificatePrinting#taxSwitchWindowDays()} days from the switch day)
     * still last year, the only one then offered.
     */
    public int latestTaxYear(LocalDate day) {
        LocalDate newYearFrom = taxYearSwitch.atYear(day.getYear()).plusDays(printing.taxSwitchWindowDays());
        return day.isBefore(newYearFrom) ? day.getYear() - 1 : day.getYear();
    }

    /** Whether the day is in the tax-year switch window, when only the older fiscal year is offered. */
    public boolean inTaxSwitchWindow(LocalDate day) {
        LocalDate switchDay = taxYearSwitch.atYear(day.getYear());
        return !day.isBefore(switchDay) && day.isBefore(switchDay.plusDays(printing.taxSwitchWindowDays()));
    }

    /** Fee in 円 for the kind; 0 when none is configured. */
    public long feeFor(CertificateKind kind) {
        return fees.getOrDefault(kind, 0L);
    }

    /** Kurume city (久留米市, 402036) as its specification describes it. */
    public static TenantSettings kurume() {
        Map<CertificateKind, Long> fees = new EnumMap<>(CertificateKind.class);
        fees.put(CertificateKind.JUMINHYO, 200L);
        fees.put(CertificateKind.INKAN, 200L);
        fees.put(CertificateKind.SHOTOKU, 200L);
        return new TenantSettings(
                LocalGovernmentCode.parse("402036"),
                "久留米市",
                "久留米市長",
                "原口 新五",
                ZoneId.of("Asia/Tokyo"),
                ServiceHours.everyDay0630To2300(),
                fees,
                Set.of(CertificateKind.values()),
                true,
                Map.of(CertificateKind.INKAN, 15),
                "【空欄】",
                "コンビニ交付",
                MonthDay.of(6, 10));
    }

    /**
     * Settings for a tenant that has not been configured yet: Kurume's own for 402036, otherwise the
     * common defaults (06:30–23:00 every day, 300 円, all kinds, 印鑑 from 15) under a provisional name.
     */
    public static TenantSettings defaultsFor(LocalGovernmentCode code) {
        TenantSettings kurume = kurume();
        if (kurume.code().equals(code)) {
            return kurume;
        }
        Map<CertificateKind, Long> fees = new EnumMap<>(CertificateKind.class);
        for (CertificateKind kind : CertificateKind.values()) {
            fees.put(kind, 300L);
        }
        return new TenantSettings(code, "地方公共団体" + code, "市長", "", ZoneId.of("Asia/Tokyo"),
                ServiceHours.everyDay0630To2300(), fees, Set.of(CertificateKind.values()), false,
                Map.of(CertificateKind.INKAN, 15), "【空欄】", "コンビニ交付", MonthDay.of(6, 10));
    }
}
