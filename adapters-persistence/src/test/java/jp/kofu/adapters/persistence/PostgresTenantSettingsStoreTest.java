package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.core.testing.TenantSettingsPortContract;

class PostgresTenantSettingsStoreTest extends TenantSettingsPortContract {

    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.postgres();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected TenantSettingsPort newPort() {
        return new JdbiTenantSettingsStore(db.empty());
    }
}
