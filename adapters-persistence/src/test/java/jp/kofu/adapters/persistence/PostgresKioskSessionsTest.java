package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.issuance.port.out.KioskSessionPort;
import jp.kofu.core.testing.KioskSessionPortContract;

class PostgresKioskSessionsTest extends KioskSessionPortContract {

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
    protected KioskSessionPort newPort() {
        return new JdbiKioskSessions(db.empty());
    }
}
