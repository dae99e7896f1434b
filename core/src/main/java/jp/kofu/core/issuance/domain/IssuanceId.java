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

    public static IssuanceId parse(String text) {
        return new IssuanceId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
