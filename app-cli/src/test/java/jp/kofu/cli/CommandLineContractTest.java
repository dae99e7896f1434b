package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The contract of docs/cli.md: help, usage errors in one line with exit 2, not-built commands. */
class CommandLineContractTest {

    @Test
    void helpListsEveryCommandOfTheContract() {
        CliRun run = CliRun.run("--help");
        assertThat(run.exitCode()).isZero();
        for (String command : new String[] {"demo", "generate", "load", "issue", "render", "server", "sync", "relay",
                "gaiji", "verify", "kiosk", "bench", "audit"}) {
            assertThat(run.out()).containsPattern("(?m)^  " + command + " ");
        }
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
    }

    @Test
    void aBadOptionGivesOneClearLineAndExit2() {
        CliRun run = CliRun.run("load", "--tenant", "402036", "--bogus", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kofu load: Unknown option: '--bogus'");
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aWrongCheckDigitGivesOneClearLineAndExit2() {
        CliRun run = CliRun.run("issue", "--tenant", "402030", "--resident", "1", "--kind", "inkan");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("402030").contains("check digit (expected 6)");
        assertThat(run.errLines()).isEqualTo(1);
    }

    @Test
    void anUnknownKindGivesOneClearLineAndExit2() {
        CliRun run = CliRun.run("render", "--kind", "koseki", "--example");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown certificate kind 'koseki'");
        assertThat(run.errLines()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "generate", "load", "sync apply", "sync status", "sync verify", "sync resend", "relay",
            "gaiji scan", "gaiji propose", "gaiji apply", "gaiji sheet", "gaiji preview", "render", "issue", "verify",
            "server", "kiosk", "bench render", "bench load", "bench issue", "audit verify"})
    void everyCommandOfTheContractIsBuiltAndDocumentsItself(String command) {
        String[] words = (command + " --help").split(" ");
        // picocli formats each description (String.format): a stray % only shows as a warning on System.err
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        CliRun run;
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            run = CliRun.run(words);
        } finally {
            System.setErr(err);
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: kofu " + command).doesNotContain("not built yet");
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).as("picocli's warnings").isEmpty();
    }

    @Test
    void generatingDeltasWritesThemInEitherLayout(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRun deltas = CliRun.run("generate", "--tenant", "402036", "--residents", "10", "--deltas", "12", "--cards", "0",
                "--out", dir.toString());
        assertThat(deltas.exitCode()).as(deltas.err()).isZero();
        assertThat(dir.resolve("jukiki-000013-delta/manifest.json")).isRegularFile();
        assertThat(dir.resolve("tax-000013-delta/manifest.json")).isRegularFile();
        CliRun fixed = CliRun.run("generate", "--tenant", "402036", "--residents", "10", "--deltas", "12", "--cards", "0",
                "--format", "fixed", "--out", dir.resolve("fixed").toString());
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(dir.resolve("fixed/jukiki-000013-delta/residents.dat")).isRegularFile();
        assertThat(dir.resolve("fixed/tax-000013-delta/tax_records.dat")).isRegularFile();
        assertThat(CliRun.run("generate", "--tenant", "402036", "--residents", "10", "--format", "xml", "--out",
                dir.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void anUnreachableDatabaseIsAnInfrastructureFailureWithExit4(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRun generated = CliRun.run("generate", "--tenant", "402036", "--residents", "20", "--out", dir.toString());
        assertThat(generated.exitCode()).isZero();
        CliRun run = CliRun.run("load", "--db", "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2", "--tenant", "402036",
                dir.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("infrastructure failure");
    }
}
