package jp.kofu.adapters.persistence;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import jp.kofu.core.issuance.domain.Challenge;
import jp.kofu.core.issuance.port.out.ChallengePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Kiosk challenges (チャレンジ) in table {@code kiosk_challenges}. A use is one conditional UPDATE that only a
 * row still unused and unexpired matches: the database lets exactly one transaction change it, on one node
 * or many.
 */
public final class JdbiChallenges implements ChallengePort {

    private final Jdbi jdbi;

    public JdbiChallenges(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void issue(Challenge challenge) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO kiosk_challenges (tenant_code, nonce, issued_at, expires_at) "
                            + "VALUES (:tenant, :nonce, :issued, :expires)")
                    .bind("tenant", challenge.tenant().value())
                    .bind("nonce", challenge.nonceText())
                    .bind("issued", Arguments.timestamp(challenge.issuedAt()))
                    .bind("expires", Arguments.timestamp(challenge.expiresAt()))
                    .execute());
        } catch (StatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("the nonce was already issued", e);
            }
            throw e;
        }
    }

    private record State(Instant usedAt, Instant expiresAt) {
    }

    @Override
    public Use use(LocalGovernmentCode tenant, String nonce, Instant at) {
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE kiosk_challenges SET used_at = :at "
                        + "WHERE tenant_code = :tenant AND nonce = :nonce AND used_at IS NULL AND expires_at > :at")
                .bind("at", Arguments.timestamp(at))
                .bind("tenant", tenant.value())
                .bind("nonce", nonce)
                .execute());
        if (updated == 1) {
            return Use.ACCEPTED;
        }
        Optional<State> state = jdbi.withHandle(h -> h.createQuery("SELECT used_at, expires_at FROM kiosk_challenges "
                        + "WHERE tenant_code = :tenant AND nonce = :nonce")
                .bind("tenant", tenant.value())
                .bind("nonce", nonce)
                .map((rs, ctx) -> new State(Arguments.instant(rs, "used_at"), Arguments.instant(rs, "expires_at")))
                .findOne());
        if (state.isEmpty()) {
            return Use.UNKNOWN;
        }
        return state.get().usedAt() != null ? Use.REPLAYED : Use.EXPIRED;
    }

    @Override
    public int purgeExpiredBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM kiosk_challenges WHERE expires_at < :before")
                .bind("before", Arguments.timestamp(before))
                .execute());
    }
}
