package jp.kofu.cli;

import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import jp.kofu.adapters.jukiki.JukikiCsvWriter;
import jp.kofu.adapters.persistence.Database;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.service.BatchFiles;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.JsonBatchManifestCodec;

/** load → sync apply / sync status through the real command line, the real CSV adapters and H2. */
class SyncApplyTest {

    private static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");
    private static final LocalGovernmentCode CHIYODA = LocalGovernmentCode.parse("131016");

    @TempDir
    Path dir;

    private SyntheticTown town;
    private Resident someone;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db/kofu");
    }

    @BeforeEach
    void loadATown() {
        Path out = dir.resolve("town");
        CliRun generate = CliRun.run("generate", "--tenant", "402036", "--residents", "40", "--seed", "5",
                "--reference-date", "2026-11-26", "--out", out.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        CliRun load = CliRun.run("load", "--db", db(), "--tenant", "402036", out.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        town = new SyntheticTownGenerator().generate(KURUME, 40, 5, java.time.LocalDate.parse("2026-11-26"));
        someone = town.content().residents().get(0);
    }

    /** A delta of the resident-record system adding a resident with the key to the first household. */
    private Path delta(LocalGovernmentCode tenant, long sequence, String newKey) throws IOException {
        ReplicaContent content = replicaContent()
                .with(aResident().withKey(newKey).inHousehold(someone.household().value()).version(1).build()).build();
        return delta(tenant, sequence, content);
    }

    private Path delta(LocalGovernmentCode tenant, long sequence, ReplicaContent content) throws IOException {
        Path batch = Files.createDirectories(dir.resolve("in/jukiki-" + sequence + "-" + tenant.value()));
        List<BatchFile> files = new JukikiCsvWriter().write(batch, content);
        new JsonBatchManifestCodec().write(batch, new BatchManifest(tenant, SourceSystem.JUKIKI, sequence,
                BatchKind.DELTA, Instant.parse("2026-11-27T00:00:00Z"), files));
        return batch;
    }

    /** Rewrites a data file of the batch and its SHA-256 in the manifest, as a source with a bug would. */
    private void rewrite(Path batch, String file, String from, String to) throws IOException {
        Path path = batch.resolve(file);
        Files.writeString(path, Files.readString(path).replaceFirst(from, to));
        JsonBatchManifestCodec codec = new JsonBatchManifestCodec();
        BatchManifest m;
        try {
            m = codec.read(batch);
        } catch (jp.kofu.core.sync.domain.BatchRejectedException e) {
            throw new IllegalStateException(e);
        }
        codec.write(batch, new BatchManifest(m.tenant(), m.source(), m.sequence(), m.kind(), m.createdAt(),
                m.files().stream().map(f -> f.name().equals(file) ? new BatchFile(f.name(), f.entity(), f.records(),
                        sha256(path)) : f).toList()));
    }

    private static String sha256(Path path) {
        try {
            return BatchFiles.sha256(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CliRun apply(Path batch) {
        return CliRun.run("sync", "apply", "--db", db(), batch.toString());
    }

    private Optional<Resident> stored(String key) {
        Injector app = new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), CliRun.CLOCK).kofu(db());
        try {
            return app.getInstance(ReplicaReadPort.class).read(KURUME, s -> s.resident(new PersonKey(key)));
        } finally {
            app.getInstance(Database.class).close();
        }
    }

    @Test
    void aDeltaAppliedOnALoadedTownChangesTheReplicaAndAdvancesTheSequence() throws IOException {
        Resident renamed = aResident().withKey(someone.key().value()).inHousehold(someone.household().value())
                .named("改名太郎").version(someone.version() + 1).build();
        ReplicaContent content = replicaContent().with(renamed,
                aResident().withKey("NEW-1").inHousehold(someone.household().value()).version(1).build()).build();

        CliRun run = apply(delta(KURUME, 2, content));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("jukiki batch 2 applied: 2 upserted");
        assertThat(stored("NEW-1")).isPresent();
        assertThat(stored(someone.key().value())).hasValueSatisfying(r -> assertThat(r.name().toTagged()).isEqualTo("改名太郎"));
        CliRun status = CliRun.run("sync", "status", "--db", db(), "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("\"lastSequence\" : 2").contains("\"state\" : \"normal\"");
    }

    @Test
    void theSameBatchAgainIsANoOpWithAClearMessage() throws IOException {
        Path batch = delta(KURUME, 2, "NEW-1");
        assertThat(apply(batch).exitCode()).isZero();

        CliRun again = apply(batch);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("jukiki batch 2 was already applied (last applied is 2); nothing done");
    }

    @Test
    void aBatchAfterAGapIsHeldWithExit1AndAppliesWhenTheMissingOneArrives() throws IOException {
        assertThat(apply(delta(KURUME, 2, "NEW-2")).exitCode()).isZero();

        CliRun four = apply(delta(KURUME, 4, "NEW-4"));
        assertThat(four.exitCode()).isEqualTo(1);
        assertThat(four.err()).contains("jukiki batch 4 held: batch 3 is missing");
        assertThat(stored("NEW-4")).isEmpty();
        CliRun status = CliRun.run("sync", "status", "--db", db());
        assertThat(status.out()).contains("abnormal: batch 3 is missing; held: [4]");

        CliRun three = apply(delta(KURUME, 3, "NEW-3"));
        assertThat(three.exitCode()).as(three.err()).isZero();
        assertThat(three.out()).contains("jukiki batch 3 applied").contains("jukiki batch 4 applied");
        assertThat(stored("NEW-3")).isPresent();
        assertThat(stored("NEW-4")).isPresent();
        assertThat(CliRun.run("sync", "status", "--db", db()).out()).contains("last 4").contains("normal");
    }

    @Test
    void aCorruptedChecksumIsQuarantinedWithExit3AndStopsTheStream() throws IOException {
        Path batch = delta(KURUME, 2, "NEW-1");
        Path residents = batch.resolve("residents.csv");
        Files.writeString(residents, Files.readString(residents) + "\n");

        CliRun run = apply(batch);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("residents.csv SHA-256 mismatch");
        assertThat(stored("NEW-1")).isEmpty();
        CliRun later = apply(delta(KURUME, 3, "NEW-3"));
        assertThat(later.exitCode()).isEqualTo(1);
        assertThat(later.err()).contains("the stream is stopped by quarantined batch 2");
        assertThat(CliRun.run("sync", "status", "--db", db()).out()).contains("abnormal: batch 2 quarantined");
    }

    @Test
    void aBatchOfAnotherTenantIsQuarantinedWithExit3() throws IOException {
        CliRun run = CliRun.run("sync", "apply", "--db", db(), "--tenant", "402036",
                delta(CHIYODA, 2, "NEW-1").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("manifest.json:tenant batch belongs to tenant 131016, not 402036");
        assertThat(stored("NEW-1")).isEmpty();
    }

    @Test
    void aBatchOfATenantTheDatabaseDoesNotServeIsRefusedWithExit3() throws IOException {
        CliRun run = apply(delta(CHIYODA, 2, "NEW-1"));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("manifest.json:tenant batch belongs to tenant 131016, which this database does not serve");
    }

    @Test
    void aDeletionRowRemovesTheResident() throws IOException {
        Path batch = delta(KURUME, 2, replicaContent().with(someone).build());
        Path residents = batch.resolve("residents.csv");
        List<String> lines = Files.readAllLines(residents);
        Files.write(residents, List.of(lines.get(0) + ",op", lines.get(1) + ",D"));
        rewrite(batch, "residents.csv", "^", "");
        assertThat(stored(someone.key().value())).isPresent();

        CliRun run = apply(batch);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("jukiki batch 2 applied: 0 upserted, 1 deleted");
        assertThat(stored(someone.key().value())).isEmpty();
    }

    @Test
    void aMalformedRowIsQuarantinedWithItsFileLineAndColumn() throws IOException {
        Path batch = delta(KURUME, 2, "NEW-1");
        rewrite(batch, "residents.csv", "NEW-1", "NEW 1");

        CliRun run = apply(batch);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("residents.csv:2:person_key");
        assertThat(stored("NEW-1")).isEmpty();
    }
}
