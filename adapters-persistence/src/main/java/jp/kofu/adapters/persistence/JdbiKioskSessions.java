package jp.kofu.adapters.persistence;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.KioskSession;
import jp.kofu.core.issuance.port.out.KioskSessionPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** Kiosk sessions (キオスク認証セッション) in table {@code kiosk_sessions}, shared by every node. */
public final class JdbiKioskSessions implements KioskSessionPort {

    private final Jdbi jdbi;

    public JdbiKioskSessions(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void open(KioskSession s) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO kiosk_sessions (tenant_code, session_id, person_key, "
                            + "card_issuer, card_serial, store_code, prefecture, started_at, expires_at) "
                            + "VALUES (:tenant, :id, :person, :issuer, :serial, :store, :prefecture, :started, :expires)")
                    .bind("tenant", s.tenant().value())
                    .bind("id", s.id())
                    .bind("person", s.cardholder().value())
                    .bind("issuer", s.cardIssuer())
                    .bind("serial", s.cardSerial().toString())
                    .bind("store", s.channel().storeCode())
                    .bind("prefecture", s.channel().prefecture())
                    .bind("started", Arguments.timestamp(s.startedAt()))
                    .bind("expires", Arguments.timestamp(s.expiresAt()))
                    .execute());
        } catch (StatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("the session id was already used", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<KioskSession> find(LocalGovernmentCode tenant, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT session_id, person_key, card_issuer, card_serial, store_code, "
                        + "prefecture, started_at, expires_at FROM kiosk_sessions "
                        + "WHERE tenant_code = :tenant AND session_id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id)
                .map((rs, ctx) -> new KioskSession(rs.getString("session_id"), tenant,
                        new PersonKey(rs.getString("person_key")), rs.getString("card_issuer"),
                        new BigInteger(rs.getString("card_serial")),
                        new IssuanceChannel(rs.getString("store_code"), rs.getString("prefecture")),
                        Arguments.instant(rs, "started_at"), Arguments.instant(rs, "expires_at")))
                .findOne());
    }

    @Override
    public int purgeExpiredBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM kiosk_sessions WHERE expires_at < :before")
                .bind("before", Arguments.timestamp(before))
                .execute());
    }
}
