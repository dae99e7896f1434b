package jp.kofu.core.testing;

import jp.kofu.core.tenant.port.out.TenantSettingsPort;

class InMemoryTenantSettingsTest extends TenantSettingsPortContract {

    @Override
    protected TenantSettingsPort newPort() {
        return new InMemoryTenantSettings();
    }
}
