package jp.kofu.core.testing;

class InMemoryReplicaDeltaTest extends ReplicaDeltaPortContract {
    @Override
    protected Replica newReplica() {
        InMemoryReplica replica = new InMemoryReplica();
        return new Replica(replica, replica, replica);
    }
}
