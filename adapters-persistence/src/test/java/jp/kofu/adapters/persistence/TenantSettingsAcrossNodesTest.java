package jp.kofu.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.MaintenanceWindow;
import jp.kofu.core.tenant.domain.TenantSettings;

/**
 * Two nodes (two stores) on one database: a node serves the settings it read for at most
 * {@link JdbiTenantSettingsStore#FRESH_FOR}, sees its own changes at once, and never remembers a tenant it did
 * not find.
 */
class TenantSettingsAcrossNodesTest extends BothEngines {

    private static TenantSettings inMaintenance(TenantSettings s) {
        var window = new MaintenanceWindow(java.time.LocalDateTime.of(2026, 12, 1, 0, 0),
                java.time.LocalDateTime.of(2026, 12, 1, 6, 0), "保守作業");
        return s.withCalendar(List.of(), List.of(window), s.testMode());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aChangeOnAnotherNodeIsSeenWithinASecondAndOnThisNodeAtOnce(String engine) throws Exception {
        Database db = database(engine);
        JdbiTenantSettingsStore a = new JdbiTenantSettingsStore(db);
        JdbiTenantSettingsStore b = new JdbiTenantSettingsStore(db);
        TenantSettings kurume = TenantSettings.kurume();
        a.save(kurume);
        assertThat(a.find(kurume.code())).contains(kurume);

        TenantSettings changed = inMaintenance(kurume);
        b.save(changed);
        assertThat(b.find(kurume.code())).as("the saving node at once").contains(changed);
        Thread.sleep(JdbiTenantSettingsStore.FRESH_FOR.toMillis() + 50);
        assertThat(a.find(kurume.code())).as("the other node after at most FRESH_FOR").contains(changed);

        a.save(kurume);
        assertThat(a.find(kurume.code())).contains(kurume);
        assertThat(a.all()).as("all() reads the table").containsExactly(kurume);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aTenantNotFoundIsNotRememberedSoOneRegisteredElsewhereIsServedAtOnce(String engine) {
        Database db = database(engine);
        JdbiTenantSettingsStore a = new JdbiTenantSettingsStore(db);
        JdbiTenantSettingsStore b = new JdbiTenantSettingsStore(db);
        LocalGovernmentCode chiyoda = LocalGovernmentCode.parse("131016");
        assertThat(a.find(chiyoda)).isEmpty();

        b.save(TenantSettings.defaultsFor(chiyoda));
        assertThat(a.find(chiyoda)).map(TenantSettings::code).contains(chiyoda);
        assertThat(Set.copyOf(a.all())).hasSize(1);
    }
}
