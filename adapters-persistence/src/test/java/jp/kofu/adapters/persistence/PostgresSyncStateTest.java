package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.testing.SyncStatePortContract;

class PostgresSyncStateTest extends SyncStatePortContract {

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
    protected SyncStatePort newPort() {
        return new JdbiSyncState(db.empty());
    }
}
