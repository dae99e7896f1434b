package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process, capturing its output: what a test of a command asserts on. */
record CliRun(int exitCode, String out, String err) {

    /** 2026-11-26 12:00 in Japan. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), env, CLOCK), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * {@code kofu generate} for tenant 402036 with {@code generateOptions} into {@code out}, then {@code kofu load} of
     * its full batches into {@code db}; both must succeed.
     *
     * @return the generate command's run
     */
    static CliRun generatedAndLoaded(Path out, String db, String... generateOptions) {
        List<String> args = new ArrayList<>(List.of("generate", "--tenant", "402036"));
        args.addAll(List.of(generateOptions));
        args.addAll(List.of("--out", out.toString()));
        CliRun generated = run(args.toArray(String[]::new));
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        CliRun loaded = run("load", "--db", db, "--tenant", "402036", out.toString());
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        return generated;
    }

    long errLines() {
        return err.lines().count();
    }
}
