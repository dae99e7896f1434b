package jp.kofu.core.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamState;
import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** An in-memory {@link SyncStatePort} (連携状態), thread-safe, with the same rules as the database adapter. */
public final class InMemorySyncState implements SyncStatePort {

    private record Key(String tenant, SourceSystem source) {
    }

    private final Map<Key, StreamState> streams = new LinkedHashMap<>();

    @Override
    public synchronized StreamState state(LocalGovernmentCode tenant, SourceSystem source) {
        return streams.getOrDefault(new Key(tenant.value(), source), StreamState.empty(tenant, source));
    }

    @Override
    public synchronized List<StreamState> all() {
        return streams.values().stream()
                .sorted(Comparator.comparing((StreamState s) -> s.tenant().value()).thenComparing(StreamState::source))
                .toList();
    }

    @Override
    public synchronized void received(LocalGovernmentCode tenant, SourceSystem source, Instant at) {
        StreamState s = state(tenant, source);
        put(new StreamState(tenant, source, Optional.of(at), s.held(), s.quarantine(), s.lastHeartbeatAt(),
                s.lastAppliedAt()));
    }

    @Override
    public synchronized void heartbeat(LocalGovernmentCode tenant, SourceSystem source, Instant at) {
        StreamState s = state(tenant, source);
        put(new StreamState(tenant, source, s.lastReceivedAt(), s.held(), s.quarantine(), Optional.of(at),
                s.lastAppliedAt()));
    }

    @Override
    public synchronized void applied(LocalGovernmentCode tenant, SourceSystem source, Instant at) {
        StreamState s = state(tenant, source);
        put(new StreamState(tenant, source, s.lastReceivedAt(), s.held(), s.quarantine(), s.lastHeartbeatAt(),
                Optional.of(at)));
    }

    @Override
    public synchronized void hold(LocalGovernmentCode tenant, SourceSystem source, long sequence, Path directory) {
        StreamState s = state(tenant, source);
        TreeMap<Long, Path> held = new TreeMap<>(s.held());
        held.put(sequence, directory);
        put(new StreamState(tenant, source, s.lastReceivedAt(), held, s.quarantine(), s.lastHeartbeatAt(),
                s.lastAppliedAt()));
    }

    @Override
    public synchronized void release(LocalGovernmentCode tenant, SourceSystem source, long sequence) {
        StreamState s = state(tenant, source);
        if (!s.held().containsKey(sequence)) {
            return;
        }
        TreeMap<Long, Path> held = new TreeMap<>(s.held());
        held.remove(sequence);
        put(new StreamState(tenant, source, s.lastReceivedAt(), held, s.quarantine(), s.lastHeartbeatAt(),
                s.lastAppliedAt()));
    }

    @Override
    public synchronized void quarantine(LocalGovernmentCode tenant, SourceSystem source, StreamState.Quarantine quarantine) {
        StreamState s = state(tenant, source);
        put(new StreamState(tenant, source, s.lastReceivedAt(), s.held(), Optional.of(quarantine),
                s.lastHeartbeatAt(), s.lastAppliedAt()));
    }

    @Override
    public synchronized void resolve(LocalGovernmentCode tenant, SourceSystem source) {
        StreamState s = state(tenant, source);
        if (s.quarantine().isPresent()) {
            put(new StreamState(tenant, source, s.lastReceivedAt(), s.held(), Optional.empty(),
                    s.lastHeartbeatAt(), s.lastAppliedAt()));
        }
    }

    private void put(StreamState s) {
        streams.put(new Key(s.tenant().value(), s.source()), s);
    }
}
