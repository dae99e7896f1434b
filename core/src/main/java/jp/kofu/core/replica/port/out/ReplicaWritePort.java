package jp.kofu.core.replica.port.out;

import java.util.OptionalLong;

import jp.kofu.core.replica.domain.ReplicaContent;
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
    void replaceAll(LocalGovernmentCode tenant, java.util.List<BatchManifest> manifests, ReplicaContent content);

    /** The last sequence number applied for the tenant and source, empty when none was. */
    OptionalLong lastAppliedSequence(LocalGovernmentCode tenant, SourceSystem source);
}
