package jp.kofu.core.replica.domain;

import java.math.BigInteger;
import java.util.Objects;

/**
 * 利用者証明用電子証明書の紐付け (cardholder link): which person holds the JPKI user-authentication certificate
 * with this issuer and serial number. The certificate itself carries no personal data, so this table, fed
 * by the sync, is how a kiosk request finds its resident.
 *
 * @param issuer the certificate issuer's distinguished name (RFC 4514)
 * @param serial the certificate serial number
 * @param person 宛名番号 of the cardholder
 * @param version the source's version of this record
 */
public record CardholderLink(String issuer, BigInteger serial, PersonKey person, long version) {

    public CardholderLink {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer is required");
        }
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(person, "宛名番号");
        if (serial.signum() <= 0) {
            throw new IllegalArgumentException("serial must be positive");
        }
    }
}
