package jp.kofu.core.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.kofu.core.issuance.domain.Challenge;
import jp.kofu.core.issuance.port.out.ChallengePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** An in-memory, thread-safe {@link ChallengePort}: the kiosk challenges (チャレンジ) in a concurrent map. */
public final class InMemoryChallenges implements ChallengePort {

    private record Key(String tenant, String nonce) {
    }

    private record State(Instant expiresAt, boolean used) {
    }

    private final Map<Key, State> challenges = new ConcurrentHashMap<>();

    @Override
    public void issue(Challenge challenge) {
        if (challenges.putIfAbsent(new Key(challenge.tenant().value(), challenge.nonceText()),
                new State(challenge.expiresAt(), false)) != null) {
            throw new IllegalStateException("the nonce was already issued");
        }
    }

    @Override
    public Use use(LocalGovernmentCode tenant, String nonce, Instant at) {
        Use[] result = new Use[1];
        challenges.compute(new Key(tenant.value(), nonce), (k, s) -> {
            if (s == null) {
                result[0] = Use.UNKNOWN;
                return null;
            }
            if (s.used()) {
                result[0] = Use.REPLAYED;
                return s;
            }
            if (!at.isBefore(s.expiresAt())) {
                result[0] = Use.EXPIRED;
                return s;
            }
            result[0] = Use.ACCEPTED;
            return new State(s.expiresAt(), true);
        });
        return result[0];
    }

    @Override
    public int purgeExpiredBefore(Instant before) {
        int[] n = new int[1];
        challenges.entrySet().removeIf(e -> {
            boolean old = e.getValue().expiresAt().isBefore(before);
            n[0] += old ? 1 : 0;
            return old;
        });
        return n[0];
    }
}
