package jp.kofu.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import jp.kofu.core.testing.ReplicaDeltaPortContract;

class PostgresReplicaDeltaTest extends ReplicaDeltaPortContract {

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
        JdbiReplica replica = new JdbiReplica(db.empty());
        return new Replica(replica, replica, replica);
    }
}
