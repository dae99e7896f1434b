package jp.kofu.core.sync.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The state of one sync stream (連携状態) — the batches of one tenant and source — beyond the applied
 * sequence the replica records with its data: when a batch last arrived, which batches wait behind a gap
 * (保留), and which batch is quarantined (隔離) with its problems.
 *
 * @param tenant the tenant
 * @param source the source system
 * @param lastReceivedAt when a batch of the stream last arrived, empty when none did
 * @param held batches waiting for an earlier number, by sequence, with their directories
 * @param quarantine the quarantined batch that stops the stream, if any
 * @param lastHeartbeatAt when the relay (連携用サーバ) last reported itself alive for the stream
 *     (死活監視/ハートビート), empty when it never did
 * @param lastAppliedAt when a batch of the stream was last applied, empty when none was (the sequence
 *     itself is kept with the data)
 */
public record StreamState(LocalGovernmentCode tenant, SourceSystem source, Optional<Instant> lastReceivedAt,
                          SortedMap<Long, Path> held, Optional<Quarantine> quarantine,
                          Optional<Instant> lastHeartbeatAt, Optional<Instant> lastAppliedAt) {

    public StreamState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lastReceivedAt, "lastReceivedAt");
        held = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(held));
        Objects.requireNonNull(quarantine, "quarantine");
        Objects.requireNonNull(lastHeartbeatAt, "lastHeartbeatAt");
        Objects.requireNonNull(lastAppliedAt, "lastAppliedAt");
    }

    /** A state without heartbeat or applied times. */
    public StreamState(LocalGovernmentCode tenant, SourceSystem source, Optional<Instant> lastReceivedAt,
                       SortedMap<Long, Path> held, Optional<Quarantine> quarantine) {
        this(tenant, source, lastReceivedAt, held, quarantine, Optional.empty(), Optional.empty());
    }

    /** A stream nothing was recorded for. */
    public static StreamState empty(LocalGovernmentCode tenant, SourceSystem source) {
        return new StreamState(tenant, source, Optional.empty(), new TreeMap<>(), Optional.empty());
    }

    /** Whether the stream is stopped: a batch is quarantined, or batches wait behind a gap. */
    public boolean stopped() {
        return quarantine.isPresent() || !held.isEmpty();
    }

    /**
     * A quarantined batch (隔離バッチ): rejected whole, nothing of it applied.
     *
     * @param sequence its number in the stream
     * @param directory where it was received
     * @param problems every problem found (file, line, field, reason)
     * @param at when it was quarantined
     */
    public record Quarantine(long sequence, Path directory, List<InputProblem> problems, Instant at) {
        public Quarantine {
            Objects.requireNonNull(directory, "directory");
            problems = List.copyOf(problems);
            Objects.requireNonNull(at, "at");
        }
    }
}
