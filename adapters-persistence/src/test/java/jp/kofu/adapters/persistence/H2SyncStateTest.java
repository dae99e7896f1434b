package jp.kofu.adapters.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.testing.SyncStatePortContract;

class H2SyncStateTest extends SyncStatePortContract {

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
    protected SyncStatePort newPort() {
        return new JdbiSyncState(db.empty());
    }
}
