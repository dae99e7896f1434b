package jp.kofu.core.issuance.port.out;

import java.time.Instant;

import jp.kofu.core.issuance.domain.Challenge;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Stores the challenges (チャレンジ) handed to kiosks and makes each usable once per tenant, across all
 * nodes of a cluster: using one is a single atomic state change in the shared store.
 */
public interface ChallengePort {

    /** Records a newly issued challenge. Its nonce must be new for the tenant. */
    void issue(Challenge challenge);

    /**
     * Uses the challenge: exactly one caller ever gets {@link Use#ACCEPTED} for a tenant's nonce.
     *
     * @param nonce the nonce as URL-safe base64 ({@link Challenge#nonceText()})
     * @param at the moment of use; a challenge at or after its expiry is {@link Use#EXPIRED}
     */
    Use use(LocalGovernmentCode tenant, String nonce, Instant at);

    /** Deletes the challenges that expired before the moment; returns how many. */
    int purgeExpiredBefore(Instant before);

    /** What using a challenge gave. */
    enum Use {
        /** Issued, unused and in time: now used. */
        ACCEPTED,
        /** Never issued to this tenant. */
        UNKNOWN,
        /** Issued but expired (and unused). */
        EXPIRED,
        /** Already used. */
        REPLAYED
    }
}
