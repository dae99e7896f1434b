package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.issuance.port.out.PreparedDocumentPort;
import jp.kofu.core.testing.PreparedDocumentPortContract;

class PostgresPreparedDocumentsTest extends PreparedDocumentPortContract {

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
    protected PreparedDocumentPort newPort() {
        return new JdbiPreparedDocuments(db.empty());
    }
}
