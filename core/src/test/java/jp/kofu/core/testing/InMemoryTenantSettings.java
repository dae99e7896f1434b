package jp.kofu.core.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/** An in-memory, thread-safe {@link TenantSettingsPort}: the tenants' settings (団体設定) in a sorted map. */
public final class InMemoryTenantSettings implements TenantSettingsPort {

    private final ConcurrentSkipListMap<String, TenantSettings> byCode = new ConcurrentSkipListMap<>();

    public InMemoryTenantSettings() {
    }

    /** A store already holding the settings. */
    public InMemoryTenantSettings(TenantSettings... settings) {
        for (TenantSettings s : settings) {
            save(s);
        }
    }

    @Override
    public void save(TenantSettings settings) {
        byCode.put(settings.code().value(), settings);
    }

    @Override
    public Optional<TenantSettings> find(LocalGovernmentCode code) {
        return Optional.ofNullable(byCode.get(code.value()));
    }

    @Override
    public List<TenantSettings> all() {
        return List.copyOf(byCode.values());
    }
}
