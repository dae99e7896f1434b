package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo and render commands, end to end through the real adapters and a parsed PDF. */
class DemoAndRenderTest {

    @TempDir
    Path dir;

    @Test
    void theDemoIssuesEveryKindAndPrintsParseablePdfsWithNameAndTitle() throws Exception {
        CliRun run = CliRun.run("demo", "--out", dir.toString(), "--residents", "150", "--seed", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kofu demo — tenant 402036").contains("suppressed by reason");
        for (String kind : List.of("juminhyo", "inkan", "shotoku")) {
            assertThat(run.out()).containsPattern("(?m)^  " + kind + " +[1-9][0-9,]* +[0-9,]+");
        }
        Matcher m = Pattern.compile("(?m)^  (juminhyo|inkan|shotoku) (\\S+) +(\\S+\\.pdf)$").matcher(run.out());
        int checked = 0;
        boolean[] kinds = new boolean[3];
        while (m.find()) {
            Path pdf = Path.of(m.group(3));
            assertThat(pdf).exists();
            String text = Pdfs.compactText(pdf);
            String title = switch (m.group(1)) {
                case "juminhyo" -> "住民票の写し";
                case "inkan" -> "印鑑登録証明書";
                default -> "課税証明書";
            };
            assertThat(text).contains(title).contains("402036-");
            kinds[List.of("juminhyo", "inkan", "shotoku").indexOf(m.group(1))] = true;
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
        assertThat(kinds).containsOnly(true);
        // the demo's database is the embedded default kind: a file database under the output directory
        assertThat(Files.list(dir.resolve("db")).map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".mv.db"));
    }

    @Test
    void renderTurnsTheExampleJsonOfEachKindIntoAPdf() throws Exception {
        for (String kind : List.of("juminhyo", "inkan", "shotoku")) {
            CliRun example = CliRun.run("render", "--kind", kind, "--example");
            assertThat(example.exitCode()).isZero();
            Path json = dir.resolve(kind + ".json");
            Files.writeString(json, example.out());
            Path pdf = dir.resolve(kind + ".pdf");
            CliRun render = CliRun.run("render", "--kind", kind, "--input", json.toString(), "--out", pdf.toString(),
                    "--watermark", "確認用");
            assertThat(render.exitCode()).as(render.err()).isZero();
            assertThat(Pdfs.compactText(pdf)).contains("久留米太郎").contains("確認用");
        }
    }

    @Test
    void aBadRenderDocumentIsBadInputNamingLineColumnAndField() throws Exception {
        Path json = dir.resolve("bad.json");
        Files.writeString(json, CliRun.run("render", "--kind", "inkan", "--example").out()
                .replace("\"birthDate\" : \"1975-04-01\"", "\"birthDate\" : \"1975-02-30\""));
        CliRun run = CliRun.run("render", "--kind", "inkan", "--input", json.toString(), "--out", dir.resolve("x.pdf").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith(json + ":").contains(":birthDate ");
        assertThat(dir.resolve("x.pdf")).doesNotExist();

        CliRun wrongKind = CliRun.run("render", "--kind", "juminhyo", "--input", json.toString().replace("bad", "none"),
                "--out", dir.resolve("y.pdf").toString());
        assertThat(wrongKind.exitCode()).isEqualTo(3);
        assertThat(wrongKind.err()).contains("no such file");
    }

    @Test
    void renderUsesTheTenantsFormAndACitysFormDirectoryCheckedFirst() throws Exception {
        Path json = dir.resolve("inkan.json");
        Files.writeString(json, CliRun.run("render", "--kind", "inkan", "--example").out());
        Path kurume = dir.resolve("kurume.pdf");
        CliRun run = CliRun.run("render", "--kind", "inkan", "--input", json.toString(), "--tenant", "402036",
                "--out", kurume.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Pdfs.compactText(kurume)).contains("交付番号").contains("登録印影");

        Path forms = Files.createDirectories(dir.resolve("forms/401005"));
        Files.writeString(forms.resolve("inkan.json"), "{ \"kind\": \"inkan\" }");
        CliRun bad = CliRun.run("render", "--kind", "inkan", "--input", json.toString(), "--tenant", "401005",
                "--forms", dir.resolve("forms").toString(), "--out", dir.resolve("bad.pdf").toString());
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains(forms.resolve("inkan.json") + ": $.page: missing");
        assertThat(dir.resolve("bad.pdf")).doesNotExist();
    }
}
