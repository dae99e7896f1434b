package jp.kofu.core.testing;

import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;

class InMemoryCorrespondenceTablesTest extends CorrespondenceTablePortContract {

    @Override
    protected CorrespondenceTablePort newPort() {
        return new InMemoryCorrespondenceTables();
    }
}
