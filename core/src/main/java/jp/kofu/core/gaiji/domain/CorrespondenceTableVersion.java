package jp.kofu.core.gaiji.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a tenant's correspondence table (対照表の版): every import of a reviewed table is a new
 * version holding the complete table (earlier entries included), so any certificate's characters can be
 * traced to the version in force. The tenant is not part of the value: ports store versions per tenant.
 *
 * @param version 1, 2, 3, … per tenant
 * @param createdAt when it was imported
 * @param actor who imported it (staff id or name given to the command; never a resident)
 * @param source where it came from, e.g. the file name
 * @param entries the entries, ordered by vendor code, each code once
 */
public record CorrespondenceTableVersion(int version, Instant createdAt, String actor,
                                         String source, List<CorrespondenceEntry> entries) {

    public CorrespondenceTableVersion {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        actor = actor == null ? "" : actor;
        source = source == null ? "" : source;
        List<CorrespondenceEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(CorrespondenceEntry::vendorCode));
        Set<String> seen = new HashSet<>();
        for (CorrespondenceEntry e : sorted) {
            if (!seen.add(e.vendorCode())) {
                throw new IllegalArgumentException("vendor code " + e.vendorCode() + " appears twice");
            }
        }
        entries = List.copyOf(sorted);
    }

    /** The table the text conversion uses. */
    public CorrespondenceTable table() {
        Map<String, PrintedChar> map = new HashMap<>();
        for (CorrespondenceEntry e : entries) {
            map.put(e.vendorCode(), e.character());
        }
        return new CorrespondenceTable(version, map);
    }

    public Optional<CorrespondenceEntry> entry(String vendorCode) {
        for (CorrespondenceEntry e : entries) {
            if (e.vendorCode().equals(vendorCode)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
