package jp.kofu.core.testing;

import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;

class InMemoryIssuanceHistoryTest extends IssuanceHistoryPortContract {

    @Override
    protected IssuanceHistoryPort newPort() {
        return new InMemoryIssuanceHistory();
    }
}
