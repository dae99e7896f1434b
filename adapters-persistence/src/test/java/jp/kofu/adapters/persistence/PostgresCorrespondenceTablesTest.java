package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.testing.CorrespondenceTablePortContract;

class PostgresCorrespondenceTablesTest extends CorrespondenceTablePortContract {

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
    protected CorrespondenceTablePort newPort() {
        return new JdbiCorrespondenceTables(db.empty());
    }
}
