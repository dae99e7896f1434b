package jp.kofu.core.sync.service;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase.Outcome;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.port.out.BatchReaderPort;
import jp.kofu.core.testing.InMemoryReplica;
import jp.kofu.core.testing.InMemorySyncState;
import jp.kofu.core.testing.RecordingAlarms;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

class ApplyBatchServiceTest {

    @TempDir
    Path root;

    private final Map<Path, BatchManifest> manifests = new HashMap<>();
    private final Map<Path, ParsedBatch> parsed = new HashMap<>();
    private final Map<Path, List<InputProblem>> malformed = new HashMap<>();
    private final InMemoryReplica replica = new InMemoryReplica();
    private final InMemorySyncState state = new InMemorySyncState();
    private final RecordingAlarms alarms = new RecordingAlarms();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC);

    private final BatchManifestPort manifestPort = new BatchManifestPort() {
        @Override
        public BatchManifest read(Path dir) throws BatchRejectedException {
            BatchManifest m = manifests.get(dir);
            if (m == null) {
                throw new BatchRejectedException(InputProblem.ofFile("manifest.json", "is missing"));
            }
            return m;
        }

        @Override
        public void write(Path dir, BatchManifest manifest) {
            manifests.put(dir, manifest);
        }
    };

    /** Returns what the test prepared for each directory: records, or the problems a real reader would find. */
    private final BatchReaderPort reader = new BatchReaderPort() {
        @Override
        public SourceSystem source() {
            return SourceSystem.JUKIKI;
        }

        @Override
        public ParsedBatch read(Path directory, BatchManifest manifest) throws BatchRejectedException {
            if (malformed.containsKey(directory)) {
                throw new BatchRejectedException(malformed.get(directory));
            }
            return parsed.get(directory);
        }
    };

    /** Characters need no conversion here; counts the detections. */
    private int detections;
    private final DetectUnidentifiedCharactersUseCase characters = new DetectUnidentifiedCharactersUseCase() {
        @Override
        public ReplicaContent convert(LocalGovernmentCode tenant, ReplicaContent content) {
            return content;
        }

        @Override
        public Detection detect(LocalGovernmentCode tenant) {
            detections++;
            return new Detection(tenant, List.of());
        }

        @Override
        public Detection detect(LocalGovernmentCode tenant, ReplicaContent content) {
            detections++;
            return new Detection(tenant, List.of());
        }
    };

    private ApplyBatchService service;

    @BeforeEach
    void loadATown() {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), replicaContent()
                .with(aHousehold().withId("H1").build())
                .with(aResident().withKey("P1").inHousehold("H1").version(1).build(),
                        aResident().withKey("P2").inHousehold("H1").version(1).build())
                .build());
        service = new ApplyBatchService(manifestPort, Set.of(reader), replica, replica, state, characters, alarms, clock);
    }

    /** A delta batch adding resident {@code newKey} (if not null) and deleting {@code deletedKey} (if not null). */
    private Path delta(LocalGovernmentCode tenant, long sequence, String newKey, String deletedKey) throws IOException {
        Path dir = Files.createDirectories(root.resolve("jukiki-" + sequence + "-" + tenant.value()));
        Path file = dir.resolve("residents.csv");
        Files.writeString(file, "op,key\n" + (newKey != null ? "U," + newKey + "\n" : "") + (deletedKey != null ? "D," + deletedKey + "\n" : ""));
        long records = (newKey != null ? 1 : 0) + (deletedKey != null ? 1 : 0);
        manifests.put(dir, new BatchManifest(tenant, SourceSystem.JUKIKI, sequence, BatchKind.DELTA,
                Instant.parse("2026-11-26T00:00:00Z"),
                List.of(new BatchFile("residents.csv", "residents", records, BatchFiles.sha256(file)))));
        ReplicaContent content = newKey == null ? ReplicaContent.empty()
                : replicaContent().with(aResident().withKey(newKey).inHousehold("H1").version(1).build()).build();
        Deletions deletions = deletedKey == null ? Deletions.none()
                : new Deletions(Set.of(new PersonKey(deletedKey)), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        parsed.put(dir, new ParsedBatch(content, deletions, Map.of("residents.csv", records)));
        return dir;
    }

    private Outcome apply(Path batch) {
        return service.apply(new ApplyBatchUseCase.Command(KURUME, batch));
    }

    private boolean stored(String key) {
        return replica.read(KURUME, s -> s.resident(new PersonKey(key))).isPresent();
    }

    private long lastApplied() {
        return replica.lastAppliedSequence(KURUME, SourceSystem.JUKIKI).orElse(0);
    }

    @Test
    void aDeltaIsAppliedAndAdvancesTheStream() throws Exception {
        Outcome outcome = apply(delta(KURUME, 2, "P3", "P2"));

        assertThat(outcome).isEqualTo(new ApplyBatchUseCase.Applied(SourceSystem.JUKIKI, 2, 1, 0, 1, List.of()));
        assertThat(stored("P3")).isTrue();
        assertThat(stored("P2")).isFalse();
        assertThat(lastApplied()).isEqualTo(2);
        assertThat(detections).isEqualTo(1);
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).lastReceivedAt()).contains(clock.instant());
    }

    @Test
    void aDigestBatchIsRefusedWithoutHoldingItOrStoppingTheStream() throws Exception {
        Path digest = Files.createDirectories(root.resolve("jukiki-9-digest"));
        manifests.put(digest, new BatchManifest(KURUME, SourceSystem.JUKIKI, 9, BatchKind.DIGEST,
                Instant.parse("2026-11-26T00:00:00Z"), List.of()));

        Outcome outcome = apply(digest);

        assertThat(outcome).isInstanceOfSatisfying(ApplyBatchUseCase.Quarantined.class, q -> {
            assertThat(q.source()).isEmpty();
            assertThat(q.problems()).singleElement().satisfies(p -> assertThat(p.toString()).contains("kofu sync verify"));
        });
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).stopped()).isFalse();
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).held()).isEmpty();
        assertThat(alarms.active("sync/jukiki/gap", KURUME)).isEmpty();
        assertThat(apply(delta(KURUME, 2, "P3", null))).isInstanceOf(ApplyBatchUseCase.Applied.class);
    }

    @Test
    void theSameBatchAgainIsANoOpWithAClearMessage() throws Exception {
        Path batch = delta(KURUME, 2, "P3", null);
        apply(batch);

        Outcome again = apply(batch);

        assertThat(again).isEqualTo(new ApplyBatchUseCase.AlreadyApplied(SourceSystem.JUKIKI, 2, 2));
        assertThat(again.message()).contains("already applied").contains("nothing done");
        assertThat(lastApplied()).isEqualTo(2);
    }

    @Test
    void aBatchAfterAGapIsHeldWithAnAlarmNamingTheMissingNumberAndAppliesOnceTheGapIsFilled() throws Exception {
        Outcome held = apply(delta(KURUME, 4, "P4", null));

        assertThat(held).isEqualTo(new ApplyBatchUseCase.Held(SourceSystem.JUKIKI, 4, 2));
        assertThat(stored("P4")).isFalse();
        assertThat(alarms.active("sync/jukiki/gap", KURUME)).hasValueSatisfying(a -> assertThat(a.what()).contains("batch 2 is missing"));
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).stopped()).isTrue();
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).lastAppliedAt()).as("a held batch is not applied").isEmpty();

        Outcome two = apply(delta(KURUME, 2, "P2b", null));
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).lastAppliedAt()).contains(clock.instant());
        assertThat(two).isInstanceOf(ApplyBatchUseCase.Applied.class);
        assertThat(lastApplied()).isEqualTo(2);
        assertThat(alarms.active("sync/jukiki/gap", KURUME)).hasValueSatisfying(a -> assertThat(a.what()).contains("batch 3 is missing"));

        Outcome three = apply(delta(KURUME, 3, "P3", null));
        assertThat(three).isInstanceOfSatisfying(ApplyBatchUseCase.Applied.class, a ->
                assertThat(a.followers()).singleElement().isInstanceOfSatisfying(ApplyBatchUseCase.Applied.class,
                        f -> assertThat(f.sequence()).isEqualTo(4)));
        assertThat(stored("P3")).isTrue();
        assertThat(stored("P4")).isTrue();
        assertThat(lastApplied()).isEqualTo(4);
        assertThat(alarms.active("sync/jukiki/gap", KURUME)).isEmpty();
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).stopped()).isFalse();
    }

    @Test
    void aCorruptedChecksumQuarantinesTheBatchWholeAndStopsTheStream() throws Exception {
        Path batch = delta(KURUME, 2, "P3", null);
        Files.writeString(batch.resolve("residents.csv"), "op,key\nU,P9\n");

        Outcome outcome = apply(batch);

        assertThat(outcome).isInstanceOfSatisfying(ApplyBatchUseCase.Quarantined.class, q -> {
            assertThat(q.source()).contains(SourceSystem.JUKIKI);
            assertThat(q.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("residents.csv");
                assertThat(p.reason()).contains("SHA-256 mismatch");
            });
        });
        assertThat(stored("P3")).isFalse();
        assertThat(lastApplied()).isEqualTo(1);
        assertThat(alarms.active("sync/jukiki/quarantine", KURUME)).isPresent();
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).quarantine()).hasValueSatisfying(q -> assertThat(q.sequence()).isEqualTo(2));

        Outcome later = apply(delta(KURUME, 3, "P4", null));
        assertThat(later).isEqualTo(new ApplyBatchUseCase.StreamStopped(SourceSystem.JUKIKI, 3, 2));
        assertThat(stored("P4")).isFalse();
    }

    @Test
    void aCorrectedResendOfTheQuarantinedBatchResolvesItAndTheHeldBatchesFollow() throws Exception {
        Path bad = delta(KURUME, 2, "P3", null);
        malformed.put(bad, List.of(new InputProblem("residents.csv", 2, "key", "is empty")));
        apply(bad);
        apply(delta(KURUME, 3, "P4", null));
        malformed.clear();

        Outcome resent = apply(bad);

        assertThat(resent).isInstanceOfSatisfying(ApplyBatchUseCase.Applied.class, a ->
                assertThat(a.followers()).extracting(o -> ((ApplyBatchUseCase.Applied) o).sequence()).containsExactly(3L));
        assertThat(lastApplied()).isEqualTo(3);
        assertThat(stored("P4")).isTrue();
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).stopped()).isFalse();
        assertThat(alarms.active("sync/jukiki/quarantine", KURUME)).isEmpty();
    }

    @Test
    void aMalformedRowIsQuarantinedWithItsFileLineAndField() throws Exception {
        Path batch = delta(KURUME, 2, "P3", null);
        malformed.put(batch, List.of(new InputProblem("residents.csv", 2, "birth_date", "is not a date")));

        Outcome outcome = apply(batch);

        assertThat(outcome).isInstanceOfSatisfying(ApplyBatchUseCase.Quarantined.class, q ->
                assertThat(q.problems()).extracting(InputProblem::toString).containsExactly("residents.csv:2:birth_date is not a date"));
        assertThat(stored("P3")).isFalse();
        assertThat(lastApplied()).isEqualTo(1);
    }

    @Test
    void aBatchOfAnotherTenantIsQuarantined() throws Exception {
        Outcome outcome = apply(delta(CHIYODA, 2, "P3", null));

        assertThat(outcome).isInstanceOfSatisfying(ApplyBatchUseCase.Quarantined.class, q ->
                assertThat(q.problems()).singleElement().satisfies(p -> {
                    assertThat(p.column()).isEqualTo("tenant");
                    assertThat(p.reason()).contains("131016");
                }));
        assertThat(stored("P3")).isFalse();
        assertThat(lastApplied()).isEqualTo(1);
    }

    @Test
    void aRecordCountThatDisagreesWithTheManifestIsQuarantined() throws Exception {
        Path batch = delta(KURUME, 2, "P3", null);
        parsed.put(batch, new ParsedBatch(parsed.get(batch).content(), Map.of("residents.csv", 2L)));

        Outcome outcome = apply(batch);

        assertThat(outcome).isInstanceOfSatisfying(ApplyBatchUseCase.Quarantined.class, q ->
                assertThat(q.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("has 2 records but the manifest says 1")));
        assertThat(stored("P3")).isFalse();
    }

    @Test
    void anUnreadableManifestIsQuarantinedWithoutStoppingAnyStream() throws Exception {
        Outcome outcome = apply(Files.createDirectories(root.resolve("empty")));

        assertThat(outcome).isInstanceOfSatisfying(ApplyBatchUseCase.Quarantined.class, q -> {
            assertThat(q.source()).isEqualTo(Optional.empty());
            assertThat(q.problems()).extracting(InputProblem::file).containsExactly("manifest.json");
        });
        assertThat(state.state(KURUME, SourceSystem.JUKIKI).stopped()).isFalse();
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEqualTo(OptionalLong.of(1));
    }
}
