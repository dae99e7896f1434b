package jp.kofu.core.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.kofu.core.issuance.port.out.IdempotencyPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** An in-memory, thread-safe {@link IdempotencyPort}: idempotent answers (冪等応答) in a concurrent map. */
public final class InMemoryIdempotency implements IdempotencyPort {

    private record Key(String tenant, String key) {
    }

    private record Record(String operation, String requestSha256, Instant claimedAt, byte[] response) {
    }

    private final Map<Key, Record> records = new ConcurrentHashMap<>();

    @Override
    public Claim claim(LocalGovernmentCode tenant, String key, String operation, String requestSha256, Instant at) {
        Record mine = new Record(operation, requestSha256, at, null);
        Record existing = records.putIfAbsent(new Key(tenant.value(), key), mine);
        if (existing == null) {
            return new Claimed();
        }
        if (!existing.operation().equals(operation) || !existing.requestSha256().equals(requestSha256)) {
            return new Conflict();
        }
        return existing.response() == null ? new InProgress() : new Replay(existing.response().clone());
    }

    @Override
    public void answer(LocalGovernmentCode tenant, String key, byte[] response) {
        records.computeIfPresent(new Key(tenant.value(), key),
                (k, r) -> new Record(r.operation(), r.requestSha256(), r.claimedAt(), response.clone()));
    }

    @Override
    public void release(LocalGovernmentCode tenant, String key) {
        records.computeIfPresent(new Key(tenant.value(), key), (k, r) -> r.response() == null ? null : r);
    }

    @Override
    public int purgeBefore(Instant before) {
        int[] n = new int[1];
        records.entrySet().removeIf(e -> {
            boolean old = e.getValue().claimedAt().isBefore(before);
            n[0] += old ? 1 : 0;
            return old;
        });
        return n[0];
    }
}
