package jp.kofu.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.domain.UnidentifiedCharacters;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The replica's text items (複製データの文字項目) in the database: {@link ReplicaTextPort} over the text
 * columns of {@code residents}, {@code households}, {@code seal_registrations} and {@code tax_records}
 * (the dependants' names inside {@code dependants_json}).
 *
 * <p>Items with an unidentified vendor character are found with {@code LIKE '%{VND:%'} on the tagged form,
 * so the 文字同定 checks and re-conversions touch only those rows. A walk runs in one snapshot transaction
 * and streams rows; a re-conversion locks the rows it rewrites ({@code SELECT … FOR UPDATE}) and updates
 * their text columns only, all in one transaction.
 */
public final class JdbiReplicaTexts implements ReplicaTextPort {

    /** What marks an unidentified vendor character in the tagged form. */
    private static final String MARK = "%{VND:%";

    private static final int FETCH = 1_000;

    /** The residents' text columns, in {@link TextField} order; the last two are null for Japanese residents. */
    private static final List<Column> RESIDENT_COLUMNS = List.of(
            new Column("full_name", TextField.RESIDENT_NAME),
            new Column("name_kana", TextField.RESIDENT_NAME_KANA),
            new Column("former_surname", TextField.RESIDENT_FORMER_SURNAME),
            new Column("former_surname_kana", TextField.RESIDENT_FORMER_SURNAME_KANA),
            new Column("alias_name", TextField.RESIDENT_ALIAS),
            new Column("relationship", TextField.RESIDENT_RELATIONSHIP),
            new Column("address", TextField.RESIDENT_ADDRESS),
            new Column("address_supplement", TextField.RESIDENT_ADDRESS_SUPPLEMENT),
            new Column("domicile", TextField.RESIDENT_DOMICILE),
            new Column("domicile_head", TextField.RESIDENT_DOMICILE_HEAD),
            new Column("address_before_move_in", TextField.RESIDENT_ADDRESS_BEFORE_MOVE_IN),
            new Column("address_before_change", TextField.RESIDENT_ADDRESS_BEFORE_CHANGE),
            new Column("entry_reason", TextField.RESIDENT_ENTRY_REASON),
            new Column("nationality", TextField.RESIDENT_NATIONALITY),
            new Column("residence_status", TextField.RESIDENT_RESIDENCE_STATUS));

    private record Column(String name, TextField field) {
    }

    private final Database database;
    private final Jdbi jdbi;

    public JdbiReplicaTexts(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
    }

    // ---- walking ------------------------------------------------------------------------------------

    @Override
    public void forEachText(LocalGovernmentCode tenant, boolean onlyUnidentified, Consumer<TextItem> visitor) {
        jdbi.useTransaction(database.snapshotIsolation(), h -> {
            String code = tenant.value();
            scan(h, residentsQuery(onlyUnidentified, false), code, rs -> {
                String key = rs.getString("person_key");
                Optional<PersonKey> person = Optional.of(new PersonKey(key));
                for (Column c : RESIDENT_COLUMNS) {
                    emit(visitor, c.field(), key, person, rs.getString(c.name()), onlyUnidentified);
                }
            });
            scan(h, "SELECT household_id, head_name FROM households WHERE tenant_code = ?"
                    + (onlyUnidentified ? " AND head_name LIKE '" + MARK + "'" : "") + " ORDER BY household_id", code, rs ->
                    emit(visitor, TextField.HOUSEHOLD_HEAD_NAME, rs.getString(1), Optional.empty(), rs.getString(2),
                            onlyUnidentified));
            scan(h, "SELECT person_key, registered_name FROM seal_registrations WHERE tenant_code = ?"
                    + (onlyUnidentified ? " AND registered_name LIKE '" + MARK + "'" : "")
                    + " ORDER BY person_key, registration_number", code, rs -> {
                        String key = rs.getString(1);
                        emit(visitor, TextField.SEAL_REGISTERED_NAME, key, Optional.of(new PersonKey(key)),
                                rs.getString(2), onlyUnidentified);
                    });
            scan(h, taxQuery(onlyUnidentified, false), code, rs -> {
                String key = rs.getString("person_key");
                Optional<PersonKey> person = Optional.of(new PersonKey(key));
                emit(visitor, TextField.TAX_ADDRESS_ON_JANUARY_1, key, person, rs.getString("address_on_january1"),
                        onlyUnidentified);
                for (TaxRecord.Dependant d : Json.dependants(rs.getString("dependants_json"))) {
                    emitText(visitor, TextField.TAX_DEPENDANT_NAME, key, person, d.name(), onlyUnidentified);
                }
            });
        });
    }

    private static String residentsQuery(boolean onlyUnidentified, boolean forUpdate) {
        StringBuilder sql = new StringBuilder("SELECT person_key");
        for (Column c : RESIDENT_COLUMNS) {
            sql.append(", ").append(c.name());
        }
        sql.append(" FROM residents WHERE tenant_code = ?");
        if (onlyUnidentified) {
            sql.append(" AND (");
            for (int i = 0; i < RESIDENT_COLUMNS.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append(RESIDENT_COLUMNS.get(i).name()).append(" LIKE '").append(MARK)
                        .append('\'');
            }
            sql.append(')');
        }
        sql.append(" ORDER BY person_key");
        return forUpdate ? sql.append(" FOR UPDATE").toString() : sql.toString();
    }

    private static String taxQuery(boolean onlyUnidentified, boolean forUpdate) {
        String sql = "SELECT person_key, fiscal_year, address_on_january1, dependants_json FROM tax_records "
                + "WHERE tenant_code = ?"
                + (onlyUnidentified ? " AND (address_on_january1 LIKE '" + MARK + "' OR dependants_json LIKE '" + MARK + "')" : "")
                + " ORDER BY person_key, fiscal_year";
        return forUpdate ? sql + " FOR UPDATE" : sql;
    }

    private static void emit(Consumer<TextItem> visitor, TextField field, String holder, Optional<PersonKey> person,
                             String tagged, boolean onlyUnidentified) {
        if (tagged == null || tagged.isEmpty() || onlyUnidentified && !tagged.contains("{VND:")) {
            return;
        }
        visitor.accept(new TextItem(field, holder, person, PrintedText.parse(tagged)));
    }

    private static void emitText(Consumer<TextItem> visitor, TextField field, String holder, Optional<PersonKey> person,
                                 PrintedText text, boolean onlyUnidentified) {
        if (text.isEmpty() || onlyUnidentified && !text.hasUnidentified()) {
            return;
        }
        visitor.accept(new TextItem(field, holder, person, text));
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Streams the rows of a query with the tenant as its only parameter. */
    private static void scan(Handle h, String sql, String tenant, RowHandler handler) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            // no statement context: the message must not carry values (personal data)
            throw new UnableToExecuteStatementException("reading the replica's text items failed", e, null);
        }
    }

    // ---- re-conversion ------------------------------------------------------------------------------

    @Override
    public Reconversion reconvert(LocalGovernmentCode tenant, CorrespondenceTable table) {
        if (table.entries().isEmpty()) {
            return Reconversion.none();
        }
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            String code = tenant.value();
            Set<PersonKey> persons = new HashSet<>();
            int[] households = {0};
            int[] items = {0};

            List<Object[]> residentUpdates = new ArrayList<>();
            scan(h, residentsQuery(true, true), code, rs -> {
                Object[] values = new Object[RESIDENT_COLUMNS.size() + 1];
                boolean changed = false;
                for (int i = 0; i < RESIDENT_COLUMNS.size(); i++) {
                    String before = rs.getString(RESIDENT_COLUMNS.get(i).name());
                    String after = convert(before, table);
                    values[i] = after;
                    if (!Objects.equals(before, after)) {
                        changed = true;
                        items[0]++;
                    }
                }
                if (changed) {
                    values[RESIDENT_COLUMNS.size()] = rs.getString("person_key");
                    residentUpdates.add(values);
                    persons.add(new PersonKey(rs.getString("person_key")));
                }
            });
            StringBuilder update = new StringBuilder("UPDATE residents SET ");
            for (int i = 0; i < RESIDENT_COLUMNS.size(); i++) {
                update.append(i == 0 ? "" : ", ").append(RESIDENT_COLUMNS.get(i).name()).append(" = ?");
            }
            update.append(" WHERE tenant_code = ? AND person_key = ?");
            execute(h, update.toString(), residentUpdates, code);

            List<Object[]> householdUpdates = new ArrayList<>();
            scan(h, "SELECT household_id, head_name FROM households WHERE tenant_code = ? AND head_name LIKE '" + MARK
                    + "' ORDER BY household_id FOR UPDATE", code, rs -> {
                        String before = rs.getString(2);
                        String after = convert(before, table);
                        if (!before.equals(after)) {
                            householdUpdates.add(new Object[] {after, rs.getString(1)});
                            households[0]++;
                            items[0]++;
                        }
                    });
            execute(h, "UPDATE households SET head_name = ? WHERE tenant_code = ? AND household_id = ?",
                    householdUpdates, code);

            List<Object[]> sealUpdates = new ArrayList<>();
            scan(h, "SELECT person_key, registration_number, registered_name FROM seal_registrations "
                    + "WHERE tenant_code = ? AND registered_name LIKE '" + MARK + "' "
                    + "ORDER BY person_key, registration_number FOR UPDATE", code, rs -> {
                        String before = rs.getString(3);
                        String after = convert(before, table);
                        if (!before.equals(after)) {
                            sealUpdates.add(new Object[] {after, rs.getString(1), rs.getString(2)});
                            persons.add(new PersonKey(rs.getString(1)));
                            items[0]++;
                        }
                    });
            execute(h, "UPDATE seal_registrations SET registered_name = ? "
                    + "WHERE tenant_code = ? AND person_key = ? AND registration_number = ?", sealUpdates, code);

            List<Object[]> taxUpdates = new ArrayList<>();
            scan(h, taxQuery(true, true), code, rs -> {
                String address = rs.getString("address_on_january1");
                String newAddress = convert(address, table);
                int changed = address.equals(newAddress) ? 0 : 1;
                List<TaxRecord.Dependant> dependants = Json.dependants(rs.getString("dependants_json"));
                List<TaxRecord.Dependant> converted = new ArrayList<>(dependants.size());
                for (TaxRecord.Dependant d : dependants) {
                    PrintedText name = UnidentifiedCharacters.reconvert(d.name(), table);
                    changed += name == d.name() ? 0 : 1;
                    converted.add(name == d.name() ? d : new TaxRecord.Dependant(name, d.relationship(), d.filed()));
                }
                if (changed > 0) {
                    taxUpdates.add(new Object[] {newAddress, Json.dependants(converted), rs.getString("person_key"),
                            rs.getInt("fiscal_year")});
                    persons.add(new PersonKey(rs.getString("person_key")));
                    items[0] += changed;
                }
            });
            execute(h, "UPDATE tax_records SET address_on_january1 = ?, dependants_json = ? "
                    + "WHERE tenant_code = ? AND person_key = ? AND fiscal_year = ?", taxUpdates, code);
            return new Reconversion(persons, households[0], items[0]);
        });
    }

    private static String convert(String tagged, CorrespondenceTable table) {
        if (tagged == null || !tagged.contains("{VND:")) {
            return tagged;
        }
        PrintedText before = PrintedText.parse(tagged);
        PrintedText after = UnidentifiedCharacters.reconvert(before, table);
        return after == before ? tagged : after.toTagged();
    }

    /**
     * Runs an update per row: the values first, then the tenant, then the row's remaining key values (the
     * row array holds the values followed by the key).
     */
    private static void execute(Handle h, String sql, List<Object[]> rows, String tenant) {
        if (rows.isEmpty()) {
            return;
        }
        int setCount = (int) sql.substring(0, sql.indexOf(" WHERE ")).chars().filter(c -> c == '?').count();
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            for (Object[] row : rows) {
                int p = 1;
                for (int i = 0; i < setCount; i++) {
                    if (row[i] == null) {
                        ps.setNull(p++, Types.VARCHAR); // the foreign-resident items of a Japanese resident
                    } else {
                        ps.setObject(p++, row[i]);
                    }
                }
                ps.setString(p++, tenant);
                for (int i = setCount; i < row.length; i++) {
                    ps.setObject(p++, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("re-converting " + rows.size() + " rows failed", e, null);
        }
    }
}
