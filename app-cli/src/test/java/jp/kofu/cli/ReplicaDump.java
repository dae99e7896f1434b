package jp.kofu.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A canonical dump of the replica for comparisons in tests: every row of every replica table, ordered by
 * its key, hashed per table (SHA-256 over the columns' string forms), and the sequence each source's
 * stream stands at. Plain JDBC on the database file, no kofu code, so it judges kofu rather than trusting
 * it; where the digests of {@code kofu sync verify} are available they can replace it behind
 * {@link #of(String)}.
 */
final class ReplicaDump {

    /** The tables of each source with their key columns, in the order of the primary keys. */
    static final Map<String, String> JUKIKI_TABLES = Map.of(
            "residents", "tenant_code, person_key",
            "households", "tenant_code, household_id",
            "seal_registrations", "tenant_code, person_key, registration_number",
            "suppression_flags", "tenant_code, person_key, kind, valid_from",
            "cardholder_links", "tenant_code, issuer, serial");
    static final Map<String, String> TAX_TABLES = Map.of("tax_records", "tenant_code, person_key, fiscal_year");

    /**
     * @param jukiki hash of the resident-record source's tables
     * @param tax hash of the tax source's tables
     * @param sequences last applied sequence per source ({@code jukiki}, {@code tax}; -1 when none)
     * @param rows rows per table, for messages
     */
    record Dump(String jukiki, String tax, Map<String, Long> sequences, Map<String, Long> rows) {
        long sequence(String source) {
            return sequences.getOrDefault(source, -1L);
        }
    }

    private ReplicaDump() {
    }

    /** Dumps the replica of the database at the (H2 or PostgreSQL) URL. */
    static Dump of(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            Map<String, Long> rows = new LinkedHashMap<>();
            String jukiki = hash(c, JUKIKI_TABLES, rows);
            String tax = hash(c, TAX_TABLES, rows);
            Map<String, Long> sequences = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT source_system, last_sequence FROM sync_state ORDER BY source_system")) {
                while (rs.next()) {
                    sequences.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Dump(jukiki, tax, sequences, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private static String hash(Connection c, Map<String, String> tables, Map<String, Long> rows) throws SQLException {
        MessageDigest digest = sha256();
        for (String table : List.copyOf(new java.util.TreeSet<>(tables.keySet()))) {
            digest.update(("#" + table + "\n").getBytes(StandardCharsets.UTF_8));
            long n = 0;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + tables.get(table))) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.append(value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value))
                                .append('\u001f');
                    }
                    digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                    n++;
                }
            }
            rows.put(table, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
