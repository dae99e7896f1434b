package jp.kofu.adapters.persistence;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * A real database for one test class: an H2 file in a temporary directory, or a fresh schema in the
 * PostgreSQL that {@code bin/test-postgres} provides (URL from {@code KOFU_TEST_PG_URL}). PostgreSQL being
 * unreachable fails the tests; it never skips them.
 */
final class TestDatabase implements AutoCloseable {

    /** What {@code bin/test-postgres} prints. */
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/kofu_test?user=kofu&password=kofu";

    private final Database database;
    private final String adminUrl;
    private final String schema;

    private TestDatabase(Database database, String adminUrl, String schema) {
        this.database = database;
        this.adminUrl = adminUrl;
        this.schema = schema;
    }

    /** A new H2 database in the directory. */
    static TestDatabase h2(Path directory) {
        return new TestDatabase(Database.open("jdbc:h2:file:" + directory.resolve("kofu").toAbsolutePath()), null, null);
    }

    /** A new, empty schema in the test PostgreSQL, dropped on {@link #close()}. */
    static TestDatabase postgres() {
        String url = postgresUrl();
        // a random name of hex digits: safe to write into DDL, which takes no parameters
        String schema = "kofu_test_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute(url, "CREATE SCHEMA " + schema);
        try {
            String separator = url.contains("?") ? "&" : "?";
            return new TestDatabase(Database.open(url + separator + "currentSchema=" + schema), url, schema);
        } catch (RuntimeException e) {
            execute(url, "DROP SCHEMA " + schema + " CASCADE");
            throw e;
        }
    }

    static String postgresUrl() {
        String url = System.getenv("KOFU_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not usable (run bin/test-postgres first): "
                    + e.getMessage(), e);
        }
    }

    Database database() {
        return database;
    }

    /** The database with every kofu table emptied (the schema history stays). */
    Database empty() {
        database.jdbi().useHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables "
                            + "WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'")
                    .mapTo(String.class).list();
            for (String table : tables) {
                if (!table.equalsIgnoreCase("flyway_schema_history")) {
                    h.execute("DELETE FROM " + table);
                }
            }
        });
        return database;
    }

    @Override
    public void close() {
        database.close();
        if (schema != null) {
            execute(adminUrl, "DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
