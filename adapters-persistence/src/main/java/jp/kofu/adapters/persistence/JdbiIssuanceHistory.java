package jp.kofu.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.issuance.domain.ChainHead;
import jp.kofu.core.issuance.domain.HistoryEntry;
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
 *
 * <p>Each state change appends its {@link HistoryEntry} to {@code issuance_chain} in the same transaction.
 * The append first increments the sequence of the tenant's row in {@code issuance_chain_heads} and reads it
 * back with the last hash in the same statement; the update holds the row lock until commit, so the appends
 * of one tenant queue (on every node) and each links to the one before. (An update rather than a
 * {@code SELECT … FOR UPDATE}: H2 parses a FOR UPDATE query anew each time instead of caching it.)
 */
public final class JdbiIssuanceHistory implements IssuanceHistoryPort {

    private static final String COLUMNS = "tenant_code, issuance_id, state, applicant_key, kind, request_json, "
            + "store_code, prefecture, certificate_number, pdf_sha256, prepared_at, completed_at, fee, fee_paid, "
            + "void_reason, test_mode, verification_code";
    private static final String CHAIN_COLUMNS = "tenant_code, sequence_no, issuance_id, event, applicant_key, kind, "
            + "options, copies, store_code, prefecture, event_at, fee, void_reason, certificate_number, pdf_sha256, "
            + "test_mode, previous_hash, entry_hash";

    /** Tenants whose chain head row is known to exist (an optimisation: a missing row is created on demand). */
    private final Set<String> headsSeen = ConcurrentHashMap.newKeySet();

    /** The chain head row was missing inside a transaction: create it outside and run the transaction again. */
    private static final class MissingHead extends RuntimeException {
        MissingHead() {
            super(null, null, false, false);
        }
    }

    /** How often a first number of a tenant is retried when another caller creates the counter meanwhile. */
    private static final int COUNTER_ATTEMPTS = 5;

    private final Jdbi jdbi;
    /** Increments the tenant's counter and returns the new value, in one statement. */
    private final String nextNumberSql;
    /** Increments the tenant's chain sequence and returns it with the last hash, in one statement. */
    private final String nextEntrySql;

    public JdbiIssuanceHistory(Database database) {
        this.jdbi = database.jdbi();
        String update = "UPDATE certificate_counters SET last_number = last_number + 1 WHERE tenant_code = :tenant";
        this.nextNumberSql = database.engine() == Database.Engine.H2
                ? "SELECT last_number FROM FINAL TABLE (" + update + ")"
                : update + " RETURNING last_number";
        String head = "UPDATE issuance_chain_heads SET last_sequence = last_sequence + 1 WHERE tenant_code = :tenant";
        this.nextEntrySql = database.engine() == Database.Engine.H2
                ? "SELECT last_sequence, last_hash FROM FINAL TABLE (" + head + ")"
                : head + " RETURNING last_sequence, last_hash";
    }

    @Override
    public void recordPrepared(Issuance.Prepared prepared) {
        Issuance.Facts f = prepared.facts();
        try {
            inChainTransaction(f.tenant(), h -> {
                h.createUpdate("INSERT INTO issuances (tenant_code, issuance_id, state, applicant_key, "
                                + "kind, request_json, store_code, prefecture, certificate_number, pdf_sha256, prepared_at, "
                                + "fee, test_mode, verification_code) VALUES (:tenant, :id, :state, :applicant, :kind, "
                                + ":request, :store, :prefecture, :number, :sha256, :preparedAt, :fee, :test, :code)")
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
                        .bind("test", f.test())
                        .bind("code", f.verificationCode())
                        .execute();
                append(h, prepared);
                return true;
            });
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
        return inChainTransaction(completed.facts().tenant(), h -> {
            // the chain records the facts as stored when prepared, like find() returns them: when the caller's
            // facts are those (it read them), the update itself checks it and nothing needs to be read back
            Issuance.Facts facts = completed.facts();
            int updated = complete(h, completed, at, feePaid, reason, true);
            if (updated != 1) {
                updated = complete(h, completed, at, feePaid, reason, false);
                if (updated != 1) {
                    return false;
                }
                facts = h.createQuery("SELECT " + COLUMNS + " FROM issuances "
                                + "WHERE tenant_code = :tenant AND issuance_id = :id")
                        .bind("tenant", completed.facts().tenant().value())
                        .bind("id", completed.id().value())
                        .map((rs, ctx) -> issuance(rs).facts())
                        .one();
            }
            append(h, withFacts(completed, facts));
            return true;
        });
    }

    /** The conditional update of a completion; {@code sameFacts} also requires the recorded facts to be the caller's. */
    private static int complete(Handle h, Issuance completed, Instant at, Long feePaid, String reason, boolean sameFacts) {
        Issuance.Facts f = completed.facts();
        var update = h.createUpdate("UPDATE issuances "
                        + "SET state = :state, completed_at = :at, fee_paid = :feePaid, void_reason = :reason "
                        + "WHERE tenant_code = :tenant AND issuance_id = :id AND state = 'prepared'"
                        + (sameFacts ? " AND applicant_key = :applicant AND kind = :kind AND request_json = :request "
                        + "AND store_code = :store AND prefecture = :prefecture AND certificate_number = :number "
                        + "AND pdf_sha256 = :sha256 AND fee = :fee AND test_mode = :test" : ""))
                .bind("state", completed.state())
                .bind("at", Arguments.timestamp(at))
                .bind("feePaid", feePaid)
                .bind("reason", reason)
                .bind("tenant", f.tenant().value())
                .bind("id", completed.id().value());
        if (sameFacts) {
            update.bind("applicant", f.applicant().value())
                    .bind("kind", f.kind().cliName())
                    .bind("request", Json.request(f.request()))
                    .bind("store", f.channel().storeCode())
                    .bind("prefecture", f.channel().prefecture())
                    .bind("number", f.certificateNumber())
                    .bind("sha256", f.pdfSha256())
                    .bind("fee", f.fee())
                    .bind("test", f.test());
        }
        return update.execute();
    }

    private static Issuance withFacts(Issuance completed, Issuance.Facts facts) {
        if (completed instanceof Issuance.Issued issued) {
            return new Issuance.Issued(facts, Arguments.micros(issued.completedAt()), issued.feePaid());
        }
        Issuance.Voided voided = (Issuance.Voided) completed;
        return new Issuance.Voided(facts, Arguments.micros(voided.voidedAt()), voided.reason());
    }

    /** Runs the work in a transaction that may append to the tenant's chain, creating its head row on demand. */
    private <T> T inChainTransaction(LocalGovernmentCode tenant,
                                     org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            if (!headsSeen.contains(tenant.value())) {
                ensureHead(tenant.value());
            }
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
            } catch (MissingHead e) {
                headsSeen.remove(tenant.value());
                if (attempt >= COUNTER_ATTEMPTS) {
                    throw new IllegalStateException("the history chain head of a tenant cannot be created");
                }
            }
        }
    }

    private void ensureHead(String tenant) {
        if (chainHead(LocalGovernmentCode.parse(tenant)).lastSequence() > 0) {
            headsSeen.add(tenant);
            return;
        }
        try {
            // another caller (or node) may create it at the same moment: the primary key keeps one
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO issuance_chain_heads (tenant_code, last_sequence, last_hash) "
                            + "VALUES (:tenant, 0, :genesis)")
                    .bind("tenant", tenant)
                    .bind("genesis", HistoryEntry.GENESIS)
                    .execute());
        } catch (StatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
        headsSeen.add(tenant);
    }

    /** Appends the entry of the issuance's new state to its tenant's chain, inside the caller's transaction. */
    private void append(Handle h, Issuance issuance) {
        String tenant = issuance.facts().tenant().value();
        // the update takes the head row's lock until commit (H2 and PostgreSQL alike): the appends of a tenant
        // queue here, on every node, and each reads the head the one before it wrote
        ChainHead head = h.createQuery(nextEntrySql)
                .bind("tenant", tenant)
                .map((rs, ctx) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .findOne()
                .orElseThrow(MissingHead::new);
        HistoryEntry e = HistoryEntry.of(issuance, head.lastSequence(), head.lastHash());
        h.createUpdate("INSERT INTO issuance_chain (" + CHAIN_COLUMNS + ") VALUES (:tenant, :seq, :id, :event, "
                        + ":applicant, :kind, :options, :copies, :store, :prefecture, :at, :fee, :reason, :number, "
                        + ":sha256, :test, :previous, :hash)")
                .bind("tenant", tenant)
                .bind("seq", e.sequence())
                .bind("id", e.issuance().value())
                .bind("event", e.event().wireName())
                .bind("applicant", e.applicant().value())
                .bind("kind", e.kind().cliName())
                .bind("options", e.options())
                .bind("copies", e.copies())
                .bind("store", e.storeCode())
                .bind("prefecture", e.prefecture())
                .bind("at", Arguments.timestamp(e.at()))
                .bind("fee", e.fee())
                .bind("reason", e.voidReason())
                .bind("number", e.certificateNumber())
                .bind("sha256", e.pdfSha256())
                .bind("test", e.test())
                .bind("previous", e.previousHash())
                .bind("hash", e.hash())
                .execute();
        h.createUpdate("UPDATE issuance_chain_heads SET last_hash = :hash WHERE tenant_code = :tenant")
                .bind("hash", e.hash())
                .bind("tenant", tenant)
                .execute();
    }

    @Override
    public List<Issuance.Prepared> preparedBefore(LocalGovernmentCode tenant, Instant before, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM issuances "
                        + "WHERE tenant_code = :tenant AND state = 'prepared' AND prepared_at < :before "
                        + "ORDER BY prepared_at, entry_no")
                .bind("tenant", tenant.value())
                .bind("before", Arguments.timestamp(before))
                .setMaxRows(limit)
                .map((rs, ctx) -> (Issuance.Prepared) issuance(rs))
                .list());
    }

    @Override
    public List<HistoryEntry> chain(LocalGovernmentCode tenant, long afterSequence, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CHAIN_COLUMNS + " FROM issuance_chain "
                        + "WHERE tenant_code = :tenant AND sequence_no > :after ORDER BY sequence_no")
                .bind("tenant", tenant.value())
                .bind("after", afterSequence)
                .setMaxRows(limit)
                .map((rs, ctx) -> new HistoryEntry(LocalGovernmentCode.parse(rs.getString("tenant_code")),
                        rs.getLong("sequence_no"), new IssuanceId(rs.getObject("issuance_id", UUID.class)),
                        HistoryEntry.Event.fromWireName(rs.getString("event")), new PersonKey(rs.getString("applicant_key")),
                        CertificateKind.fromCliName(rs.getString("kind")), rs.getString("options"), rs.getInt("copies"),
                        rs.getString("store_code"), rs.getString("prefecture"), Arguments.instant(rs, "event_at"),
                        rs.getLong("fee"), rs.getString("void_reason"), rs.getString("certificate_number"),
                        rs.getString("pdf_sha256"), rs.getBoolean("test_mode"), rs.getString("previous_hash"),
                        rs.getString("entry_hash")))
                .list());
    }

    @Override
    public ChainHead chainHead(LocalGovernmentCode tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_sequence, last_hash FROM issuance_chain_heads "
                        + "WHERE tenant_code = :tenant")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .findOne()
                .orElse(ChainHead.EMPTY));
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
    public Optional<Issuance> findByCertificateNumber(LocalGovernmentCode tenant, String certificateNumber) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM issuances "
                        + "WHERE tenant_code = :tenant AND certificate_number = :number ORDER BY entry_no")
                .bind("tenant", tenant.value())
                .bind("number", certificateNumber)
                .map((rs, ctx) -> issuance(rs))
                .findFirst());
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
     * Increments the tenant's counter and reads the new value in one statement (H2's data change delta
     * table, PostgreSQL's RETURNING). The update locks the counter row until it commits, so concurrent callers
     * queue on it and each gets its own value (on H2 and PostgreSQL alike). The first call of a tenant
     * creates the row; if another caller creates it at the same moment, the loser's insert fails on the
     * primary key and it simply increments again.
     */
    @Override
    public long nextCertificateNumber(LocalGovernmentCode tenant) {
        String code = tenant.value();
        for (int attempt = 1; ; attempt++) {
            Optional<Long> next = jdbi.withHandle(h -> h.createQuery(nextNumberSql)
                    .bind("tenant", code).mapTo(Long.class).findOne());
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
                rs.getLong("fee"),
                rs.getBoolean("test_mode"),
                rs.getString("verification_code"));
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
