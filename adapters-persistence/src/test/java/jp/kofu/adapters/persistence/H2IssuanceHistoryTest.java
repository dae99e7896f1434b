package jp.kofu.adapters.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.testing.IssuanceHistoryPortContract;

class H2IssuanceHistoryTest extends IssuanceHistoryPortContract {

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
    protected IssuanceHistoryPort newPort() {
        return new JdbiIssuanceHistory(db.empty());
    }

    /** A second adapter on the same database, like a second node's. */
    @Override
    protected IssuanceHistoryPort sameStoreOnAnotherNode() {
        return new JdbiIssuanceHistory(db.database());
    }

    @Override
    protected void tamperWithApplicant(LocalGovernmentCode tenant, long sequence, String applicant) {
        db.database().jdbi().useHandle(h -> h.createUpdate("UPDATE issuance_chain SET applicant_key = :applicant "
                        + "WHERE tenant_code = :tenant AND sequence_no = :seq")
                .bind("applicant", applicant).bind("tenant", tenant.value()).bind("seq", sequence).execute());
    }
}
