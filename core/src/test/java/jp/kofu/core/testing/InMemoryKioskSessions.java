package jp.kofu.core.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.kofu.core.issuance.domain.KioskSession;
import jp.kofu.core.issuance.port.out.KioskSessionPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * An in-memory, thread-safe {@link KioskSessionPort}: kiosk sessions (キオスク認証セッション) in a concurrent map,
 * timestamps kept to the microsecond like the database.
 */
public final class InMemoryKioskSessions implements KioskSessionPort {

    private record Key(String tenant, String id) {
    }

    private final Map<Key, KioskSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void open(KioskSession s) {
        KioskSession stored = new KioskSession(s.id(), s.tenant(), s.cardholder(), s.cardIssuer(), s.cardSerial(),
                s.channel(), s.startedAt().truncatedTo(ChronoUnit.MICROS), s.expiresAt().truncatedTo(ChronoUnit.MICROS));
        if (sessions.putIfAbsent(new Key(s.tenant().value(), s.id()), stored) != null) {
            throw new IllegalStateException("the session id was already used");
        }
    }

    @Override
    public Optional<KioskSession> find(LocalGovernmentCode tenant, String id) {
        return Optional.ofNullable(sessions.get(new Key(tenant.value(), id)));
    }

    @Override
    public int purgeExpiredBefore(Instant before) {
        int[] n = new int[1];
        sessions.entrySet().removeIf(e -> {
            boolean old = e.getValue().expiresAt().isBefore(before);
            n[0] += old ? 1 : 0;
            return old;
        });
        return n[0];
    }
}
