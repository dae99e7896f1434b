package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.PREPARED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.issuance.domain.Challenge;
import jp.kofu.core.issuance.port.out.ChallengePort;
import jp.kofu.core.issuance.port.out.ChallengePort.Use;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The behaviour every {@link ChallengePort} (チャレンジの保管) must have: a challenge is accepted once per tenant,
 * also when many callers race for it. Subclass it once per implementation.
 */
public abstract class ChallengePortContract {

    /** A store holding no challenge, new for each test. */
    protected abstract ChallengePort newPort();

    private static final SecureRandom RANDOM = new SecureRandom();
    private ChallengePort port;

    @BeforeEach
    void createPort() {
        port = newPort();
    }

    static Challenge aChallenge(LocalGovernmentCode tenant, Instant issuedAt, long ttlSeconds) {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return new Challenge(tenant, nonce, issuedAt, issuedAt.plusSeconds(ttlSeconds));
    }

    @Test
    void an_issued_challenge_is_accepted_once_and_then_replayed() {
        Challenge c = aChallenge(KURUME, PREPARED_AT, 60);
        port.issue(c);

        assertThat(port.use(KURUME, c.nonceText(), PREPARED_AT.plusSeconds(5))).isEqualTo(Use.ACCEPTED);
        assertThat(port.use(KURUME, c.nonceText(), PREPARED_AT.plusSeconds(6))).isEqualTo(Use.REPLAYED);
    }

    @Test
    void a_challenge_never_issued_is_unknown_and_another_tenants_is_unknown_too() {
        Challenge c = aChallenge(KURUME, PREPARED_AT, 60);
        port.issue(c);

        assertThat(port.use(KURUME, aChallenge(KURUME, PREPARED_AT, 60).nonceText(), PREPARED_AT)).isEqualTo(Use.UNKNOWN);
        assertThat(port.use(CHIYODA, c.nonceText(), PREPARED_AT)).isEqualTo(Use.UNKNOWN);
        assertThat(port.use(KURUME, c.nonceText(), PREPARED_AT)).isEqualTo(Use.ACCEPTED);
    }

    @Test
    void a_challenge_used_at_its_expiry_is_expired_and_stays_unused() {
        Challenge c = aChallenge(KURUME, PREPARED_AT, 60);
        port.issue(c);

        assertThat(port.use(KURUME, c.nonceText(), PREPARED_AT.plusSeconds(60))).isEqualTo(Use.EXPIRED);
        assertThat(port.use(KURUME, c.nonceText(), PREPARED_AT.plusSeconds(59))).isEqualTo(Use.ACCEPTED);
    }

    @Test
    void issuing_the_same_nonce_twice_is_refused() {
        Challenge c = aChallenge(KURUME, PREPARED_AT, 60);
        port.issue(c);

        assertThatThrownBy(() -> port.issue(c)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void purging_deletes_only_challenges_expired_before_the_moment() {
        Challenge old = aChallenge(KURUME, PREPARED_AT, 60);
        Challenge fresh = aChallenge(KURUME, PREPARED_AT.plusSeconds(600), 60);
        port.issue(old);
        port.issue(fresh);

        assertThat(port.purgeExpiredBefore(PREPARED_AT.plusSeconds(300))).isEqualTo(1);

        assertThat(port.use(KURUME, old.nonceText(), PREPARED_AT)).isEqualTo(Use.UNKNOWN);
        assertThat(port.use(KURUME, fresh.nonceText(), PREPARED_AT.plusSeconds(601))).isEqualTo(Use.ACCEPTED);
    }

    @Test
    void of_many_concurrent_uses_of_one_challenge_exactly_one_is_accepted() throws Exception {
        Challenge c = aChallenge(KURUME, PREPARED_AT, 60);
        port.issue(c);
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Use>> uses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Use> attempt = () -> {
                    start.await();
                    return port.use(KURUME, c.nonceText(), PREPARED_AT.plusSeconds(1));
                };
                uses.add(pool.submit(attempt));
            }
            start.countDown();
            List<Use> outcomes = new ArrayList<>();
            for (Future<Use> f : uses) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnlyOnce(Use.ACCEPTED);
            assertThat(outcomes).filteredOn(u -> u != Use.ACCEPTED).containsOnly(Use.REPLAYED);
        } finally {
            pool.shutdownNow();
        }
    }
}
