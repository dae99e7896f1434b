package jp.kofu.core.replica.port.out;

import java.util.OptionalLong;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Applies a delta batch (異動データ) to the replica (証明用データベース) — exactly once.
 *
 * <p>One call is one transaction: it compares the stored sequence of the batch's tenant and source with
 * {@code manifest.sequence() - 1}, and only when they match deletes the deleted keys, upserts the records
 * and advances the sequence; otherwise it changes nothing and says what it found. Two appliers racing on
 * the same batch therefore cannot both apply it. Readers ({@link ReplicaReadPort#read}) see the replica
 * entirely before or entirely after the call.
 *
 * <p>Record versions: an upsert whose version is lower than the stored record's version is ignored (the
 * replica already holds newer data); an equal or higher version replaces the stored record. Deletions are
 * applied before upserts, so a key both deleted and upserted in one batch ends up holding the upsert.
 */
public interface ReplicaDeltaPort {

    /**
     * Applies the delta.
     *
     * @param tenant the tenant the manifest belongs to
     * @param manifest the delta batch's manifest (its source and sequence)
     * @param upserts the records inserted or replaced; only entities of the manifest's source
     * @param deletions the keys deleted; only entities of the manifest's source
     */
    DeltaResult applyDelta(LocalGovernmentCode tenant, BatchManifest manifest, ReplicaContent upserts, Deletions deletions);

    /** What {@link #applyDelta} did. */
    sealed interface DeltaResult permits Applied, OutOfSequence {
    }

    /**
     * The delta was applied and the stream advanced to its sequence.
     *
     * @param upserted records inserted or replaced
     * @param ignoredAsOlder upserts ignored because the stored record had a higher version
     * @param deleted stored records removed
     */
    record Applied(long upserted, long ignoredAsOlder, long deleted) implements DeltaResult {
    }

    /**
     * Nothing was applied: the stored sequence is not the one before the batch's.
     *
     * @param stored the stored sequence, empty when the stream never had a batch applied
     */
    record OutOfSequence(OptionalLong stored) implements DeltaResult {
    }
}
