package jp.kofu.core.issuance.port.out;

import java.time.Instant;
import java.util.Objects;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Remembers the answers of the kiosk interface per idempotency key (冪等キー), so that a retried call gets the
 * same answer from any node instead of being executed twice. The answers are opaque bytes to the store.
 */
public interface IdempotencyPort {

    /** The longest key a store keeps: the interface's own keys (128) under a session or challenge. */
    int MAX_KEY_LENGTH = 256;

    /**
     * Claims the key for a request. Exactly one concurrent caller gets {@link Claimed}; the others see
     * {@link InProgress} until the winner records its answer, then {@link Replay}.
     *
     * @param key up to {@link #MAX_KEY_LENGTH} characters
     * @param operation the interface operation, e.g. prepare
     * @param requestSha256 SHA-256 of the request (hex), to detect a key reused for another request
     */
    Claim claim(LocalGovernmentCode tenant, String key, String operation, String requestSha256, Instant at);

    /** Records the answer of a claimed key. */
    void answer(LocalGovernmentCode tenant, String key, byte[] response);

    /** Gives up a claimed key without an answer (an infrastructure failure): a retry executes again. */
    void release(LocalGovernmentCode tenant, String key);

    /** Deletes the keys claimed before the moment; returns how many. */
    int purgeBefore(Instant before);

    /** What claiming a key gave. */
    sealed interface Claim permits Claimed, Replay, InProgress, Conflict {
    }

    /** The caller owns the key: execute, then {@link #answer} or {@link #release}. */
    record Claimed() implements Claim {
    }

    /** The key was answered: return this answer. */
    record Replay(byte[] response) implements Claim {
        public Replay {
            Objects.requireNonNull(response, "response");
        }
    }

    /** Another caller is executing the same request right now. */
    record InProgress() implements Claim {
    }

    /** The key was used for another operation or request. */
    record Conflict() implements Claim {
    }
}
