package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.PREPARED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.issuance.port.out.IdempotencyPort;

/** The behaviour every {@link IdempotencyPort} (冪等キーの保管) must have. */
public abstract class IdempotencyPortContract {

    /** A store holding no key, new for each test. */
    protected abstract IdempotencyPort newPort();

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private IdempotencyPort port;

    @BeforeEach
    void createPort() {
        port = newPort();
    }

    @Test
    void the_first_claim_executes_and_a_retry_gets_the_same_answer() {
        assertThat(port.claim(KURUME, "key-1", "prepare", SHA_A, PREPARED_AT)).isInstanceOf(IdempotencyPort.Claimed.class);
        byte[] answer = "{\"status\":\"prepared\"}".getBytes(StandardCharsets.UTF_8);
        port.answer(KURUME, "key-1", answer);

        IdempotencyPort.Claim retry = port.claim(KURUME, "key-1", "prepare", SHA_A, PREPARED_AT.plusSeconds(3));

        assertThat(retry).isInstanceOfSatisfying(IdempotencyPort.Replay.class,
                r -> assertThat(r.response()).isEqualTo(answer));
    }

    @Test
    void a_key_of_the_longest_length_is_kept_whole() {
        String longest = "s".repeat(IdempotencyPort.MAX_KEY_LENGTH - 1) + "1";
        String sibling = "s".repeat(IdempotencyPort.MAX_KEY_LENGTH - 1) + "2";
        assertThat(port.claim(KURUME, longest, "prepare", SHA_A, PREPARED_AT)).isInstanceOf(IdempotencyPort.Claimed.class);
        port.answer(KURUME, longest, new byte[] {1});

        assertThat(port.claim(KURUME, sibling, "prepare", SHA_A, PREPARED_AT)).isInstanceOf(IdempotencyPort.Claimed.class);
        assertThat(port.claim(KURUME, longest, "prepare", SHA_A, PREPARED_AT)).isInstanceOfSatisfying(
                IdempotencyPort.Replay.class, r -> assertThat(r.response()).containsExactly(1));
    }

    @Test
    void a_claimed_key_without_an_answer_is_in_progress_and_released_it_can_be_claimed_again() {
        port.claim(KURUME, "key-1", "menu", SHA_A, PREPARED_AT);

        assertThat(port.claim(KURUME, "key-1", "menu", SHA_A, PREPARED_AT)).isInstanceOf(IdempotencyPort.InProgress.class);

        port.release(KURUME, "key-1");
        assertThat(port.claim(KURUME, "key-1", "menu", SHA_A, PREPARED_AT)).isInstanceOf(IdempotencyPort.Claimed.class);
    }

    @Test
    void a_key_reused_for_another_request_or_operation_conflicts() {
        port.claim(KURUME, "key-1", "prepare", SHA_A, PREPARED_AT);
        port.answer(KURUME, "key-1", new byte[] {1});

        assertThat(port.claim(KURUME, "key-1", "prepare", SHA_B, PREPARED_AT)).isInstanceOf(IdempotencyPort.Conflict.class);
        assertThat(port.claim(KURUME, "key-1", "complete", SHA_A, PREPARED_AT)).isInstanceOf(IdempotencyPort.Conflict.class);
    }

    @Test
    void keys_are_per_tenant() {
        port.claim(KURUME, "key-1", "prepare", SHA_A, PREPARED_AT);

        assertThat(port.claim(CHIYODA, "key-1", "prepare", SHA_B, PREPARED_AT)).isInstanceOf(IdempotencyPort.Claimed.class);
    }

    @Test
    void purging_deletes_keys_claimed_before_the_moment() {
        port.claim(KURUME, "old", "menu", SHA_A, PREPARED_AT);
        port.answer(KURUME, "old", new byte[] {1});
        port.claim(KURUME, "new", "menu", SHA_A, PREPARED_AT.plusSeconds(100));

        assertThat(port.purgeBefore(PREPARED_AT.plusSeconds(50))).isEqualTo(1);

        assertThat(port.claim(KURUME, "old", "menu", SHA_B, PREPARED_AT.plusSeconds(200))).isInstanceOf(IdempotencyPort.Claimed.class);
        assertThat(port.claim(KURUME, "new", "menu", SHA_A, PREPARED_AT.plusSeconds(200))).isInstanceOf(IdempotencyPort.InProgress.class);
    }

    @Test
    void of_concurrent_claims_of_one_key_exactly_one_wins() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IdempotencyPort.Claim>> claims = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return port.claim(KURUME, "race", "prepare", SHA_A, PREPARED_AT);
                }));
            }
            start.countDown();
            List<IdempotencyPort.Claim> outcomes = new ArrayList<>();
            for (Future<IdempotencyPort.Claim> f : claims) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(c -> c instanceof IdempotencyPort.Claimed).hasSize(1);
            assertThat(outcomes).filteredOn(c -> !(c instanceof IdempotencyPort.Claimed))
                    .allMatch(c -> c instanceof IdempotencyPort.InProgress);
        } finally {
            pool.shutdownNow();
        }
    }
}
