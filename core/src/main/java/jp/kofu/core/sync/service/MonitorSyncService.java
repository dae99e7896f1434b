package jp.kofu.core.sync.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.MonitoringPolicy;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamState;
import jp.kofu.core.sync.domain.StreamStatus;
import jp.kofu.core.sync.domain.StreamStatus.Cause;
import jp.kofu.core.sync.domain.StreamStatus.Reason;
import jp.kofu.core.sync.port.in.MonitorSyncUseCase;
import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * Implements {@link MonitorSyncUseCase}. A stream is abnormal (異常) when a batch is quarantined, when a batch
 * is missing (later ones held), or when — inside the sending window — neither a batch nor a heartbeat arrived
 * for longer than the policy's limit plus grace (a stream that never heard either counts as silent too).
 * The alarm {@code sync/<source>/abnormal} follows the transitions; the apply service's own
 * {@code gap}/{@code quarantine} alarms stay as they are.
 */
public final class MonitorSyncService implements MonitorSyncUseCase {

    private static final String WHERE = "連携監視";

    private final SyncStatePort state;
    private final ReplicaWritePort sequences;
    private final TenantSettingsPort tenants;
    private final AlarmPort alarms;
    private final Clock clock;
    /** the causes last reported per stream, so that an unchanged abnormal stream is not raised again */
    private final Map<String, List<String>> reported = new ConcurrentHashMap<>();

    @Inject
    public MonitorSyncService(SyncStatePort state, ReplicaWritePort sequences, TenantSettingsPort tenants,
                              AlarmPort alarms, Clock clock) {
        this.state = state;
        this.sequences = sequences;
        this.tenants = tenants;
        this.alarms = alarms;
        this.clock = clock;
    }

    @Override
    public List<StreamStatus> status(MonitoringPolicy policy) {
        Instant now = clock.instant();
        TreeSet<String> codes = new TreeSet<>();
        tenants.all().stream().map(TenantSettings::code).forEach(c -> codes.add(c.value()));
        state.all().forEach(s -> codes.add(s.tenant().value()));
        List<StreamStatus> result = new ArrayList<>();
        for (String code : codes) {
            LocalGovernmentCode tenant = LocalGovernmentCode.parse(code);
            for (SourceSystem source : SourceSystem.values()) {
                StreamState s = state.state(tenant, source);
                OptionalLong last = sequences.lastAppliedSequence(tenant, source);
                if (last.isEmpty() && s.lastReceivedAt().isEmpty() && s.lastHeartbeatAt().isEmpty() && !s.stopped()) {
                    continue;
                }
                result.add(statusOf(s, last, policy, now));
            }
        }
        return result;
    }

    private static StreamStatus statusOf(StreamState s, OptionalLong last, MonitoringPolicy policy, Instant now) {
        long applied = last.orElse(0);
        List<Reason> reasons = new ArrayList<>();
        if (s.quarantine().isPresent()) {
            StreamState.Quarantine q = s.quarantine().get();
            reasons.add(new Reason(Cause.QUARANTINE, q.sequence(), "batch " + q.sequence() + " quarantined ("
                    + q.problems().size() + " problem(s), first: " + q.problems().get(0) + ")"
                    + (s.held().isEmpty() ? "" : "; " + s.held().size() + " batch(es) held")));
        } else if (!s.held().isEmpty()) {
            reasons.add(new Reason(Cause.GAP, applied + 1, "batch " + (applied + 1) + " is missing; held: "
                    + s.held().keySet()));
        }
        if (policy.inWindow(now)) {
            Optional<Instant> contact = Stream.of(s.lastReceivedAt(), s.lastHeartbeatAt())
                    .flatMap(Optional::stream).max(Instant::compareTo);
            if (contact.isEmpty()) {
                reasons.add(new Reason(Cause.SILENCE, 0, "no batch or heartbeat received yet"));
            } else {
                Duration silence = Duration.between(contact.get(), now);
                if (silence.compareTo(policy.allowedSilence()) > 0) {
                    reasons.add(new Reason(Cause.SILENCE, 0, "no batch or heartbeat for " + format(silence)
                            + " (limit " + format(policy.silenceLimit()) + " + grace " + format(policy.grace()) + ")"));
                }
            }
        }
        Optional<Duration> lag = s.lastAppliedAt().map(at -> Duration.between(at, now));
        long sequenceLag = s.held().isEmpty() ? 0 : s.held().lastKey() - applied;
        return new StreamStatus(s.tenant(), s.source(), last, s.lastAppliedAt(), s.lastReceivedAt(), s.lastHeartbeatAt(),
                lag, sequenceLag, new ArrayList<>(s.held().keySet()),
                reasons.isEmpty() ? StreamStatus.Health.NORMAL : StreamStatus.Health.ABNORMAL, reasons);
    }

    @Override
    public List<StreamStatus> check(MonitoringPolicy policy) {
        List<StreamStatus> all = status(policy);
        for (StreamStatus s : all) {
            String id = s.tenant().value() + "|" + s.source().wireName();
            String key = "sync/" + s.source().wireName() + "/abnormal";
            if (s.health() == StreamStatus.Health.NORMAL) {
                if (reported.remove(id) != null) {
                    alarms.clear(key, s.tenant());
                }
                continue;
            }
            List<String> causes = s.reasons().stream().map(r -> r.cause() + ":" + r.detail()).toList();
            if (!causes.equals(reported.get(id))) {
                alarms.raise(new Alarm(key, Optional.of(s.tenant()), Alarm.Severity.CRITICAL, WHERE,
                        s.source().wireName() + " sync abnormal: " + s.why(), clock.instant()));
                reported.put(id, causes);
            }
        }
        return all;
    }

    @Override
    public void heartbeat(LocalGovernmentCode tenant, Set<SourceSystem> sources) {
        Instant now = clock.instant();
        for (SourceSystem source : sources) {
            state.heartbeat(tenant, source, now);
        }
    }

    /** 7m12s, 45s, 2h0m. */
    static String format(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : (seconds % 60) + "s");
        }
        return (seconds / 3600) + "h" + ((seconds % 3600) / 60) + "m";
    }
}
