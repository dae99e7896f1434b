package jp.kofu.core.sync.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.MonitoringPolicy;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamState;
import jp.kofu.core.sync.domain.StreamStatus;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.testing.InMemorySyncState;
import jp.kofu.core.testing.InMemoryTenantSettings;
import jp.kofu.core.testing.MutableClock;
import jp.kofu.core.testing.RecordingAlarms;

class MonitorSyncServiceTest {

    /** 10:00 in Tokyo. */
    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
    private static final MonitoringPolicy POLICY = MonitoringPolicy.DEFAULT.withGrace(Duration.ofMinutes(2));

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySyncState state = new InMemorySyncState();
    private final Map<SourceSystem, Long> applied = new HashMap<>();
    private final RecordingAlarms alarms = new RecordingAlarms();
    private final ReplicaWritePort sequences = new ReplicaWritePort() {
        @Override
        public void replaceAll(LocalGovernmentCode tenant, List<BatchManifest> manifests, ReplicaContent content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OptionalLong lastAppliedSequence(LocalGovernmentCode tenant, SourceSystem source) {
            Long last = applied.get(source);
            return last == null ? OptionalLong.empty() : OptionalLong.of(last);
        }
    };
    private final MonitorSyncService monitor = new MonitorSyncService(state, sequences, new InMemoryTenantSettings(
            jp.kofu.core.testing.Fixtures.kurumeSettings()),
            alarms, clock);

    private StreamStatus jukiki() {
        return monitor.status(POLICY).stream().filter(s -> s.source() == SourceSystem.JUKIKI).findFirst().orElseThrow();
    }

    @Test
    void aStreamHearingBatchesAndHeartbeatsIsNormalWithItsLag() {
        applied.put(SourceSystem.JUKIKI, 4L);
        state.received(KURUME, SourceSystem.JUKIKI, T0);
        state.applied(KURUME, SourceSystem.JUKIKI, T0);
        clock.advance(Duration.ofMinutes(6));
        monitor.heartbeat(KURUME, EnumSet.of(SourceSystem.JUKIKI));
        clock.advance(Duration.ofSeconds(30));

        StreamStatus s = jukiki();
        assertThat(s.health()).isEqualTo(StreamStatus.Health.NORMAL);
        assertThat(s.lastAppliedSequence()).hasValue(4);
        assertThat(s.lag()).contains(Duration.ofSeconds(390));
        assertThat(s.sequenceLag()).isZero();
        assertThat(s.lastHeartbeatAt()).contains(T0.plus(Duration.ofMinutes(6)));
        assertThat(monitor.check(POLICY)).allMatch(x -> x.health() == StreamStatus.Health.NORMAL);
        assertThat(alarms.raised()).isEmpty();
    }

    @Test
    void silenceBeyondLimitPlusGraceIsAbnormalAndAlarmedOnceThenCleared() {
        applied.put(SourceSystem.JUKIKI, 1L);
        monitor.heartbeat(KURUME, EnumSet.of(SourceSystem.JUKIKI));
        clock.advance(Duration.ofMinutes(7));
        assertThat(jukiki().health()).as("exactly 5m + 2m grace is still normal").isEqualTo(StreamStatus.Health.NORMAL);

        clock.advance(Duration.ofSeconds(1));
        monitor.check(POLICY);
        monitor.check(POLICY);
        StreamStatus s = jukiki();
        assertThat(s.health()).isEqualTo(StreamStatus.Health.ABNORMAL);
        assertThat(s.why()).isEqualTo("no batch or heartbeat for 7m1s (limit 5m + grace 2m)");
        assertThat(alarms.raised()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("sync/jukiki/abnormal");
            assertThat(a.what()).contains("no batch or heartbeat");
        });

        monitor.heartbeat(KURUME, EnumSet.of(SourceSystem.JUKIKI));
        monitor.check(POLICY);
        assertThat(alarms.active("sync/jukiki/abnormal", KURUME)).isEmpty();
    }

    @Test
    void outsideTheSendingWindowSilenceIsNormal() {
        applied.put(SourceSystem.JUKIKI, 1L);
        state.received(KURUME, SourceSystem.JUKIKI, T0);
        clock.advance(Duration.ofHours(12)); // 22:00 in Tokyo
        MonitoringPolicy office = POLICY.withWindow(LocalTime.of(8, 0), LocalTime.of(20, 0));
        assertThat(monitor.status(office).get(0).health()).isEqualTo(StreamStatus.Health.NORMAL);
        assertThat(monitor.status(POLICY).get(0).health()).isEqualTo(StreamStatus.Health.ABNORMAL);
    }

    @Test
    void aGapNamesTheMissingNumberAndTheSequenceLag() {
        applied.put(SourceSystem.JUKIKI, 2L);
        state.received(KURUME, SourceSystem.JUKIKI, T0);
        state.hold(KURUME, SourceSystem.JUKIKI, 4, Path.of("/in/4"));
        state.hold(KURUME, SourceSystem.JUKIKI, 5, Path.of("/in/5"));
        monitor.check(POLICY);

        StreamStatus s = jukiki();
        assertThat(s.health()).isEqualTo(StreamStatus.Health.ABNORMAL);
        assertThat(s.reasons()).extracting(StreamStatus.Reason::cause).containsExactly(StreamStatus.Cause.GAP);
        assertThat(s.why()).isEqualTo("batch 3 is missing; held: [4, 5]");
        assertThat(s.sequenceLag()).isEqualTo(3);
        assertThat(s.held()).containsExactly(4L, 5L);
        assertThat(alarms.active("sync/jukiki/abnormal", KURUME)).hasValueSatisfying(a ->
                assertThat(a.what()).contains("batch 3 is missing"));
    }

    @Test
    void aQuarantineIsAbnormalAndANewCauseRaisesTheAlarmAgain() {
        applied.put(SourceSystem.TAX, 1L);
        state.received(KURUME, SourceSystem.TAX, T0);
        state.quarantine(KURUME, SourceSystem.TAX, new StreamState.Quarantine(2, Path.of("/in/2"),
                List.of(InputProblem.ofFile("tax.csv", "SHA-256 mismatch")), T0));
        monitor.check(POLICY);
        clock.advance(Duration.ofMinutes(10));
        monitor.check(POLICY);

        assertThat(alarms.raised()).hasSize(2);
        assertThat(alarms.raised().get(0).what()).contains("batch 2 quarantined");
        assertThat(alarms.raised().get(1).what()).contains("batch 2 quarantined").contains("no batch or heartbeat");
    }

    @Test
    void aStreamThatNeverHeardAnythingInTheWindowIsAbnormal() {
        applied.put(SourceSystem.JUKIKI, 0L);
        assertThat(jukiki().why()).isEqualTo("no batch or heartbeat received yet");
        assertThat(monitor.status(POLICY)).extracting(StreamStatus::source).containsExactly(SourceSystem.JUKIKI);
        assertThat(Set.copyOf(monitor.status(POLICY))).hasSize(1);
    }
}
