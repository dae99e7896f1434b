package jp.kofu.core.testing;

import jp.kofu.core.sync.port.out.SyncStatePort;

class InMemorySyncStateTest extends SyncStatePortContract {
    @Override
    protected SyncStatePort newPort() {
        return new InMemorySyncState();
    }
}
