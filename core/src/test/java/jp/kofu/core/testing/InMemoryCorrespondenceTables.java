package jp.kofu.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceTableVersion;
import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** An in-memory, thread-safe store of correspondence tables (対照表) with the same rules as the database's. */
public final class InMemoryCorrespondenceTables implements CorrespondenceTablePort {

    private final Map<LocalGovernmentCode, List<CorrespondenceTableVersion>> versions = new HashMap<>();
    private final Map<LocalGovernmentCode, List<CorrespondenceAuditEntry>> audit = new HashMap<>();

    @Override
    public synchronized Optional<CorrespondenceTableVersion> latest(LocalGovernmentCode tenant) {
        List<CorrespondenceTableVersion> list = versions.getOrDefault(tenant, List.of());
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    @Override
    public synchronized Optional<CorrespondenceTableVersion> find(LocalGovernmentCode tenant, int version) {
        List<CorrespondenceTableVersion> list = versions.getOrDefault(tenant, List.of());
        return version >= 1 && version <= list.size() ? Optional.of(list.get(version - 1)) : Optional.empty();
    }

    @Override
    public synchronized List<Integer> versions(LocalGovernmentCode tenant) {
        return versions.getOrDefault(tenant, List.of()).stream().map(CorrespondenceTableVersion::version).toList();
    }

    @Override
    public synchronized void append(LocalGovernmentCode tenant, CorrespondenceTableVersion version,
                                    List<CorrespondenceAuditEntry> entries) {
        for (CorrespondenceAuditEntry e : entries) {
            if (e.version() != version.version()) {
                throw new IllegalArgumentException("audit entry of version " + e.version() + " with version "
                        + version.version());
            }
        }
        List<CorrespondenceTableVersion> list = versions.computeIfAbsent(tenant, t -> new ArrayList<>());
        if (version.version() != list.size() + 1) {
            throw new VersionConflictException("tenant " + tenant + " is at version " + list.size() + "; "
                    + version.version() + " is not the next one");
        }
        list.add(version);
        audit.computeIfAbsent(tenant, t -> new ArrayList<>()).addAll(entries);
    }

    @Override
    public synchronized void recordAudit(LocalGovernmentCode tenant, CorrespondenceAuditEntry entry) {
        if (find(tenant, entry.version()).isEmpty()) {
            throw new IllegalArgumentException("tenant " + tenant + " has no version " + entry.version());
        }
        audit.computeIfAbsent(tenant, t -> new ArrayList<>()).add(entry);
    }

    @Override
    public synchronized List<CorrespondenceAuditEntry> audit(LocalGovernmentCode tenant) {
        return List.copyOf(audit.getOrDefault(tenant, List.of()));
    }
}
