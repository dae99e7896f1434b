package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.issuance.port.out.ChallengePort;
import jp.kofu.core.testing.ChallengePortContract;

class PostgresChallengesTest extends ChallengePortContract {

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
    protected ChallengePort newPort() {
        return new JdbiChallenges(db.empty());
    }
}
