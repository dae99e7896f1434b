package jp.kofu.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process {@link SyncFaultTest} kills: {@code kofu sync apply} through the real command line
 * ({@link Cli#execute}, as {@link Main} runs it) for each batch directory given after the database URL, in
 * order, in one JVM so that the kills land in the work rather than in JVM start-up. Prints
 * {@code begin N} and {@code end N EXIT} around each batch, so that the test can tell where a kill landed.
 * After start-up (JVM, application graph, database opened and migrated) it prints {@code ready MILLIS}.
 * Exits with the first non-zero exit code, else 0.
 */
public final class ApplyAllMain {

    private ApplyAllMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CliEnvironment environment = CliEnvironment.system(out, err);
        String db = args[0];
        environment.kofu(db); // the application graph and the migrated database, as the first command builds them
        out.println("ready " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        for (int i = 1; i < args.length; i++) {
            out.println("begin " + i);
            int code = Cli.execute(environment, "sync", "apply", "--db", db, args[i]);
            out.println("end " + i + " " + code);
            if (code != 0) {
                System.exit(code);
            }
        }
        System.exit(0);
    }
}
