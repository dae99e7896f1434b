package jp.kofu.adapters.persistence;

import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.out.PreparedDocumentPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** PDFs of prepared issuances (作成済PDF) in table {@code kiosk_documents} until completion or void. */
public final class JdbiPreparedDocuments implements PreparedDocumentPort {

    private final Jdbi jdbi;

    public JdbiPreparedDocuments(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void keep(LocalGovernmentCode tenant, IssuanceId id, byte[] pdf) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO kiosk_documents (tenant_code, issuance_id, pdf) "
                        + "VALUES (:tenant, :id, :pdf)")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("pdf", pdf)
                .execute());
    }

    @Override
    public Optional<byte[]> find(LocalGovernmentCode tenant, IssuanceId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pdf FROM kiosk_documents "
                        + "WHERE tenant_code = :tenant AND issuance_id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne());
    }

    @Override
    public void discard(LocalGovernmentCode tenant, IssuanceId id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM kiosk_documents WHERE tenant_code = :tenant AND issuance_id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .execute());
    }
}
