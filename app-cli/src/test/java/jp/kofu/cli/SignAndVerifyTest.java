package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.Trait;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Signed certificates end to end (電子署名, 検証コード): kofu generate writes the test signing keys, kofu issue signs
 * with them, kofu verify accepts fresh output and refuses a one-byte change, another trust anchor, another history,
 * an unsigned PDF and a file that is not a PDF; kofu demo's output is signed and verifies.
 */
class SignAndVerifyTest {

    private static final String DATE = "2026-11-26";

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db/kofu");
    }

    private PersonKey aTownWithAnAdultLoaded() {
        CliRun generated = CliRun.run("generate", "--tenant", "402036", "--residents", "80", "--seed", "5",
                "--reference-date", DATE, "--cards", "0", "--out", dir.resolve("town").toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(dir.resolve("town/pki/signing/402036.p12")).isRegularFile();
        assertThat(dir.resolve("town/pki/signing/402036-anchor.pem")).isRegularFile();
        CliRun load = CliRun.run("load", "--db", db(), "--tenant", "402036", dir.resolve("town").toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        SyntheticTown town = new SyntheticTownGenerator().generate(LocalGovernmentCode.parse("402036"), 80, 5,
                java.time.LocalDate.parse(DATE));
        return town.people(Trait.ORDINARY_ADULT).get(0);
    }

    private Path signing() {
        return dir.resolve("town/pki/signing");
    }

    private CliRun verify(Path pdf, String... more) {
        String[] args = Stream.concat(Stream.of("verify", "--db", db(), "--signing", signing().toString()),
                Stream.concat(Stream.of(more), Stream.of(pdf.toString()))).toArray(String[]::new);
        return CliRun.run(args);
    }

    @Test
    void issued_output_verifies_and_one_changed_byte_fails() throws IOException {
        PersonKey adult = aTownWithAnAdultLoaded();
        Path pdf = dir.resolve("juminhyo.pdf");
        CliRun issue = CliRun.run(Map.of("KOFU_SIGNING", signing().toString()), "issue", "--db", db(), "--tenant", "402036",
                "--resident", adult.value(), "--kind", "juminhyo", "--out", pdf.toString());
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        Matcher number = Pattern.compile("certificate (402036-\\d{8})").matcher(issue.out());
        assertThat(number.find()).isTrue();

        CliRun valid = verify(pdf);
        assertThat(valid.exitCode()).as(valid.out() + valid.err()).isZero();
        assertThat(valid.out()).startsWith("VALID: juminhyo " + number.group(1)).contains("tenant 402036");
        String code = Pattern.compile("検証コード ([A-Z2-7-]+)").matcher(valid.out()).results().findFirst().orElseThrow().group(1);
        assertThat(code).matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");
        assertThat(Pdfs.compactText(pdf)).as("the code is printed").contains(code);
        assertThat(valid.out()).doesNotContain(adult.value());

        CliRun json = verify(pdf, "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"valid\" : true").contains("\"certificateNumber\" : \"" + number.group(1) + "\"")
                .contains("\"kind\" : \"juminhyo\"");

        byte[] bytes = Files.readAllBytes(pdf);
        for (int at : new int[] {bytes.length / 3, bytes.length / 2, bytes.length - 200}) {
            byte[] changed = bytes.clone();
            changed[at] ^= 0x01;
            Path tampered = dir.resolve("tampered-" + at + ".pdf");
            Files.write(tampered, changed);
            CliRun failed = verify(tampered);
            assertThat(failed.exitCode()).as("byte %d: %s", at, failed.out()).isEqualTo(1);
            assertThat(failed.out()).startsWith("FAILED (");
        }
    }

    @Test
    void another_anchor_another_history_an_unsigned_pdf_and_not_a_pdf_fail() throws IOException {
        PersonKey adult = aTownWithAnAdultLoaded();
        Path signed = dir.resolve("inkan.pdf");
        assertThat(CliRun.run(Map.of("KOFU_SIGNING", signing().toString()), "issue", "--db", db(), "--tenant", "402036",
                "--resident", adult.value(), "--kind", "juminhyo", "--out", signed.toString()).exitCode()).isZero();

        // the tenant's anchor given on the command line verifies; the JPKI test CA (same town, other CA) does not
        assertThat(CliRun.run("verify", "--db", db(), "--tenant-cert", signing().resolve("402036-anchor.pem").toString(),
                signed.toString()).exitCode()).isZero();
        CliRun otherCa = CliRun.run("verify", "--db", db(), "--tenant-cert", dir.resolve("town/pki/test-ca.pem").toString(),
                signed.toString());
        assertThat(otherCa.exitCode()).isEqualTo(1);
        assertThat(otherCa.out()).contains("UNTRUSTED_SIGNER");
        CliRun noTrust = CliRun.run("verify", "--db", db(), signed.toString());
        assertThat(noTrust.exitCode()).isEqualTo(1);
        assertThat(noTrust.out()).contains("UNTRUSTED_SIGNER");

        CliRun otherHistory = CliRun.run("verify", "--db", "jdbc:h2:file:" + dir.resolve("other/kofu"), "--signing",
                signing().toString(), signed.toString());
        assertThat(otherHistory.exitCode()).isEqualTo(1);
        assertThat(otherHistory.out()).contains("NO_RECORD");

        Path unsigned = dir.resolve("unsigned.pdf");
        assertThat(CliRun.run("issue", "--db", db(), "--tenant", "402036", "--resident", adult.value(), "--kind", "juminhyo",
                "--out", unsigned.toString()).exitCode()).isZero();
        CliRun notSigned = verify(unsigned);
        assertThat(notSigned.exitCode()).isEqualTo(1);
        assertThat(notSigned.out()).contains("NOT_SIGNED");

        Path text = Files.writeString(dir.resolve("note.pdf"), "not a pdf");
        assertThat(verify(text).exitCode()).isEqualTo(3);
        assertThat(verify(dir.resolve("missing.pdf")).exitCode()).isEqualTo(3);
        assertThat(CliRun.run("verify").exitCode()).isEqualTo(2);
    }

    @Test
    void the_demo_output_is_signed_and_verifies_and_a_changed_byte_fails() throws IOException {
        Path out = dir.resolve("demo");
        CliRun demo = CliRun.run("demo", "--out", out.toString(), "--residents", "40", "--seed", "3");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("signed (PAdES)");
        List<Path> pdfs;
        try (Stream<Path> files = Files.list(out.resolve("pdf"))) {
            pdfs = files.sorted().toList();
        }
        assertThat(pdfs).isNotEmpty();
        String db = "jdbc:h2:file:" + out.resolve("db/kofu");
        for (Path pdf : pdfs.subList(0, Math.min(3, pdfs.size()))) {
            CliRun ok = CliRun.run("verify", "--db", db, "--signing", out.resolve("signing").toString(), pdf.toString());
            assertThat(ok.exitCode()).as(pdf + ": " + ok.out() + ok.err()).isZero();
        }
        byte[] bytes = Files.readAllBytes(pdfs.get(0));
        bytes[bytes.length / 2] ^= 0x04;
        Path tampered = Files.write(dir.resolve("demo-tampered.pdf"), bytes);
        assertThat(CliRun.run("verify", "--db", db, "--signing", out.resolve("signing").toString(), tampered.toString())
                .exitCode()).isEqualTo(1);
    }
}
