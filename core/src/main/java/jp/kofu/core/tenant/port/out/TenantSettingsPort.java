package jp.kofu.core.tenant.port.out;

import java.util.List;
import java.util.Optional;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;

/** Stores the settings of the tenants (団体) that kofu serves. */
public interface TenantSettingsPort {

    /** Creates or replaces the tenant's settings. */
    void save(TenantSettings settings);

    Optional<TenantSettings> find(LocalGovernmentCode code);

    /** All tenants, ordered by code. */
    List<TenantSettings> all();
}
