package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import jp.kofu.adapters.persistence.Database;
import jp.kofu.cli.generate.AnswerTable;
import jp.kofu.cli.generate.DeltaGenerator;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.layout.FixedLayout;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.JsonBatchManifestCodec;

/**
 * The same town in kofu's CSV layout and in the fixed-length Shift_JIS layout kofu-fixed-v1: generated from
 * one seed, each loaded with its deltas into its own H2 database after importing the generator's answer
 * 対照表 ({@code correspondence-table-answer.csv}) with {@code kofu gaiji apply}, the two replicas are equal
 * entity by entity; a malformed fixed-length batch is refused whole with file:record:field.
 */
class FixedLayoutEquivalenceTest {

    private static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");
    private static final LocalDate DAY = LocalDate.parse("2026-11-26");
    private static final int RESIDENTS = 300;
    private static final long SEED = 11;
    private static final int DELTAS = 2;

    @TempDir
    Path dir;

    private CliRun generate(String format, Path out) {
        return generate(format, out, RESIDENTS, DELTAS);
    }

    private static CliRun generate(String format, Path out, int residents, int deltas) {
        return CliRun.run("generate", "--tenant", "402036", "--residents", Integer.toString(residents), "--seed",
                Long.toString(SEED), "--reference-date", DAY.toString(), "--deltas", Integer.toString(deltas),
                "--cards", "0", "--format", format, "--out", out.toString());
    }

    @Test
    void bothLayoutsOfOneSeedGiveEqualReplicasAfterLoadAndDeltas() {
        Path csv = dir.resolve("csv");
        Path fixed = dir.resolve("fixed");
        CliRun a = generate("csv", csv);
        CliRun b = generate("fixed", fixed);
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(fixed.resolve("jukiki-000001-full/residents.dat")).exists();
        assertThat(fixed.resolve("jukiki-000001-full/residents.csv")).doesNotExist();

        // each vendor's 対照表 as a correct 文字同定 ends with: the generator's answer, in each layout's notation
        List<String> csvAnswer = lines(csv.resolve(AnswerTable.FILE_NAME));
        List<String> fixedAnswer = lines(fixed.resolve(AnswerTable.FILE_NAME));
        assertThat(csvAnswer.subList(1, csvAnswer.size())).isNotEmpty().allMatch(l -> l.startsWith("U+E0"));
        assertThat(fixedAnswer.subList(1, fixedAnswer.size())).anyMatch(l -> l.startsWith("SJIS:F0")) // the town's vendor 外字
                .anyMatch(l -> l.startsWith("SJIS:F9")) // characters windows-31j lacks
                .allMatch(l -> l.startsWith("SJIS:"));

        String csvDb = "jdbc:h2:file:" + dir.resolve("db-csv/kofu");
        String fixedDb = "jdbc:h2:file:" + dir.resolve("db-fixed/kofu");
        loadAndApply(csvDb, csv);
        loadAndApply(fixedDb, fixed);

        DeltaGenerator deltas = new DeltaGenerator(new SyntheticTownGenerator().generate(KURUME, RESIDENTS, SEED, DAY));
        for (int k = 0; k < DELTAS; k++) {
            deltas.next();
        }
        ReplicaContent expected = deltas.content();
        Injector csvApp = app(csvDb);
        Injector fixedApp = app(fixedDb);
        try {
            ReplicaReadPort left = csvApp.getInstance(ReplicaReadPort.class);
            ReplicaReadPort right = fixedApp.getInstance(ReplicaReadPort.class);
            List<String> compared = new ArrayList<>();
            left.read(KURUME, l -> right.read(KURUME, r -> {
                for (Resident p : expected.residents()) {
                    same(compared, "resident " + p.key(), l.resident(p.key()), r.resident(p.key()));
                    same(compared, "seal " + p.key(), l.seal(p.key()), r.seal(p.key()));
                    same(compared, "flags " + p.key(), l.suppressionFlags(p.key()), r.suppressionFlags(p.key()));
                }
                for (Household h : expected.households()) {
                    same(compared, "household " + h.id(), l.household(h.id()), r.household(h.id()));
                }
                for (CardholderLink c : expected.cardholders()) {
                    same(compared, "card " + c.serial(), l.cardholder(c.issuer(), c.serial()),
                            r.cardholder(c.issuer(), c.serial()));
                }
                for (TaxRecord t : expected.taxRecords()) {
                    same(compared, "tax " + t.person() + "/" + t.fiscalYear(), l.tax(t.person(), t.fiscalYear()),
                            r.tax(t.person(), t.fiscalYear()));
                }
                return null;
            }));
            assertThat(compared).hasSizeGreaterThan(RESIDENTS * 3);
            // the replicas hold the generator's data: every resident with the characters the vendor meant
            left.read(KURUME, l -> {
                for (Resident p : expected.residents()) {
                    assertThat(l.resident(p.key())).isPresent();
                }
                return null;
            });
        } finally {
            csvApp.getInstance(Database.class).close();
            fixedApp.getInstance(Database.class).close();
        }

        // both layouts of one town give the same digests (照合データ), and each replica matches them
        String digest = String.format("%06d-digest", DELTAS + 1);
        for (String source : List.of("jukiki", "tax")) {
            Path csvDigest = csv.resolve(source + "-" + digest);
            Path fixedDigest = fixed.resolve(source + "-" + digest);
            try (var files = java.nio.file.Files.list(csvDigest)) {
                List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("manifest.json"))
                        .sorted().toList();
                assertThat(names).contains("digest.tsv");
                for (String name : names) {
                    assertThat(fixedDigest.resolve(name)).as(source + " " + name).hasSameBinaryContentAs(csvDigest.resolve(name));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        for (String[] run : List.of(new String[] {csvDb, csv.toString()}, new String[] {fixedDb, fixed.toString()})) {
            CliRun verified = CliRun.run("sync", "verify", "--db", run[0], run[1]);
            assertThat(verified.exitCode()).as(run[1] + ": " + verified.out() + verified.err()).isZero();
            assertThat(verified.out()).contains("402036 jukiki: all entities match", "402036 tax: all entities match");
        }
    }

    private static void same(List<String> compared, String what, Object csv, Object fixed) {
        assertThat(fixed).as(what).isEqualTo(csv);
        if (!(csv instanceof Optional<?> o && o.isEmpty()) && !(csv instanceof List<?> list && list.isEmpty())) {
            compared.add(what);
        }
    }

    private Injector app(String db) {
        return new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
                CliRun.CLOCK).kofu(db);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void loadAndApply(String db, Path town) {
        CliRun answer = CliRun.run("gaiji", "apply", "--db", db, "--tenant", "402036", "--file",
                town.resolve(AnswerTable.FILE_NAME).toString());
        assertThat(answer.exitCode()).as(answer.err()).isZero();
        CliRun load = CliRun.run("load", "--db", db, "--tenant", "402036", town.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        for (int sequence = 2; sequence <= DELTAS + 1; sequence++) {
            for (String source : List.of("jukiki", "tax")) {
                CliRun apply = CliRun.run("sync", "apply", "--db", db,
                        town.resolve(String.format("%s-%06d-delta", source, sequence)).toString());
                assertThat(apply.exitCode()).as(source + " " + sequence + ": " + apply.err()).isZero();
            }
        }
    }

    @Test
    void aMalformedFixedLengthBatchIsRefusedWholeWithFileRecordAndField() throws Exception {
        Path out = dir.resolve("fixed");
        CliRun generated = generate("fixed", out, 20, 0);
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Path batch = out.resolve("jukiki-000001-full");
        FixedLayout residents;
        try (Reader r = new InputStreamReader(FixedLayout.class.getClassLoader().getResourceAsStream(
                "jp/kofu/adapters/jukiki/layouts/kofu-fixed-v1/residents.layout"), StandardCharsets.UTF_8)) {
            residents = FixedLayout.parse("residents.layout", r);
        }
        Path data = batch.resolve("residents.dat");
        byte[] bytes = Files.readAllBytes(data);
        int record = residents.recordLength() + 2;
        int born = residents.field("birth_date").offset();
        System.arraycopy("1980AB01".getBytes(StandardCharsets.US_ASCII), 0, bytes, 2 * record + born, 8);
        bytes[4 * record + residents.field("name").offset()] = (byte) 0xFD;
        Files.write(data, bytes);
        resign(batch, "residents.dat", bytes);

        String db = "jdbc:h2:file:" + dir.resolve("db/kofu");
        CliRun load = CliRun.run("load", "--db", db, "--tenant", "402036", batch.toString());

        assertThat(load.exitCode()).as(load.err()).isEqualTo(3);
        assertThat(load.err())
                .contains("residents.dat:3:birth_date malformed date (expected yyyyMMdd, or blank for none)")
                .contains("residents.dat:5:name byte 0xFD at byte 1 of the field is not windows-31j")
                .doesNotContain("1980AB01");
        CliRun status = CliRun.run("sync", "status", "--db", db, "--json");
        assertThat(status.out()).doesNotContain("\"lastSequence\" : 1");
    }

    /** Rewrites the manifest's checksum of the file, as a vendor writing the bad file would have. */
    private static void resign(Path batch, String file, byte[] bytes) throws Exception {
        JsonBatchManifestCodec codec = new JsonBatchManifestCodec();
        BatchManifest m = codec.read(batch);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Function<BatchFile, BatchFile> fix = f -> f.name().equals(file)
                ? new BatchFile(f.name(), f.entity(), f.records(), sha) : f;
        codec.write(batch, new BatchManifest(m.tenant(), m.source(), m.sequence(), m.kind(), m.createdAt(),
                m.files().stream().map(fix).toList(), m.format()));
    }
}
