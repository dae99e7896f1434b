package jp.kofu.adapters.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.testing.ReplicaTextPortContract;

class H2ReplicaTextsTest extends ReplicaTextPortContract {

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
    protected Replica newReplica() {
        Database database = db.empty();
        JdbiReplica replica = new JdbiReplica(database);
        return new Replica(replica, replica, new JdbiReplicaTexts(database));
    }
}
