package jp.kofu.core.sync.service;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.in.LoadInitialReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.port.out.BatchReaderPort;
import jp.kofu.core.gaiji.service.DetectUnidentifiedCharactersService;
import jp.kofu.core.testing.InMemoryCorrespondenceTables;
import jp.kofu.core.testing.InMemoryReplicaTexts;
import jp.kofu.core.testing.RecordingAlarms;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

class LoadInitialReplicaServiceTest {

    @TempDir
    Path root;

    private final Map<Path, BatchManifest> manifests = new HashMap<>();
    private final InMemoryReplicaTexts replica = new InMemoryReplicaTexts();
    private final RecordingAlarms alarms = new RecordingAlarms();
    private final DetectUnidentifiedCharactersService characters = new DetectUnidentifiedCharactersService(
            new InMemoryCorrespondenceTables(), replica, alarms, java.time.Clock.systemUTC());

    /** Manifests kept in memory per directory. */
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

    /** A reader that returns fixed content and counts one record per line of each file. */
    private record FixedReader(SourceSystem source, ReplicaContent content, List<InputProblem> problems) implements BatchReaderPort {
        @Override
        public ParsedBatch read(Path directory, BatchManifest manifest) throws BatchRejectedException {
            if (!problems.isEmpty()) {
                throw new BatchRejectedException(problems);
            }
            Map<String, Long> counts = new HashMap<>();
            for (BatchFile f : manifest.files()) {
                try {
                    counts.put(f.name(), (long) Files.readAllLines(directory.resolve(f.name())).size());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new ParsedBatch(content, counts);
        }
    }

    private final ReplicaContent residents = replicaContent()
            .with(aHousehold().withId("H1").build())
            .with(aResident().withKey("P1").inHousehold("H1").build(),
                    aResident().withKey("P2").inHousehold("H1").named("山{VND:U+E012}子").build())
            .build();
    private final ReplicaContent taxes = replicaContent().with(aTaxRecord().of("P1").forFiscalYear(2026).build()).build();

    private Path batch(String name, LocalGovernmentCode tenant, SourceSystem source, BatchKind kind, String... lines)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Path file = dir.resolve("data.csv");
        Files.write(file, List.of(lines));
        manifests.put(dir, new BatchManifest(tenant, source, 1, kind, Instant.parse("2026-11-26T00:00:00Z"),
                List.of(new BatchFile("data.csv", source.wireName(), lines.length, BatchFiles.sha256(file)))));
        return dir;
    }

    private LoadInitialReplicaService service(List<InputProblem> jukikiProblems) {
        return new LoadInitialReplicaService(manifestPort, Set.of(
                new FixedReader(SourceSystem.JUKIKI, residents, jukikiProblems),
                new FixedReader(SourceSystem.TAX, taxes, List.of())), replica, characters);
    }

    @Test
    void loadsBothSourcesAndRecordsTheirSequences() throws Exception {
        Path j = batch("jukiki-000001-full", KURUME, SourceSystem.JUKIKI, BatchKind.FULL, "a", "b", "c");
        Path t = batch("tax-000001-full", KURUME, SourceSystem.TAX, BatchKind.FULL, "x");
        LoadInitialReplicaUseCase.Report report = service(List.of()).load(new LoadInitialReplicaUseCase.Command(KURUME, List.of(j, t)));

        assertThat(report.recordsPerEntity()).containsEntry("jukiki", 3L).containsEntry("tax", 1L);
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEqualTo(OptionalLong.of(1));
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.TAX)).isEqualTo(OptionalLong.of(1));
        java.util.Optional<?> p2 = replica.read(KURUME, s -> s.resident(new PersonKey("P2")));
        java.util.Optional<?> tax = replica.read(KURUME, s -> s.tax(new PersonKey("P1"), 2026));
        assertThat(p2).isPresent();
        assertThat(tax).isPresent();
    }

    @Test
    void anUnidentifiedVendorCharacterIsLoadedAndRaisesAnAlarmNamingCodeAndCount() throws Exception {
        Path j = batch("jukiki-000001-full", KURUME, SourceSystem.JUKIKI, BatchKind.FULL, "a", "b", "c");
        service(List.of()).load(new LoadInitialReplicaUseCase.Command(KURUME, List.of(j)));

        java.util.Optional<?> stored = replica.read(KURUME, s -> s.resident(new PersonKey("P2")));
        assertThat(stored).isPresent();
        assertThat(alarms.active()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("gaiji/unidentified/U+E012");
            assertThat(a.what()).startsWith("U+E012: 1 ");
            assertThat(a.what()).doesNotContain("山");
        });
    }

    @Test
    void everyProblemOfEveryBatchIsReportedAndNothingIsLoaded() throws Exception {
        Path wrongTenant = batch("a", CHIYODA, SourceSystem.JUKIKI, BatchKind.FULL, "a");
        Path delta = batch("b", KURUME, SourceSystem.TAX, BatchKind.DELTA, "x");
        Path noManifest = Files.createDirectories(root.resolve("c"));

        assertThatThrownBy(() -> service(List.of()).load(new LoadInitialReplicaUseCase.Command(KURUME,
                List.of(wrongTenant, delta, noManifest))))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::toString)
                        .containsExactly(
                                "a/manifest.json:tenant batch belongs to tenant 131016, not 402036",
                                "b/manifest.json:kind an initial load takes full batches only, this one is delta",
                                "c/manifest.json is missing"));
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEmpty();
    }

    @Test
    void aChangedFileFailsItsChecksum() throws Exception {
        Path j = batch("jukiki-000001-full", KURUME, SourceSystem.JUKIKI, BatchKind.FULL, "a", "b");
        Files.writeString(j.resolve("data.csv"), "a\nB\n");
        assertThatThrownBy(() -> service(List.of()).load(new LoadInitialReplicaUseCase.Command(KURUME, List.of(j))))
                .hasMessageStartingWith("jukiki-000001-full/data.csv SHA-256 mismatch");
    }

    @Test
    void aRecordCountDifferentFromTheManifestIsRejected() throws Exception {
        Path j = batch("jukiki-000001-full", KURUME, SourceSystem.JUKIKI, BatchKind.FULL, "a", "b");
        BatchManifest m = manifests.get(j);
        BatchFile f = m.files().get(0);
        manifests.put(j, new BatchManifest(m.tenant(), m.source(), 1, m.kind(), m.createdAt(),
                List.of(new BatchFile(f.name(), f.entity(), 5, f.sha256()))));
        assertThatThrownBy(() -> service(List.of()).load(new LoadInitialReplicaUseCase.Command(KURUME, List.of(j))))
                .hasMessage("jukiki-000001-full/data.csv has 2 records but the manifest says 5");
    }

    @Test
    void aMalformedRecordRejectsTheLoadWithTheReadersPosition() throws Exception {
        Path j = batch("jukiki-000001-full", KURUME, SourceSystem.JUKIKI, BatchKind.FULL, "a");
        Path t = batch("tax-000001-full", KURUME, SourceSystem.TAX, BatchKind.FULL, "x");
        var problem = new InputProblem("residents.csv", 12, "birth_date", "malformed date '1980-13-01' (expected yyyy-MM-dd)");
        assertThatThrownBy(() -> service(List.of(problem)).load(new LoadInitialReplicaUseCase.Command(KURUME, List.of(j, t))))
                .hasMessage("jukiki-000001-full/residents.csv:12:birth_date malformed date '1980-13-01' (expected yyyy-MM-dd)");
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.TAX)).isEmpty();
    }

    @Test
    void twoFullBatchesOfOneSourceAreRefused() throws Exception {
        Path a = batch("a", KURUME, SourceSystem.JUKIKI, BatchKind.FULL, "a");
        Path b = batch("b", KURUME, SourceSystem.JUKIKI, BatchKind.FULL, "a");
        assertThatThrownBy(() -> service(List.of()).load(new LoadInitialReplicaUseCase.Command(KURUME, List.of(a, b))))
                .hasMessageContaining("a second full batch of source jukiki");
    }
}
