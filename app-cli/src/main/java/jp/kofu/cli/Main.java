package jp.kofu.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code bin/kofu} entry point: the only place that exits the process. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.execute(CliEnvironment.system(out, err), args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
