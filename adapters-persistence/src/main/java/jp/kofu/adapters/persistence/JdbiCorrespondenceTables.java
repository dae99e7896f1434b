package jp.kofu.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceTableVersion;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The correspondence tables (対照表) in the database: {@link CorrespondenceTablePort} over
 * {@code correspondence_table_versions}, {@code correspondence_entries} and {@code correspondence_audit}.
 *
 * <p>A version and its audit entries are written in one transaction; the version row's primary key (tenant,
 * number) makes the second of two concurrent imports of the same number fail, which is reported as a
 * {@link VersionConflictException}. Characters are stored in the tagged form of {@link PrintedText}.
 */
public final class JdbiCorrespondenceTables implements CorrespondenceTablePort {

    private final Jdbi jdbi;

    public JdbiCorrespondenceTables(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public Optional<CorrespondenceTableVersion> latest(LocalGovernmentCode tenant) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Optional<Integer> number = h.createQuery("SELECT MAX(table_version) FROM correspondence_table_versions "
                            + "WHERE tenant_code = :tenant")
                    .bind("tenant", tenant.value()).mapTo(Integer.class).findOne();
            return number.isEmpty() ? Optional.<CorrespondenceTableVersion>empty() : read(h, tenant, number.get());
        });
    }

    @Override
    public Optional<CorrespondenceTableVersion> find(LocalGovernmentCode tenant, int version) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> read(h, tenant, version));
    }

    private static Optional<CorrespondenceTableVersion> read(Handle h, LocalGovernmentCode tenant, int version) {
        Optional<Header> header = h.createQuery("SELECT created_at, actor, source_name FROM correspondence_table_versions "
                        + "WHERE tenant_code = :tenant AND table_version = :version")
                .bind("tenant", tenant.value()).bind("version", version)
                .map((rs, ctx) -> new Header(rs)).findOne();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<CorrespondenceEntry> entries = h.createQuery("SELECT vendor_code, printed, mj_id, match_kind "
                        + "FROM correspondence_entries WHERE tenant_code = :tenant AND table_version = :version "
                        + "ORDER BY vendor_code")
                .bind("tenant", tenant.value()).bind("version", version)
                .map((rs, ctx) -> entry(rs)).list();
        Header v = header.get();
        return Optional.of(new CorrespondenceTableVersion(version, v.createdAt, v.actor, v.source, entries));
    }

    /** The version row's columns. */
    private static final class Header {
        final java.time.Instant createdAt;
        final String actor;
        final String source;

        Header(ResultSet rs) throws SQLException {
            this.createdAt = Arguments.instant(rs, "created_at");
            this.actor = rs.getString("actor");
            this.source = rs.getString("source_name");
        }
    }

    private static CorrespondenceEntry entry(ResultSet rs) throws SQLException {
        List<PrintedChar> chars = PrintedText.parse(rs.getString("printed")).chars();
        if (chars.size() != 1) {
            throw new IllegalStateException("a stored correspondence entry holds " + chars.size() + " characters");
        }
        String mj = rs.getString("mj_id");
        return new CorrespondenceEntry(rs.getString("vendor_code"), chars.get(0),
                mj == null ? Optional.empty() : Optional.of(MjId.parse(mj.trim())),
                CorrespondenceEntry.Match.fromWireName(rs.getString("match_kind")));
    }

    @Override
    public List<Integer> versions(LocalGovernmentCode tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT table_version FROM correspondence_table_versions "
                        + "WHERE tenant_code = :tenant ORDER BY table_version")
                .bind("tenant", tenant.value()).mapTo(Integer.class).list());
    }

    @Override
    public void append(LocalGovernmentCode tenant, CorrespondenceTableVersion version,
                       List<CorrespondenceAuditEntry> audit) {
        for (CorrespondenceAuditEntry e : audit) {
            if (e.version() != version.version()) {
                throw new IllegalArgumentException("audit entry of version " + e.version() + " with version "
                        + version.version());
            }
        }
        try {
            jdbi.useTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                int latest = h.createQuery("SELECT COALESCE(MAX(table_version), 0) FROM correspondence_table_versions "
                                + "WHERE tenant_code = :tenant")
                        .bind("tenant", tenant.value()).mapTo(Integer.class).one();
                if (version.version() != latest + 1) {
                    throw new VersionConflictException("tenant " + tenant + " is at version " + latest + "; "
                            + version.version() + " is not the next one");
                }
                h.createUpdate("INSERT INTO correspondence_table_versions "
                                + "(tenant_code, table_version, created_at, actor, source_name) "
                                + "VALUES (:tenant, :version, :at, :actor, :source)")
                        .bind("tenant", tenant.value()).bind("version", version.version())
                        .bind("at", Arguments.timestamp(version.createdAt()))
                        .bind("actor", version.actor()).bind("source", version.source())
                        .execute();
                var batch = h.prepareBatch("INSERT INTO correspondence_entries "
                        + "(tenant_code, table_version, vendor_code, printed, mj_id, match_kind) "
                        + "VALUES (:tenant, :version, :code, :printed, :mj, :match)");
                for (CorrespondenceEntry e : version.entries()) {
                    batch.bind("tenant", tenant.value()).bind("version", version.version())
                            .bind("code", e.vendorCode())
                            .bind("printed", PrintedText.of(List.of(e.character())).toTagged())
                            .bind("mj", e.mj().map(MjId::toString).orElse(null))
                            .bind("match", e.match().wireName())
                            .add();
                }
                if (!version.entries().isEmpty()) {
                    batch.execute();
                }
                for (CorrespondenceAuditEntry e : audit) {
                    insertAudit(h, tenant, e);
                }
            });
        } catch (StatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new VersionConflictException("another import took version " + version.version() + " of tenant "
                        + tenant + " first; nothing was stored", e);
            }
            throw e;
        }
    }

    @Override
    public void recordAudit(LocalGovernmentCode tenant, CorrespondenceAuditEntry entry) {
        jdbi.useTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM correspondence_table_versions "
                            + "WHERE tenant_code = :tenant AND table_version = :version")
                    .bind("tenant", tenant.value()).bind("version", entry.version())
                    .mapTo(Integer.class).one() > 0;
            if (!exists) {
                throw new IllegalArgumentException("tenant " + tenant + " has no correspondence table version "
                        + entry.version());
            }
            insertAudit(h, tenant, entry);
        });
    }

    private static void insertAudit(Handle h, LocalGovernmentCode tenant, CorrespondenceAuditEntry e) {
        h.createUpdate("INSERT INTO correspondence_audit "
                        + "(tenant_code, table_version, occurred_at, actor, audit_action, vendor_code, detail) "
                        + "VALUES (:tenant, :version, :at, :actor, :action, :code, :detail)")
                .bind("tenant", tenant.value()).bind("version", e.version())
                .bind("at", Arguments.timestamp(e.at())).bind("actor", e.actor())
                .bind("action", e.action().name()).bind("code", e.vendorCode()).bind("detail", e.detail())
                .execute();
    }

    @Override
    public List<CorrespondenceAuditEntry> audit(LocalGovernmentCode tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT table_version, occurred_at, actor, audit_action, vendor_code, "
                        + "detail FROM correspondence_audit WHERE tenant_code = :tenant ORDER BY entry_no")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> new CorrespondenceAuditEntry(rs.getInt("table_version"),
                        Arguments.instant(rs, "occurred_at"), rs.getString("actor"),
                        CorrespondenceAuditEntry.Action.valueOf(rs.getString("audit_action")),
                        rs.getString("vendor_code"), rs.getString("detail")))
                .list());
    }
}
