package jp.kofu.core.testing;

import jp.kofu.core.issuance.port.out.IdempotencyPort;

class InMemoryIdempotencyTest extends IdempotencyPortContract {

    @Override
    protected IdempotencyPort newPort() {
        return new InMemoryIdempotency();
    }
}
