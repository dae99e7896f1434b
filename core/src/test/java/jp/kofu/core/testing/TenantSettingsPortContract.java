package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.tenant.domain.CertificatePrinting;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * The behaviour every {@link TenantSettingsPort} (団体設定の保存) must have. Subclass it once per
 * implementation and return a fresh, empty store from {@link #newPort()}.
 */
public abstract class TenantSettingsPortContract {

    /** A store holding no tenant, new for each test. */
    protected abstract TenantSettingsPort newPort();

    private TenantSettingsPort port;

    @BeforeEach
    void createPort() {
        port = newPort();
    }

    @Test
    void an_empty_store_knows_no_tenant() {
        assertThat(port.find(KURUME)).isEmpty();
        assertThat(port.all()).isEmpty();
    }

    @Test
    void saved_settings_come_back_equal_in_every_field() {
        port.save(Fixtures.kurumeSettings());
        port.save(Fixtures.chiyodaSettings());

        assertThat(port.find(KURUME)).contains(Fixtures.kurumeSettings());
        assertThat(port.find(CHIYODA)).contains(Fixtures.chiyodaSettings());
    }

    @Test
    void saving_again_replaces_the_tenants_settings() {
        port.save(Fixtures.kurumeSettings());
        TenantSettings k = Fixtures.kurumeSettings();
        TenantSettings changed = new TenantSettings(k.code(), k.name(), k.mayorTitle(), "新しい　市長",
                ZoneId.of("Asia/Tokyo"), k.hours(), Map.of(CertificateKind.JUMINHYO, 10L),
                Set.of(CertificateKind.JUMINHYO), false, Map.of(), k.blankMarker(), k.kioskMarker(),
                MonthDay.of(7, 1)).withPrinting(new CertificatePrinting(false, false, 7));

        port.save(changed);

        assertThat(port.find(KURUME)).contains(changed);
        assertThat(port.all()).containsExactly(changed);
    }

    @Test
    void all_lists_the_tenants_ordered_by_code() {
        port.save(Fixtures.kurumeSettings());
        port.save(Fixtures.chiyodaSettings());

        assertThat(port.all()).extracting(TenantSettings::code).containsExactly(CHIYODA, KURUME);
    }
}
