package jp.kofu.core.gaiji.port.out;

import java.util.List;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.CorrespondenceTableVersion;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Stores the tenants' correspondence tables (対照表) version by version, with their audit log
 * (操作記録). Versions are never changed or deleted; each tenant's numbers run 1, 2, 3, … without gaps.
 */
public interface CorrespondenceTablePort {

    /** The tenant's latest version, empty when it has none yet. */
    Optional<CorrespondenceTableVersion> latest(LocalGovernmentCode tenant);

    /** One version of the tenant's table. */
    Optional<CorrespondenceTableVersion> find(LocalGovernmentCode tenant, int version);

    /** The tenant's version numbers, ascending. */
    List<Integer> versions(LocalGovernmentCode tenant);

    /**
     * Stores a new version and its audit entries in one transaction.
     *
     * @param tenant the tenant
     * @param version the new version: its number must be the tenant's latest + 1 (1 for the first)
     * @param audit entries recorded with it, each of that version number
     * @throws VersionConflictException when the number is not the next one (e.g. another import took it
     *     first); nothing is stored then
     * @throws IllegalArgumentException when an audit entry names another version
     */
    void append(LocalGovernmentCode tenant, CorrespondenceTableVersion version, List<CorrespondenceAuditEntry> audit);

    /**
     * Records an audit entry about an existing version (e.g. the re-conversion that followed its import).
     *
     * @throws IllegalArgumentException when the tenant has no version of the entry's number
     */
    void recordAudit(LocalGovernmentCode tenant, CorrespondenceAuditEntry entry);

    /** The tenant's audit log, oldest first (in the order recorded). */
    List<CorrespondenceAuditEntry> audit(LocalGovernmentCode tenant);

    /** The table text conversion uses now: the latest version's, or the empty table (version 0). */
    default CorrespondenceTable current(LocalGovernmentCode tenant) {
        return latest(tenant).map(CorrespondenceTableVersion::table).orElse(CorrespondenceTable.empty());
    }

    /** The version to append is not the tenant's next one. */
    class VersionConflictException extends RuntimeException {
        public VersionConflictException(String message) {
            super(message);
        }

        public VersionConflictException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
