package jp.kofu.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The issuance history (発行履歴) in table {@code issuances}, and the per-tenant certificate number counter in
 * {@code certificate_counters}. State changes are single conditional updates, so two reports of one
 * issuance cannot both complete it. Timestamps are kept to the microsecond.
 */
public final class JdbiIssuanceHistory implements IssuanceHistoryPort {

    private static final String COLUMNS = "tenant_code, issuance_id, state, applicant_key, kind, request_json, "
            + "store_code, prefecture, certificate_number, pdf_sha256, prepared_at, completed_at, fee, fee_paid, void_reason";

    /** How often a first number of a tenant is retried when another caller creates the counter meanwhile. */
    private static final int COUNTER_ATTEMPTS = 5;

    private final Jdbi jdbi;

    public JdbiIssuanceHistory(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void recordPrepared(Issuance.Prepared prepared) {
        Issuance.Facts f = prepared.facts();
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO issuances (tenant_code, issuance_id, state, applicant_key, "
                            + "kind, request_json, store_code, prefecture, certificate_number, pdf_sha256, prepared_at, fee) "
                            + "VALUES (:tenant, :id, :state, :applicant, :kind, :request, :store, :prefecture, :number, "
                            + ":sha256, :preparedAt, :fee)")
                    .bind("tenant", f.tenant().value())
                    .bind("id", f.id().value())
                    .bind("state", prepared.state())
                    .bind("applicant", f.applicant().value())
                    .bind("kind", f.kind().cliName())
                    .bind("request", Json.request(f.request()))
                    .bind("store", f.channel().storeCode())
                    .bind("prefecture", f.channel().prefecture())
                    .bind("number", f.certificateNumber())
                    .bind("sha256", f.pdfSha256())
                    .bind("preparedAt", Arguments.timestamp(f.preparedAt()))
                    .bind("fee", f.fee())
                    .execute());
        } catch (StatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("issuance " + f.id() + " was already recorded", e);
            }
            throw e;
        }
    }

    @Override
    public boolean recordCompletion(Issuance completed) {
        final String reason;
        final Long feePaid;
        final Instant at;
        if (completed instanceof Issuance.Issued issued) {
            reason = null;
            feePaid = issued.feePaid();
            at = issued.completedAt();
        } else if (completed instanceof Issuance.Voided voided) {
            reason = voided.reason().name();
            feePaid = null;
            at = voided.voidedAt();
        } else {
            throw new IllegalArgumentException("a completion is issued or voided, not " + completed.state());
        }
        // the state condition makes this atomic: of two concurrent completions only one matches the row
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE issuances "
                        + "SET state = :state, completed_at = :at, fee_paid = :feePaid, void_reason = :reason "
                        + "WHERE tenant_code = :tenant AND issuance_id = :id AND state = 'prepared'")
                .bind("state", completed.state())
                .bind("at", Arguments.timestamp(at))
                .bind("feePaid", feePaid)
                .bind("reason", reason)
                .bind("tenant", completed.facts().tenant().value())
                .bind("id", completed.id().value())
                .execute());
        return updated == 1;
    }

    @Override
    public Optional<Issuance> find(LocalGovernmentCode tenant, IssuanceId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM issuances "
                        + "WHERE tenant_code = :tenant AND issuance_id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map((rs, ctx) -> issuance(rs))
                .findOne());
    }

    @Override
    public List<Issuance> list(LocalGovernmentCode tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM issuances "
                        + "WHERE tenant_code = :tenant ORDER BY prepared_at, entry_no")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> issuance(rs))
                .list());
    }

    /**
     * Increments the tenant's counter and reads it back in one transaction. The UPDATE locks the counter row
     * until commit, so concurrent callers queue on it and each reads its own value (on H2 and PostgreSQL
     * alike). The first call of a tenant creates the row; if another caller creates it at the same moment,
     * the loser's insert fails on the primary key and it simply increments again.
     */
    @Override
    public long nextCertificateNumber(LocalGovernmentCode tenant) {
        String code = tenant.value();
        for (int attempt = 1; ; attempt++) {
            Optional<Long> next = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                int updated = h.createUpdate("UPDATE certificate_counters SET last_number = last_number + 1 "
                                + "WHERE tenant_code = :tenant")
                        .bind("tenant", code).execute();
                if (updated == 0) {
                    return Optional.empty();
                }
                return h.createQuery("SELECT last_number FROM certificate_counters WHERE tenant_code = :tenant")
                        .bind("tenant", code).mapTo(Long.class).findOne();
            });
            if (next.isPresent()) {
                return next.get();
            }
            try {
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO certificate_counters (tenant_code, last_number) "
                                + "VALUES (:tenant, 0)")
                        .bind("tenant", code).execute());
            } catch (StatementException e) {
                if (!SqlErrors.isUniqueViolation(e) || attempt >= COUNTER_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Issuance issuance(ResultSet rs) throws SQLException {
        Issuance.Facts facts = new Issuance.Facts(
                new IssuanceId(rs.getObject("issuance_id", UUID.class)),
                LocalGovernmentCode.parse(rs.getString("tenant_code")),
                new PersonKey(rs.getString("applicant_key")),
                Json.request(rs.getString("request_json")),
                new IssuanceChannel(rs.getString("store_code"), rs.getString("prefecture")),
                rs.getString("certificate_number"),
                rs.getString("pdf_sha256"),
                Arguments.instant(rs, "prepared_at"),
                rs.getLong("fee"));
        String state = rs.getString("state");
        return switch (state) {
            case "prepared" -> new Issuance.Prepared(facts);
            case "issued" -> new Issuance.Issued(facts, Arguments.instant(rs, "completed_at"), rs.getLong("fee_paid"));
            case "voided" -> new Issuance.Voided(facts, Arguments.instant(rs, "completed_at"),
                    Issuance.VoidReason.valueOf(rs.getString("void_reason")));
            default -> throw new IllegalStateException("unknown issuance state in the history: " + state);
        };
    }
}
