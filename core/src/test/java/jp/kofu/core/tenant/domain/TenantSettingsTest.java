package jp.kofu.core.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateKind;

class TenantSettingsTest {

    private final TenantSettings kurume = TenantSettings.kurume();

    @Test
    void kurumeServesFrom0630UntilJustBefore2300IncludingNewYear() {
        assertThat(kurume.hours().isOpen(LocalDateTime.of(2027, 1, 1, 6, 30))).isTrue();
        assertThat(kurume.hours().isOpen(LocalDateTime.of(2026, 12, 31, 22, 59))).isTrue();
        assertThat(kurume.hours().isOpen(LocalDateTime.of(2026, 12, 31, 23, 0))).isFalse();
        assertThat(kurume.hours().isOpen(LocalDateTime.of(2027, 1, 4, 6, 29))).isFalse();
    }

    @Test
    void duringTheSwitchWindowOnlyTheOlderYearIsOffered() {
        TenantSettings windowed = kurume.withPrinting(new CertificatePrinting(true, true, 14));

        assertThat(windowed.latestTaxYear(LocalDate.of(2026, 6, 9))).isEqualTo(2025);
        assertThat(windowed.inTaxSwitchWindow(LocalDate.of(2026, 6, 9))).isFalse();
        assertThat(windowed.latestTaxYear(LocalDate.of(2026, 6, 10))).isEqualTo(2025);
        assertThat(windowed.inTaxSwitchWindow(LocalDate.of(2026, 6, 10))).isTrue();
        assertThat(windowed.latestTaxYear(LocalDate.of(2026, 6, 23))).isEqualTo(2025);
        assertThat(windowed.latestTaxYear(LocalDate.of(2026, 6, 24))).isEqualTo(2026);
        assertThat(windowed.inTaxSwitchWindow(LocalDate.of(2026, 6, 24))).isFalse();
        assertThat(kurume.inTaxSwitchWindow(LocalDate.of(2026, 6, 10))).isFalse();
    }

    @Test
    void theLatestTaxYearSwitchesOnTheConfiguredDayInJune() {
        assertThat(kurume.latestTaxYear(LocalDate.of(2026, 6, 9))).isEqualTo(2025);
        assertThat(kurume.latestTaxYear(LocalDate.of(2026, 6, 10))).isEqualTo(2026);
        assertThat(kurume.latestTaxYear(LocalDate.of(2027, 1, 4))).isEqualTo(2026);
    }

    @Test
    void unconfiguredTenantsGetCommonDefaultsAndKurumeItsOwn() {
        assertThat(TenantSettings.defaultsFor(LocalGovernmentCode.parse("402036"))).isEqualTo(kurume);
        TenantSettings other = TenantSettings.defaultsFor(LocalGovernmentCode.parse("131016"));
        assertThat(other.feeFor(CertificateKind.JUMINHYO)).isEqualTo(300);
        assertThat(other.minimumAge()).containsEntry(CertificateKind.INKAN, 15);
    }
}
