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

    /** A row's columns as text, each ended by a unit separator (binary columns in hex). */
    private static StringBuilder rowText(ResultSet rs, ResultSetMetaData meta) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            row.append(value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value)).append('\u001f');
        }
        return row;
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
                    StringBuilder row = rowText(rs, meta);
                    digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
                    n++;
                }
            }
            rows.put(table, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The rows of a source's tables, for explaining a difference: per table (in name order) each row's key
     * (the key columns after {@code tenant_code}, joined by {@code /}) and a digest of the whole row; and the
     * rows of {@code sync_state}. Keys only: the messages built from it carry no names or addresses.
     *
     * @param tables table name to its key columns' rows: key to row digest, in key order
     * @param syncState the rows of {@code sync_state}, one string each ({@code tenant/source/sequence/applied_at})
     */
    record Detail(Map<String, Map<String, String>> tables, List<String> syncState) {

        /** The keys per table that differ from {@code expected}: missing, extra, changed; empty when equal. */
        Map<String, String> differences(Detail expected) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String table : expected.tables().keySet()) {
                Map<String, String> want = expected.tables().get(table);
                Map<String, String> have = tables.getOrDefault(table, Map.of());
                List<String> missing = want.keySet().stream().filter(k -> !have.containsKey(k)).toList();
                List<String> extra = have.keySet().stream().filter(k -> !want.containsKey(k)).toList();
                List<String> changed = want.keySet().stream()
                        .filter(k -> have.containsKey(k) && !have.get(k).equals(want.get(k))).toList();
                if (!missing.isEmpty() || !extra.isEmpty() || !changed.isEmpty()) {
                    out.put(table, "missing " + keys(missing) + ", extra " + keys(extra) + ", changed " + keys(changed));
                }
            }
            return out;
        }

        private static String keys(List<String> keys) {
            int shown = 12;
            return keys.size() + (keys.isEmpty() ? "" : " " + (keys.size() <= shown ? keys
                    : keys.subList(0, shown) + "... (" + (keys.size() - shown) + " more)"));
        }
    }

    /**
     * The hash of the tables (as in {@link Dump}) read by a session whose transaction begins while another
     * session's is open, so that it gets another transaction id than a first reader would. H2 hands the ids
     * out from the lowest free one, and shows a row left uncommitted by a killed transaction (written to the
     * file without its undo log entry) as that transaction's own to any later transaction with the same id.
     */
    static String hashFromSecondSession(String jdbcUrl, Map<String, String> tables) {
        try (Connection first = DriverManager.getConnection(jdbcUrl);
             Connection second = DriverManager.getConnection(jdbcUrl)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sync_state")) {
                rs.next();
            }
            String hash = hash(second, tables, new LinkedHashMap<>());
            second.rollback();
            first.rollback();
            return hash;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** The {@link Detail} of the tables (a map of table name to key columns) in the database at the URL. */
    static Detail detail(String jdbcUrl, Map<String, String> tables) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (String table : new java.util.TreeSet<>(tables.keySet())) {
                List<String> keyColumns = List.of(tables.get(table).split(",\\s*"));
                Map<String, String> byKey = new LinkedHashMap<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + tables.get(table))) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = rowText(rs, meta);
                        StringBuilder key = new StringBuilder();
                        for (String column : keyColumns.subList(1, keyColumns.size())) {
                            key.append(key.length() == 0 ? "" : "/").append(rs.getString(column));
                        }
                        byKey.put(key.toString(), HexFormat.of().formatHex(
                                sha256().digest(row.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16));
                    }
                }
                rows.put(table, byKey);
            }
            List<String> syncState = new java.util.ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT tenant_code, source_system, last_sequence, applied_at "
                         + "FROM sync_state ORDER BY tenant_code, source_system")) {
                while (rs.next()) {
                    syncState.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + "/" + rs.getString(4));
                }
            }
            return new Detail(rows, syncState);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
