package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.issuance.port.out.IdempotencyPort;
import jp.kofu.core.testing.IdempotencyPortContract;

class PostgresIdempotencyTest extends IdempotencyPortContract {

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
    protected IdempotencyPort newPort() {
        return new JdbiIdempotency(db.empty());
    }
}
