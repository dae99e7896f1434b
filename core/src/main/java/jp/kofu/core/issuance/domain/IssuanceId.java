package jp.kofu.core.issuance.domain;

import java.util.UUID;

/** The id of one issuance (交付), unique across tenants and nodes. */
public record IssuanceId(UUID value) {

    public IssuanceId {
        if (value == null) {
            throw new IllegalArgumentException("issuance id is required");
        }
    }

    public static IssuanceId random() {
        return new IssuanceId(UUID.randomUUID());
    }

    /** A new id that sorts by the moment (a version 7 UUID, see {@link TimeOrderedIds}): what the server issues. */
    public static IssuanceId timeOrdered(java.time.Instant at) {
        return new IssuanceId(TimeOrderedIds.uuidV7(at));
    }

    public static IssuanceId parse(String text) {
        return new IssuanceId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
