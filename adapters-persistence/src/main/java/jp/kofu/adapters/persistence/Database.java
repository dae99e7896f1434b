package jp.kofu.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * kofu's database (データベース): a pooled connection to H2 or PostgreSQL, migrated to the current schema
 * when opened, and the {@link Jdbi} the adapters work through.
 *
 * <p>The JDBC URL alone decides the engine: {@code jdbc:h2:...} or {@code jdbc:postgresql://...}. The same
 * portable migrations serve both, so an H2 URL needs no compatibility mode.
 */
public final class Database implements AutoCloseable {

    /** The embedded database used when no URL is given: a file under {@code ./kofu-data}. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./kofu-data/kofu";

    /** The engines kofu runs on. */
    public enum Engine {
        H2,
        POSTGRESQL
    }

    static {
        // H2 looks every string and number it handles up in a shared value cache (a hash of the value, a
        // soft-reference array): 10% of the CPU of a 1.4-million-record initial load, for no gain in a replica
        // whose values are mostly distinct. Read by H2 once, when its first class loads; -Dh2.objectCache wins.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Engine engine;

    private Database(HikariDataSource dataSource, Engine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.jdbi = Jdbi.create(dataSource);
        // JDBI's default exception message lists the bound values, which may be names and addresses
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /**
     * Connects to the database at the URL and migrates it to the current schema.
     *
     * @throws IllegalArgumentException when the URL names neither H2 nor PostgreSQL
     */
    public static Database open(String jdbcUrl) {
        Engine engine = engineOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(engine == Engine.H2 ? withWriteDelay(withQueryCache(jdbcUrl), H2_WRITE_DELAY) : jdbcUrl);
        config.setPoolName("kofu");
        config.setMaximumPoolSize(10);
        if (engine == Engine.POSTGRESQL && !jdbcUrl.contains("reWriteBatchedInserts")) {
            // turns each batch into multi-row INSERTs: the bulk load of a full batch is several times faster
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Database(dataSource, engine);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * H2 keeps the parsed form of the last 8 statements of each connection by default; a kiosk flow runs about
     * twenty different ones on every pooled connection, so without a larger cache H2 parses almost every
     * statement again (about a tenth of the server's CPU under kiosk load).
     */
    static String withQueryCache(String jdbcUrl) {
        return jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE=") ? jdbcUrl
                : jdbcUrl + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE;
    }

    private static final int H2_QUERY_CACHE = 128;

    /**
     * The URL for a process that writes in one session at a time — the command line's batch work ({@code kofu
     * sync apply}, {@code kofu load}, …) — so that H2 stores each transaction in the file when it commits, in the
     * committing thread ({@code WRITE_DELAY=0}), instead of leaving it to its background writer (by default
     * every 500 ms). H2 2.3 stores its maps one after another while transactions go on writing, so a background
     * store in the middle of a transaction can write rows without their undo-log entries; a process killed
     * before the next store then recovers to a part of the transaction, visible to any later transaction that
     * gets the same transaction id: a delta's rows without its sequence number ({@code SyncFaultTest},
     * docs/architecture.md). With one writing session at a time no store runs alongside a transaction's writes
     * any more, and a committed transaction is no longer lost with the process either.
     *
     * <p>Not for the server: with many sessions a store in another session's commit can still land inside a
     * transaction, so it would not make the server safe, and a store per commit doubles the server's CPU per
     * certificate under kiosk load (8.9 ms against 4.0 ms measured). A server that must survive SIGKILL with
     * every transaction whole runs on PostgreSQL. PostgreSQL URLs and URLs that set {@code WRITE_DELAY}
     * themselves are returned as they are.
     */
    public static String storingEachCommit(String jdbcUrl) {
        return jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:") ? jdbcUrl : withWriteDelay(jdbcUrl, 0);
    }

    /** H2's own default: its background writer stores what was committed every half second. */
    private static final int H2_WRITE_DELAY = 500;

    /**
     * H2 keeps {@code WRITE_DELAY} in the database file, so a file a batch command wrote would keep storing each
     * commit under the server too: every opening names its own, unless the URL does.
     */
    private static String withWriteDelay(String jdbcUrl, int millis) {
        return jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=") ? jdbcUrl
                : jdbcUrl + ";WRITE_DELAY=" + millis;
    }

    private static Engine engineOf(String jdbcUrl) {
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("a JDBC URL is required");
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return Engine.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Engine.POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:h2:... or jdbc:postgresql:...)");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs the work holding one pooled connection: every adapter statement inside it, on this thread, uses that
     * connection (JDBI hands nested calls the thread's open handle) instead of taking one from the pool and
     * giving it back per statement. Each adapter call still commits on its own; nothing here is a transaction.
     * For request handlers that make a dozen small calls, such as the kiosk interface's.
     */
    public <T> T onOneConnection(java.util.function.Supplier<T> work) {
        return jdbi.withHandle(h -> work.get());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * The isolation level under which a transaction sees one consistent snapshot of the whole database.
     * PostgreSQL's REPEATABLE READ is snapshot isolation; H2's REPEATABLE READ snapshots each table only when
     * the transaction first touches it, so H2 needs SERIALIZABLE (which, for a transaction that only reads,
     * is a snapshot taken at its first statement).
     */
    TransactionIsolationLevel snapshotIsolation() {
        return engine == Engine.H2 ? TransactionIsolationLevel.SERIALIZABLE : TransactionIsolationLevel.REPEATABLE_READ;
    }

    /** Whether the database answers, for health checks. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
