package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.testing.ReplicaTextPortContract;

class PostgresReplicaTextsTest extends ReplicaTextPortContract {

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
    protected Replica newReplica() {
        Database database = db.empty();
        JdbiReplica replica = new JdbiReplica(database);
        return new Replica(replica, replica, new JdbiReplicaTexts(database));
    }
}
