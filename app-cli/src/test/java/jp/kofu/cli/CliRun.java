package jp.kofu.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    long errLines() {
        return err.lines().count();
    }
}
