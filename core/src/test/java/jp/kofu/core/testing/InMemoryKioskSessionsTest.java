package jp.kofu.core.testing;

import jp.kofu.core.issuance.port.out.KioskSessionPort;

class InMemoryKioskSessionsTest extends KioskSessionPortContract {

    @Override
    protected KioskSessionPort newPort() {
        return new InMemoryKioskSessions();
    }
}
