package jp.kofu.core.testing;

import java.math.BigInteger;

import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.PersonKey;

/**
 * Builds a {@link CardholderLink} (利用者証明用電子証明書の紐付け). By default: serial 1001 of the JPKI
 * user-authentication issuer, held by P0001, version 1.
 */
public final class CardholderLinkBuilder {

    /** The JPKI user-authentication issuer DN (RFC 4514, most specific first). */
    public static final String JPKI_ISSUER =
            "OU=Japan Agency for Local Authority Information Systems,OU=JPKI for user authentication,O=JPKI,C=JP";

    private String issuer = JPKI_ISSUER;
    private BigInteger serial = BigInteger.valueOf(1001);
    private String person = "P0001";
    private long version = 1;

    CardholderLinkBuilder() {
    }

    public CardholderLinkBuilder issuedBy(String issuerDn) {
        this.issuer = issuerDn;
        return this;
    }

    public CardholderLinkBuilder withSerial(BigInteger serial) {
        this.serial = serial;
        return this;
    }

    public CardholderLinkBuilder withSerial(long serial) {
        return withSerial(BigInteger.valueOf(serial));
    }

    /** 宛名番号 of the cardholder. */
    public CardholderLinkBuilder heldBy(String personKey) {
        this.person = personKey;
        return this;
    }

    public CardholderLinkBuilder version(long version) {
        this.version = version;
        return this;
    }

    public CardholderLink build() {
        return new CardholderLink(issuer, serial, new PersonKey(person), version);
    }
}
