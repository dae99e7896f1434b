package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.suppression.domain.RefusalReason;

/** The demo and render commands, end to end through the real adapters and a parsed PDF. */
class DemoAndRenderTest {

    @TempDir
    Path dir;

    @Test
    void theDemoIssuesEveryKindAndPrintsParseablePdfsWithNameAndTitle() throws Exception {
        CliRun run = CliRun.run("demo", "--out", dir.toString(), "--residents", "150", "--seed", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kofu demo — tenant 402036").contains("suppressed by reason");
        assertSummaryAccountsForEveryResident(run.out(), 150);
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

    /**
     * The summary's rows: for each kind, rendered + suppressed is the number of residents (each was either
     * rendered or refused), and the breakdown names real suppression reasons whose counts add up to the
     * suppressed ones.
     */
    private static void assertSummaryAccountsForEveryResident(String out, int residents) {
        Matcher header = Pattern.compile("(?m)^kofu demo — tenant 402036 \\S+, ([0-9,]+) residents").matcher(out);
        assertThat(header.find()).as(out).isTrue();
        assertThat(number(header.group(1))).isEqualTo(residents);
        Set<String> reasonNames = Stream.of(RefusalReason.values()).map(RefusalReason::japanese)
                .collect(Collectors.toSet());
        Pattern row = Pattern.compile("(?m)^  (juminhyo|inkan|shotoku) +([0-9,]+) +([0-9,]+)  (.*)$");
        Matcher m = row.matcher(out);
        Map<String, Integer> suppressedByKind = new HashMap<>();
        Set<String> named = new HashSet<>();
        while (m.find()) {
            int rendered = number(m.group(2));
            int suppressed = number(m.group(3));
            assertThat(rendered).as(m.group(1) + " rendered").isPositive();
            assertThat(rendered + suppressed).as(m.group(1) + ": rendered + suppressed").isEqualTo(residents);
            int byReason = 0;
            if (!m.group(4).isBlank()) {
                for (String part : m.group(4).split(" · ")) {
                    Matcher reason = Pattern.compile("(\\S+) ([0-9,]+)").matcher(part.strip());
                    assertThat(reason.matches()).as("「" + part + "」 is a reason and its count").isTrue();
                    assertThat(reasonNames).as("a suppression reason's name").contains(reason.group(1));
                    named.add(reason.group(1));
                    byReason += number(reason.group(2));
                }
            }
            assertThat(byReason).as(m.group(1) + ": the reasons add up to the suppressed").isEqualTo(suppressed);
            suppressedByKind.put(m.group(1), suppressed);
        }
        assertThat(suppressedByKind).containsOnlyKeys("juminhyo", "inkan", "shotoku");
        assertThat(named).as("a 150-resident town has suppressed residents, with their reasons named").isNotEmpty();
    }

    private static int number(String digits) {
        return Integer.parseInt(digits.replace(",", ""));
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
