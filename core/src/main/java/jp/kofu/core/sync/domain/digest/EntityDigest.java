package jp.kofu.core.sync.domain.digest;

import java.util.Objects;

/**
 * The digest of one entity (エンティティ照合値): how many records and the {@link HashSum} of their hashes.
 *
 * @param entity the entity name, e.g. {@code residents}
 * @param records the number of records
 * @param sha256 the sum of the record hashes modulo 2<sup>256</sup>, 64 lower-case hex digits
 */
public record EntityDigest(String entity, long records, String sha256) {

    public EntityDigest {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(sha256, "sha256");
        if (records < 0) {
            throw new IllegalArgumentException("negative record count");
        }
    }

    /** Whether the other digest has the same count and hash. */
    public boolean sameAs(EntityDigest other) {
        return records == other.records && sha256.equals(other.sha256);
    }
}
