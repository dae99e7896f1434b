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
 * {@code sync_held_batches}, {@code sync_quarantines} and {@code sync_quarantine_problems} (V4).
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
        Optional<Instant> received = h.createQuery("SELECT last_received_at FROM sync_streams "
                        + "WHERE tenant_code = ? AND source_system = ?")
                .bind(0, code).bind(1, src)
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject("last_received_at") == null ? null
                        : Arguments.instant(rs, "last_received_at")))
                .findOne().flatMap(o -> o);
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
        return new StreamState(tenant, source, received, held, quarantine);
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
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE sync_streams SET last_received_at = ? "
                            + "WHERE tenant_code = ? AND source_system = ?")
                    .bind(0, Arguments.timestamp(at)).bind(1, tenant.value()).bind(2, source.wireName())
                    .execute();
            if (updated == 0) {
                try {
                    h.createUpdate("INSERT INTO sync_streams (tenant_code, source_system, last_received_at) VALUES (?, ?, ?)")
                            .bind(0, tenant.value()).bind(1, source.wireName()).bind(2, Arguments.timestamp(at))
                            .execute();
                } catch (StatementException e) {
                    if (!SqlErrors.isUniqueViolation(e)) {
                        throw e;
                    }
                    // another receiver recorded an arrival at the same moment: either time will do
                }
            }
        });
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
