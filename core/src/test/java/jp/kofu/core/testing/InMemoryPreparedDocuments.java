package jp.kofu.core.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.out.PreparedDocumentPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** An in-memory, thread-safe {@link PreparedDocumentPort}: prepared PDFs (作成済PDF) in a concurrent map. */
public final class InMemoryPreparedDocuments implements PreparedDocumentPort {

    private record Key(String tenant, IssuanceId id) {
    }

    private final Map<Key, byte[]> documents = new ConcurrentHashMap<>();

    @Override
    public void keep(LocalGovernmentCode tenant, IssuanceId id, byte[] pdf) {
        documents.put(new Key(tenant.value(), id), pdf.clone());
    }

    @Override
    public Optional<byte[]> find(LocalGovernmentCode tenant, IssuanceId id) {
        return Optional.ofNullable(documents.get(new Key(tenant.value(), id))).map(byte[]::clone);
    }

    @Override
    public void discard(LocalGovernmentCode tenant, IssuanceId id) {
        documents.remove(new Key(tenant.value(), id));
    }

    /** How many PDFs are kept (for tests). */
    public int size() {
        return documents.size();
    }
}
