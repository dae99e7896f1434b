package jp.kofu.core.issuance.port.out;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jp.kofu.core.issuance.domain.CardCredential;
import jp.kofu.core.issuance.domain.CardRefusal;

/**
 * Verifies a My Number card's user-authentication certificate (利用者証明用電子証明書の検証, JPKI) and its
 * signature over a challenge: chain to a pinned trust anchor, validity, revocation (fail closed), the
 * user-authentication policy, key usage and the signature. The municipality acts as a verifier
 * (利用者証明検証者). Whether the challenge was issued and is unused is not its concern.
 */
public interface CardAuthenticationPort {

    /**
     * Verifies the credential at the moment.
     *
     * @return the card's identity, or the first check that failed
     */
    Verification verify(CardCredential credential, Instant at);

    /** Verified or rejected. */
    sealed interface Verification permits Verified, Rejected {
    }

    /**
     * The card is genuine, valid, not revoked, and signed the challenge.
     *
     * @param issuerNames the certificate issuer's DN in the forms a cardholder table may hold it (first the
     *     form in certificate order, e.g. {@code C=JP,O=JPKI,...}; then RFC 4514's reversed form)
     * @param serial the certificate serial number
     */
    record Verified(List<String> issuerNames, BigInteger serial) implements Verification {
        public Verified {
            issuerNames = List.copyOf(issuerNames);
            if (issuerNames.isEmpty()) {
                throw new IllegalArgumentException("an issuer name is required");
            }
            Objects.requireNonNull(serial, "serial");
        }

        /** The issuer DN in certificate order. */
        public String issuer() {
            return issuerNames.get(0);
        }
    }

    /**
     * The card is refused.
     *
     * @param reason the code of the failed check
     * @param detail for staff and logs (no personal data: the certificate holds none)
     */
    record Rejected(CardRefusal reason, String detail) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? reason.japanese() : detail;
        }
    }
}
