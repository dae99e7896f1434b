package jp.kofu.adapters.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.core.testing.TenantSettingsPortContract;

class H2TenantSettingsStoreTest extends TenantSettingsPortContract {

    @TempDir
    static Path directory;
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.h2(directory);
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
