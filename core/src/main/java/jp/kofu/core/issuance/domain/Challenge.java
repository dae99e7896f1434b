package jp.kofu.core.issuance.domain;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * A challenge (チャレンジ, nonce) the kiosk's card must sign: random, single-use per tenant, and short-lived.
 *
 * @param tenant 地方公共団体コード it was issued for
 * @param nonce its bytes: the server's are a time prefix and 32 random bytes (see {@link TimeOrderedIds})
 * @param issuedAt when it was issued
 * @param expiresAt after this it is refused
 */
public record Challenge(LocalGovernmentCode tenant, byte[] nonce, Instant issuedAt, Instant expiresAt) {

    public Challenge {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (nonce == null || nonce.length < 16 || nonce.length > 64) {
            throw new IllegalArgumentException("a nonce has 16 to 64 bytes");
        }
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    /** The nonce as URL-safe base64 without padding, how it is stored and sent. */
    public String nonceText() {
        return encode(nonce);
    }

    public static String encode(byte[] nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Challenge c && tenant.equals(c.tenant) && java.util.Arrays.equals(nonce, c.nonce)
                && issuedAt.equals(c.issuedAt) && expiresAt.equals(c.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, java.util.Arrays.hashCode(nonce), issuedAt, expiresAt);
    }

    @Override
    public String toString() {
        return "Challenge[" + tenant + ", expires " + expiresAt + "]";
    }
}
