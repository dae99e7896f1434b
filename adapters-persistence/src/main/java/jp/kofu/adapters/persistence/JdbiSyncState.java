package jp.kofu.adapters.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamState;
import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The state of the sync streams (連携状態) in the database: tables {@code sync_streams},
 * {@code sync_held_batches}, {@code sync_quarantines} and {@code sync_quarantine_problems} (V4), with the heartbeat and applied times of
 * V5.
 */
public final class JdbiSyncState implements SyncStatePort {

    private final Jdbi jdbi;

    public JdbiSyncState(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public StreamState state(LocalGovernmentCode tenant, SourceSystem source) {
        return jdbi.inTransaction(h -> read(h, tenant, source));
    }

    private static StreamState read(Handle h, LocalGovernmentCode tenant, SourceSystem source) {
        String code = tenant.value();
        String src = source.wireName();
        List<Optional<Instant>> times = h.createQuery("SELECT last_received_at, last_heartbeat_at, last_applied_at "
                        + "FROM sync_streams WHERE tenant_code = ? AND source_system = ?")
                .bind(0, code).bind(1, src)
                .map((rs, ctx) -> List.of(optionalInstant(rs, "last_received_at"),
                        optionalInstant(rs, "last_heartbeat_at"), optionalInstant(rs, "last_applied_at")))
                .findOne().orElse(List.of(Optional.empty(), Optional.empty(), Optional.empty()));
        TreeMap<Long, Path> held = new TreeMap<>();
        h.createQuery("SELECT sequence_no, directory FROM sync_held_batches WHERE tenant_code = ? AND source_system = ?")
                .bind(0, code).bind(1, src)
                .map((rs, ctx) -> {
                    held.put(rs.getLong("sequence_no"), Path.of(rs.getString("directory")));
                    return null;
                })
                .list();
        List<InputProblem> problems = h.createQuery("SELECT file_name, line_no, column_name, reason "
                        + "FROM sync_quarantine_problems WHERE tenant_code = ? AND source_system = ? ORDER BY problem_no")
                .bind(0, code).bind(1, src)
                .map((rs, ctx) -> new InputProblem(rs.getString("file_name"), rs.getLong("line_no"),
                        rs.getString("column_name"), rs.getString("reason")))
                .list();
        Optional<StreamState.Quarantine> quarantine = h.createQuery("SELECT sequence_no, directory, quarantined_at "
                        + "FROM sync_quarantines WHERE tenant_code = ? AND source_system = ?")
                .bind(0, code).bind(1, src)
                .map((rs, ctx) -> new StreamState.Quarantine(rs.getLong("sequence_no"), Path.of(rs.getString("directory")),
                        problems, Arguments.instant(rs, "quarantined_at")))
                .findOne();
        return new StreamState(tenant, source, times.get(0), held, quarantine, times.get(1), times.get(2));
    }

    private static Optional<Instant> optionalInstant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getObject(column) == null ? Optional.empty() : Optional.of(Arguments.instant(rs, column));
    }

    @Override
    public List<StreamState> all() {
        return jdbi.inTransaction(h -> {
            Set<List<String>> keys = new LinkedHashSet<>();
            for (String table : List.of("sync_streams", "sync_held_batches", "sync_quarantines")) {
                keys.addAll(h.createQuery("SELECT DISTINCT tenant_code, source_system FROM " + table)
                        .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2))).list());
            }
            List<StreamState> states = new ArrayList<>();
            keys.stream()
                    .map(k -> List.of(k.get(0), SourceSystem.fromWireName(k.get(1)).name()))
                    .distinct()
                    .sorted((a, b) -> a.get(0).equals(b.get(0))
                            ? SourceSystem.valueOf(a.get(1)).compareTo(SourceSystem.valueOf(b.get(1)))
                            : a.get(0).compareTo(b.get(0)))
                    .forEach(k -> states.add(read(h, LocalGovernmentCode.parse(k.get(0)), SourceSystem.valueOf(k.get(1)))));
            return states;
        });
    }

    @Override
    public void received(LocalGovernmentCode tenant, SourceSystem source, Instant at) {
        touch("last_received_at", tenant, source, at);
    }

    @Override
    public void heartbeat(LocalGovernmentCode tenant, SourceSystem source, Instant at) {
        touch("last_heartbeat_at", tenant, source, at);
    }

    @Override
    public void applied(LocalGovernmentCode tenant, SourceSystem source, Instant at) {
        touch("last_applied_at", tenant, source, at);
    }

    /** Sets one time column of the stream's row, creating the row when needed ({@code column} is a constant). */
    private void touch(String column, LocalGovernmentCode tenant, SourceSystem source, Instant at) {
        String update = "UPDATE sync_streams SET " + column + " = ? WHERE tenant_code = ? AND source_system = ?";
        try {
            jdbi.useTransaction(h -> {
                int updated = h.createUpdate(update)
                        .bind(0, Arguments.timestamp(at)).bind(1, tenant.value()).bind(2, source.wireName())
                        .execute();
                if (updated == 0) {
                    h.createUpdate("INSERT INTO sync_streams (tenant_code, source_system, " + column + ") VALUES (?, ?, ?)")
                            .bind(0, tenant.value()).bind(1, source.wireName()).bind(2, Arguments.timestamp(at))
                            .execute();
                }
            });
        } catch (StatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // another writer created the row at the same moment (its transaction is gone): set our column on it
            jdbi.useTransaction(h -> h.createUpdate(update)
                    .bind(0, Arguments.timestamp(at)).bind(1, tenant.value()).bind(2, source.wireName())
                    .execute());
        }
    }

    @Override
    public void hold(LocalGovernmentCode tenant, SourceSystem source, long sequence, Path directory) {
        jdbi.useTransaction(h -> {
            release(h, tenant, source, sequence);
            h.createUpdate("INSERT INTO sync_held_batches (tenant_code, source_system, sequence_no, directory) "
                            + "VALUES (?, ?, ?, ?)")
                    .bind(0, tenant.value()).bind(1, source.wireName()).bind(2, sequence).bind(3, directory.toString())
                    .execute();
        });
    }

    @Override
    public void release(LocalGovernmentCode tenant, SourceSystem source, long sequence) {
        jdbi.useTransaction(h -> release(h, tenant, source, sequence));
    }

    private static void release(Handle h, LocalGovernmentCode tenant, SourceSystem source, long sequence) {
        h.createUpdate("DELETE FROM sync_held_batches WHERE tenant_code = ? AND source_system = ? AND sequence_no = ?")
                .bind(0, tenant.value()).bind(1, source.wireName()).bind(2, sequence)
                .execute();
    }

    @Override
    public void quarantine(LocalGovernmentCode tenant, SourceSystem source, StreamState.Quarantine quarantine) {
        jdbi.useTransaction(h -> {
            resolve(h, tenant, source);
            h.createUpdate("INSERT INTO sync_quarantines (tenant_code, source_system, sequence_no, directory, "
                            + "quarantined_at) VALUES (?, ?, ?, ?, ?)")
                    .bind(0, tenant.value()).bind(1, source.wireName()).bind(2, quarantine.sequence())
                    .bind(3, quarantine.directory().toString()).bind(4, Arguments.timestamp(quarantine.at()))
                    .execute();
            int no = 0;
            for (InputProblem p : quarantine.problems()) {
                h.createUpdate("INSERT INTO sync_quarantine_problems (tenant_code, source_system, problem_no, file_name, "
                                + "line_no, column_name, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, tenant.value()).bind(1, source.wireName()).bind(2, no++).bind(3, p.file())
                        .bind(4, p.line()).bind(5, p.column()).bind(6, p.reason())
                        .execute();
            }
        });
    }

    @Override
    public void resolve(LocalGovernmentCode tenant, SourceSystem source) {
        jdbi.useTransaction(h -> resolve(h, tenant, source));
    }

    private static void resolve(Handle h, LocalGovernmentCode tenant, SourceSystem source) {
        for (String table : List.of("sync_quarantine_problems", "sync_quarantines")) {
            h.createUpdate("DELETE FROM " + table + " WHERE tenant_code = ? AND source_system = ?")
                    .bind(0, tenant.value()).bind(1, source.wireName())
                    .execute();
        }
    }
}
