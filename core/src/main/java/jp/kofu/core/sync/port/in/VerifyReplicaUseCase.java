package jp.kofu.core.sync.port.in;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.digest.EntityDigest;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Verifies the replica against a digest batch (照合データによる複製データの照合): per entity of the digest's
 * source, the replica's record count and hash sum are computed from one consistent snapshot with the same
 * canonical hashing the source used, and compared; for an entity that differs, the first differing keys
 * (in key order) say what differs. The replica's applied sequence is compared with the sequence the digest
 * describes. Nothing is changed. Reports carry keys, never personal data.
 */
public interface VerifyReplicaUseCase {

    /** Reports per entity at most this many differing keys. */
    int MAX_KEYS = 10;

    /**
     * Verifies.
     *
     * @throws BatchRejectedException when the digest batch is malformed (file, line, field, reason)
     */
    Report verify(Command command) throws BatchRejectedException;

    /** @param digest the digest batch directory (with {@code manifest.json} of kind digest) */
    record Command(Path digest) {
        public Command {
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * The result.
     *
     * @param tenant the digest's tenant
     * @param source the digest's source
     * @param digestSequence the stream sequence the digest describes ("as of sequence N")
     * @param replicaSequence the replica's applied sequence for the source, empty when none
     * @param entities one result per entity of the source
     * @param digestChecking time spent checking the digest batch's files
     * @param replicaHashing time spent reading and hashing the replica (and naming differing keys)
     */
    record Report(LocalGovernmentCode tenant, SourceSystem source, long digestSequence, OptionalLong replicaSequence,
                  List<EntityResult> entities, Duration digestChecking, Duration replicaHashing) {
        public Report {
            entities = List.copyOf(entities);
            Objects.requireNonNull(digestChecking, "digestChecking");
            Objects.requireNonNull(replicaHashing, "replicaHashing");
        }

        /** Whether the replica is at the digest's sequence. */
        public boolean sequenceMatches() {
            return replicaSequence.isPresent() && replicaSequence.getAsLong() == digestSequence;
        }

        /** Whether every entity matches and the sequences agree. */
        public boolean matches() {
            return sequenceMatches() && entities.stream().allMatch(EntityResult::matches);
        }
    }

    /**
     * One entity.
     *
     * @param digest what the digest says
     * @param replica what the replica holds
     * @param missing keys in the digest, not in the replica
     * @param extra keys in the replica, not in the digest
     * @param different keys in both with different records
     * @param firstDifferences the first differing keys in key order, at most {@link #MAX_KEYS}
     */
    record EntityResult(EntityDigest digest, EntityDigest replica, long missing, long extra, long different,
                        List<Difference> firstDifferences) {
        public EntityResult {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(replica, "replica");
            firstDifferences = List.copyOf(firstDifferences);
        }

        public String entity() {
            return digest.entity();
        }

        public boolean matches() {
            return digest.sameAs(replica);
        }
    }

    /** A differing key and how it differs. */
    record Difference(String key, Kind kind) {
        public Difference {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** How a key differs. */
    enum Kind {
        /** The source has the record, the replica does not. */
        MISSING_IN_REPLICA("missing in replica"),
        /** The replica has a record the source does not. */
        EXTRA_IN_REPLICA("extra in replica"),
        /** Both have the key, with different content. */
        DIFFERENT("different");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** How reports print it. */
        public String text() {
            return text;
        }
    }
}
