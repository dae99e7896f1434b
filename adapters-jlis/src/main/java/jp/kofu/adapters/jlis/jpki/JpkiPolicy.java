package jp.kofu.adapters.jlis.jpki;

/**
 * Object identifiers of JPKI (公的個人認証サービス) certificates that the verifier and the test PKI share.
 */
public final class JpkiPolicy {

    private JpkiPolicy() {
    }

    /** Certificate policy of the user-authentication certificate (利用者証明用電子証明書). */
    public static final String USER_AUTHENTICATION = "1.2.392.200149.8.5.1.3.30";

    /** Certificate policy of the signing certificate (署名用電子証明書), which must never authenticate. */
    public static final String SIGNING = "1.2.392.200149.8.5.1.1.20";

    /** sha256WithRSAEncryption, the only signature algorithm accepted on a card certificate. */
    public static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";

    /** The issuer DN of user-authentication certificates, in certificate (ASN.1) order. */
    public static final String USER_AUTHENTICATION_ISSUER =
            "C=JP,O=JPKI,OU=JPKI for user authentication,OU=Japan Agency for Local Authority Information Systems";

    /** The issuer DN of signing certificates, in certificate (ASN.1) order. */
    public static final String SIGNING_ISSUER =
            "C=JP,O=JPKI,OU=JPKI for digital signature,OU=Japan Agency for Local Authority Information Systems";
}
