package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamState;
import jp.kofu.core.sync.port.out.SyncStatePort;

/** The behaviour every {@link SyncStatePort} (連携状態) must have; subclasses supply a fresh, empty one. */
public abstract class SyncStatePortContract {

    private static final Instant AT = Instant.parse("2026-11-26T01:02:03Z");

    private SyncStatePort port;

    protected abstract SyncStatePort newPort();

    @BeforeEach
    void setUp() {
        port = newPort();
    }

    @Test
    void aStreamNothingWasRecordedForIsEmptyAndRunning() {
        StreamState s = port.state(KURUME, SourceSystem.JUKIKI);
        assertThat(s.lastReceivedAt()).isEmpty();
        assertThat(s.held()).isEmpty();
        assertThat(s.quarantine()).isEmpty();
        assertThat(s.stopped()).isFalse();
        assertThat(port.all()).isEmpty();
    }

    @Test
    void heldBatchesAreKeptInOrderUntilReleased() {
        port.received(KURUME, SourceSystem.JUKIKI, AT);
        port.hold(KURUME, SourceSystem.JUKIKI, 5, Path.of("/in/jukiki-000005"));
        port.hold(KURUME, SourceSystem.JUKIKI, 4, Path.of("/in/jukiki-000004"));
        assertThat(port.state(KURUME, SourceSystem.JUKIKI).held()).containsExactly(
                java.util.Map.entry(4L, Path.of("/in/jukiki-000004")), java.util.Map.entry(5L, Path.of("/in/jukiki-000005")));
        assertThat(port.state(KURUME, SourceSystem.JUKIKI).stopped()).isTrue();

        port.release(KURUME, SourceSystem.JUKIKI, 4);
        port.release(KURUME, SourceSystem.JUKIKI, 9);
        assertThat(port.state(KURUME, SourceSystem.JUKIKI).held()).containsOnlyKeys(5L);
        assertThat(port.state(KURUME, SourceSystem.JUKIKI).lastReceivedAt()).contains(AT);
    }

    @Test
    void aQuarantineKeepsEveryProblemUntilResolved() {
        List<InputProblem> problems = List.of(new InputProblem("residents.csv", 3, "birth_date", "is not a date"),
                InputProblem.ofFile("households.csv", "SHA-256 mismatch"));
        port.quarantine(KURUME, SourceSystem.TAX, new StreamState.Quarantine(3, Path.of("/in/tax-000003"), problems, AT));

        StreamState.Quarantine q = port.state(KURUME, SourceSystem.TAX).quarantine().orElseThrow();
        assertThat(q.sequence()).isEqualTo(3);
        assertThat(q.directory()).isEqualTo(Path.of("/in/tax-000003"));
        assertThat(q.problems()).isEqualTo(problems);
        assertThat(q.at()).isEqualTo(AT);
        assertThat(port.state(KURUME, SourceSystem.JUKIKI).quarantine()).isEmpty();

        port.resolve(KURUME, SourceSystem.TAX);
        assertThat(port.state(KURUME, SourceSystem.TAX).quarantine()).isEmpty();
    }

    @Test
    void streamsOfOtherTenantsAreSeparateAndAllListsThemByTenant() {
        port.received(KURUME, SourceSystem.JUKIKI, AT);
        port.hold(CHIYODA, SourceSystem.JUKIKI, 7, Path.of("/in/x"));
        assertThat(port.state(KURUME, SourceSystem.JUKIKI).held()).isEmpty();
        assertThat(port.state(CHIYODA, SourceSystem.JUKIKI).lastReceivedAt()).isEmpty();
        assertThat(port.all()).extracting(s -> s.tenant().value())
                .isSortedAccordingTo(String::compareTo).hasSize(2);
    }

    @Test
    void heartbeatsAndAppliesAreRecordedPerStreamAndKeptAcrossOtherChanges() {
        Instant beat = AT.plusSeconds(60);
        Instant applied = AT.plusSeconds(90);
        port.heartbeat(KURUME, SourceSystem.JUKIKI, AT);
        port.heartbeat(KURUME, SourceSystem.JUKIKI, beat);
        port.applied(KURUME, SourceSystem.JUKIKI, applied);
        port.received(KURUME, SourceSystem.JUKIKI, AT);
        port.hold(KURUME, SourceSystem.JUKIKI, 9, Path.of("/in/9"));
        port.quarantine(KURUME, SourceSystem.JUKIKI, new StreamState.Quarantine(8, Path.of("/in/8"),
                List.of(InputProblem.ofFile("a.csv", "bad")), AT));
        port.resolve(KURUME, SourceSystem.JUKIKI);
        port.release(KURUME, SourceSystem.JUKIKI, 9);

        StreamState s = port.state(KURUME, SourceSystem.JUKIKI);
        assertThat(s.lastHeartbeatAt()).contains(beat);
        assertThat(s.lastAppliedAt()).contains(applied);
        assertThat(s.lastReceivedAt()).contains(AT);
        assertThat(port.state(KURUME, SourceSystem.TAX).lastHeartbeatAt()).isEmpty();
        assertThat(port.state(CHIYODA, SourceSystem.JUKIKI).lastAppliedAt()).isEmpty();
    }

    @Test
    void aStreamThatOnlyHeardAHeartbeatIsListed() {
        port.heartbeat(CHIYODA, SourceSystem.TAX, AT);
        assertThat(port.all()).singleElement().satisfies(s -> {
            assertThat(s.tenant()).isEqualTo(CHIYODA);
            assertThat(s.source()).isEqualTo(SourceSystem.TAX);
            assertThat(s.lastHeartbeatAt()).contains(AT);
            assertThat(s.lastReceivedAt()).isEmpty();
        });
    }
}
