package jp.kofu.adapters.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.issuance.port.out.ChallengePort;
import jp.kofu.core.testing.ChallengePortContract;

class H2ChallengesTest extends ChallengePortContract {

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
    protected ChallengePort newPort() {
        return new JdbiChallenges(db.empty());
    }
}
