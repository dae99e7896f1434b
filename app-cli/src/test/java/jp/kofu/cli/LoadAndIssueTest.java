package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.Trait;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** generate → load → issue through the real command line, the real CSV adapters, H2 and the renderer. */
class LoadAndIssueTest {

    private static final String DATE = "2026-11-26";

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db/kofu");
    }

    private Path generate(int residents, long seed) {
        Path out = dir.resolve("town-" + seed);
        CliRun run = CliRun.run("generate", "--tenant", "402036", "--residents", Integer.toString(residents),
                "--seed", Long.toString(seed), "--reference-date", DATE, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    private SyntheticTown town(int residents, long seed) {
        return new SyntheticTownGenerator().generate(LocalGovernmentCode.parse("402036"), residents, seed,
                java.time.LocalDate.parse(DATE));
    }

    @Test
    void aGeneratedTownLoadsAndEachKindIsIssuedWithTheResidentsNameAndTitle() throws IOException {
        Path batches = generate(200, 7);
        CliRun load = CliRun.run("load", "--db", db(), "--tenant", "402036", batches.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("loaded tenant 402036").contains("residents").contains("sequence jukiki    1");

        SyntheticTown town = town(200, 7);
        PersonKey adult = town.people(Trait.ORDINARY_ADULT).stream()
                .filter(k -> town.has(k, Trait.SEAL_REGISTERED) && town.has(k, Trait.TAXED)).findFirst().orElseThrow();
        Resident resident = town.resident(adult).orElseThrow();
        String name = resident.name().toUnicode().replaceAll("[\\s\u3000]+", "");
        for (String kind : List.of("juminhyo", "inkan", "shotoku")) {
            Path pdf = dir.resolve(kind + ".pdf");
            CliRun issue = CliRun.run("issue", "--db", db(), "--tenant", "402036", "--resident", adult.value(),
                    "--kind", kind, "--out", pdf.toString());
            assertThat(issue.exitCode()).as(kind + ": " + issue.out() + issue.err()).isZero();
            assertThat(issue.out()).doesNotContain(resident.name().toUnicode());
            String text = Pdfs.compactText(pdf);
            assertThat(text).contains(name);
            assertThat(text).contains(switch (kind) {
                case "juminhyo" -> "住民票の写し";
                case "inkan" -> "印鑑登録証明書";
                default -> "所得課税証明書";
            });
        }
    }

    @Test
    void aSuppressedResidentIsRefusedWithExit1AndTheReason() {
        Path batches = generate(300, 1);
        assertThat(CliRun.run("load", "--db", db(), "--tenant", "402036", batches.toString()).exitCode()).isZero();
        PersonKey supported = town(300, 1).people(Trait.SUPPORT_MEASURE).get(0);
        CliRun issue = CliRun.run("issue", "--db", db(), "--tenant", "402036", "--resident", supported.value(), "--kind", "juminhyo");
        assertThat(issue.exitCode()).isEqualTo(1);
        assertThat(issue.out()).contains("SUPPORT_MEASURE").contains("支援措置");
    }

    @Test
    void aMalformedDateIsReportedByFileLineAndColumnWithExit3AndNothingIsLoaded() throws IOException {
        Path batches = generate(50, 3);
        Path residents = batches.resolve("jukiki-000001-full/residents.csv");
        List<String> lines = Files.readAllLines(residents, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int birth = header.indexOf("birth_date");
        // break the birth date of the 7th data row (line 8) and re-seal the manifest, so only the date is wrong
        String[] cells = lines.get(7).split(",", -1);
        assertThat(cells[birth]).matches("\\d{4}-\\d{2}-\\d{2}");
        cells[birth] = "1980-13-45";
        lines.set(7, String.join(",", cells));
        Files.write(residents, lines, StandardCharsets.UTF_8);
        reseal(batches.resolve("jukiki-000001-full"), "residents.csv");

        CliRun load = CliRun.run("load", "--db", db(), "--tenant", "402036", batches.toString());
        assertThat(load.exitCode()).isEqualTo(3);
        assertThat(load.err().lines().filter(l -> !l.startsWith("loading ")).findFirst().orElseThrow())
                .isEqualTo("jukiki-000001-full/residents.csv:8:birth_date malformed date (expected yyyy-MM-dd; the value is personal data and not shown)");
        assertThat(load.err()).contains("nothing was loaded");

        CliRun issue = CliRun.run("issue", "--db", db(), "--tenant", "402036", "--resident", "1000000001", "--kind", "juminhyo");
        assertThat(issue.exitCode()).as("the tenant was not even registered").isEqualTo(2);
        assertThat(issue.err()).contains("tenant 402036 is not set up");
    }

    @Test
    void theSameSeedAndDateGiveByteIdenticalBatches() throws IOException {
        Path a = generate(150, 11);
        Path b = dir.resolve("again");
        assertThat(CliRun.run("generate", "--tenant", "402036", "--residents", "150", "--seed", "11", "--reference-date",
                DATE, "--out", b.toString()).exitCode()).isZero();
        assertThat(digests(b)).isEqualTo(digests(a)).isNotEmpty();
        assertThat(digests(generate(150, 12))).isNotEqualTo(digests(a));
    }

    private static List<String> digests(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            // the test PKI (pki/) and the sync test credentials (sync/) have random keys: only the batches are
            // promised byte-identical
            return files.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith("pki"))
                    .filter(p -> !root.relativize(p).startsWith("sync")).sorted()
                    .map(p -> root.relativize(p) + " " + sha256(p)).toList();
        }
    }

    private static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites the manifest's checksum of one file (a vendor who exported a bad value, consistently). */
    private static void reseal(Path batch, String file) throws IOException {
        Path manifest = batch.resolve("manifest.json");
        String json = Files.readString(manifest);
        String sha = sha256(batch.resolve(file));
        int at = json.indexOf("\"" + file + "\"");
        int shaKey = json.indexOf("\"sha256\"", at);
        int start = json.indexOf('"', json.indexOf(':', shaKey) + 1) + 1;
        json = json.substring(0, start) + sha + json.substring(start + 64);
        Files.writeString(manifest, json);
    }
}
