package jp.kofu.core.testing;

class InMemoryReplicaTest extends ReplicaPortContract {

    @Override
    protected Replica newReplica() {
        InMemoryReplica replica = new InMemoryReplica();
        return new Replica(replica, replica);
    }
}
