package jp.kofu.core.testing;

import jp.kofu.core.issuance.port.out.PreparedDocumentPort;

class InMemoryPreparedDocumentsTest extends PreparedDocumentPortContract {

    @Override
    protected PreparedDocumentPort newPort() {
        return new InMemoryPreparedDocuments();
    }
}
