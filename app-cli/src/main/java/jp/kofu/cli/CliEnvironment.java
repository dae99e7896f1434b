package jp.kofu.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.inject.Injector;

import jp.kofu.adapters.persistence.Database;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;

/**
 * What a command runs in: its output streams, the process environment, the clock, and the application
 * object graph for a database (built on first use, once per database). Tests pass their own.
 */
public final class CliEnvironment {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Clock clock;
    private final Map<KofuConfig, Injector> injectors = new ConcurrentHashMap<>();

    public CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    static CliEnvironment system(PrintWriter out, PrintWriter err) {
        return new CliEnvironment(out, err, System.getenv(), Clock.systemUTC());
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The application graph of a batch command for the database option (else KOFU_DB, else the embedded
     * default), signing with the keys of the signing directory named by {@code KOFU_SIGNING} if any. A batch
     * command writes in one session at a time, so an embedded H2 database stores each commit as it happens
     * ({@link Database#storingEachCommit}): a command killed mid-batch leaves every
     * transaction whole. {@code kofu server} builds its own configuration and keeps H2's background writer.
     */
    public Injector kofu(String dbOption, int port) {
        return kofu(new KofuConfig(Database.storingEachCommit(KofuConfig.resolveDb(dbOption, env)), port, null,
                jp.kofu.server.wiring.SigningConfig.fromEnvironment(env)));
    }

    /** The application graph for a configuration (built once per configuration). */
    public Injector kofu(KofuConfig config) {
        return injectors.computeIfAbsent(config, c -> Kofu.injector(c, clock));
    }

    public Injector kofu(String dbOption) {
        return kofu(dbOption, 0);
    }
}
