package jp.kofu.adapters.persistence;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import jp.kofu.core.issuance.port.out.IdempotencyPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Idempotent answers of the kiosk interface (冪等キー) in table {@code kiosk_requests}. A key is claimed by
 * inserting its row: the primary key lets one caller win on any number of nodes; the others read the row.
 */
public final class JdbiIdempotency implements IdempotencyPort {

    private final Jdbi jdbi;

    public JdbiIdempotency(Database database) {
        this.jdbi = database.jdbi();
    }

    private record Row(String operation, String requestSha256, byte[] response) {
    }

    @Override
    public Claim claim(LocalGovernmentCode tenant, String key, String operation, String requestSha256, Instant at) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO kiosk_requests "
                            + "(tenant_code, idempotency_key, operation, request_sha256, claimed_at) "
                            + "VALUES (:tenant, :key, :operation, :sha, :at)")
                    .bind("tenant", tenant.value())
                    .bind("key", key)
                    .bind("operation", operation)
                    .bind("sha", requestSha256)
                    .bind("at", Arguments.timestamp(at))
                    .execute());
            return new Claimed();
        } catch (StatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("SELECT operation, request_sha256, response "
                        + "FROM kiosk_requests WHERE tenant_code = :tenant AND idempotency_key = :key")
                .bind("tenant", tenant.value())
                .bind("key", key)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .findOne());
        if (row.isEmpty()) {
            // the winner released it a moment ago: its retry may claim it
            return new InProgress();
        }
        if (!row.get().operation().equals(operation) || !row.get().requestSha256().equals(requestSha256)) {
            return new Conflict();
        }
        return row.get().response() == null ? new InProgress() : new Replay(row.get().response());
    }

    @Override
    public void answer(LocalGovernmentCode tenant, String key, byte[] response) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE kiosk_requests SET response = :response "
                        + "WHERE tenant_code = :tenant AND idempotency_key = :key")
                .bind("response", response)
                .bind("tenant", tenant.value())
                .bind("key", key)
                .execute());
    }

    @Override
    public void release(LocalGovernmentCode tenant, String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM kiosk_requests "
                        + "WHERE tenant_code = :tenant AND idempotency_key = :key AND response IS NULL")
                .bind("tenant", tenant.value())
                .bind("key", key)
                .execute());
    }

    @Override
    public int purgeBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM kiosk_requests WHERE claimed_at < :before")
                .bind("before", Arguments.timestamp(before))
                .execute());
    }
}
