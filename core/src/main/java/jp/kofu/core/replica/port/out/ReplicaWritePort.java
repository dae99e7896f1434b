package jp.kofu.core.replica.port.out;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Writes the replica. Every write is one transaction that also records the batch's sequence number for
 * its tenant and source, so that data and sequence can never disagree (exactly-once apply).
 */
public interface ReplicaWritePort {

    /**
     * Replaces everything the given full batches' sources hold for the tenant with the content, and sets
     * each source's applied sequence to its batch's sequence — all in one transaction: on any failure
     * nothing changes.
     *
     * @param tenant the tenant all manifests belong to
     * @param manifests the full batches being loaded, at most one per source
     * @param content the records of those batches
     */
    void replaceAll(LocalGovernmentCode tenant, List<BatchManifest> manifests, ReplicaContent content);

    /** The last sequence number applied for the tenant and source, empty when none was. */
    OptionalLong lastAppliedSequence(LocalGovernmentCode tenant, SourceSystem source);

    /**
     * The checks every implementation makes before {@link #replaceAll} writes anything: manifests of this
     * tenant, full batches only, at most one per source, and content only of the sources given.
     *
     * @return the sources being replaced
     * @throws IllegalArgumentException naming the first violation
     */
    static Set<SourceSystem> checkFullLoad(LocalGovernmentCode tenant, List<BatchManifest> manifests,
                                           ReplicaContent content) {
        if (manifests.isEmpty()) {
            throw new IllegalArgumentException("replaceAll needs at least one manifest");
        }
        Set<SourceSystem> sources = EnumSet.noneOf(SourceSystem.class);
        for (BatchManifest m : manifests) {
            if (!m.tenant().equals(tenant)) {
                throw new IllegalArgumentException("a manifest of tenant " + m.tenant() + " was given for " + tenant);
            }
            if (m.kind() != BatchKind.FULL) {
                throw new IllegalArgumentException("replaceAll takes full batches, not " + m.kind().wireName());
            }
            if (!sources.add(m.source())) {
                throw new IllegalArgumentException("two manifests of source " + m.source().wireName());
            }
        }
        boolean jukikiContent = !content.residents().isEmpty() || !content.households().isEmpty()
                || !content.seals().isEmpty() || !content.suppressionFlags().isEmpty()
                || !content.cardholders().isEmpty();
        if (jukikiContent && !sources.contains(SourceSystem.JUKIKI)) {
            throw new IllegalArgumentException("content holds resident-record entities but no jukiki manifest was given");
        }
        if (!content.taxRecords().isEmpty() && !sources.contains(SourceSystem.TAX)) {
            throw new IllegalArgumentException("content holds tax records but no tax manifest was given");
        }
        return sources;
    }
}
