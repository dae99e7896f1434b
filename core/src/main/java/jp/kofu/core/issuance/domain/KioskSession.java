package jp.kofu.core.issuance.domain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * An authenticated kiosk session (キオスク認証セッション): the cardholder found for a verified card, bound to
 * the tenant and the store that authenticated. Every later call of the flow names the session, and the
 * applicant of a certificate is always the session's cardholder, never a value sent by the kiosk.
 *
 * @param id random, unguessable session id (URL-safe base64 of 32 bytes)
 * @param tenant 地方公共団体コード
 * @param cardholder 宛名番号 of the cardholder
 * @param cardIssuer the card certificate's issuer DN
 * @param cardSerial the card certificate's serial number
 * @param channel the store and prefecture that authenticated
 * @param startedAt when the card was verified
 * @param expiresAt after this the session serves no menu and no prepare (a completion is still accepted)
 */
public record KioskSession(String id, LocalGovernmentCode tenant, PersonKey cardholder, String cardIssuer,
                           BigInteger cardSerial, IssuanceChannel channel, Instant startedAt, Instant expiresAt) {

    public KioskSession {
        if (id == null || !id.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new IllegalArgumentException("a session id is 16-64 URL-safe base64 characters");
        }
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(cardholder, "cardholder");
        Objects.requireNonNull(cardIssuer, "cardIssuer");
        Objects.requireNonNull(cardSerial, "cardSerial");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the session serves menus and prepares at that moment. */
    public boolean isLiveAt(Instant at) {
        return at.isBefore(expiresAt);
    }

    /** A redacted description: the cardholder's key only. */
    @Override
    public String toString() {
        return "KioskSession[" + tenant + ", " + cardholder + ", store " + channel.storeCode() + "]";
    }
}
