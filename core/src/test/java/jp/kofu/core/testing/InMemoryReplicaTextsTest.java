package jp.kofu.core.testing;

class InMemoryReplicaTextsTest extends ReplicaTextPortContract {

    @Override
    protected Replica newReplica() {
        InMemoryReplicaTexts replica = new InMemoryReplicaTexts();
        return new Replica(replica, replica, replica);
    }
}
