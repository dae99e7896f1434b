package jp.kofu.adapters.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.testing.ReplicaDeltaPortContract;

class H2ReplicaDeltaTest extends ReplicaDeltaPortContract {

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
        JdbiReplica replica = new JdbiReplica(db.empty());
        return new Replica(replica, replica, replica);
    }
}
