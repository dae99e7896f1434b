package jp.kofu.core.issuance.domain;

/**
 * Why a kiosk's card authentication (利用者証明) is refused. Each check of the JPKI verification and of the
 * challenge has its own code, so that the J-LIS centre and staff can tell an expired card from an attack.
 * The codes go back to the kiosk; they carry no personal data.
 */
public enum CardRefusal {
    /** 形式不正: the certificate or signature cannot be parsed. */
    MALFORMED("形式不正"),
    /** 利用者証明用でない: not a user-authentication certificate (e.g. the signing certificate, 署名用). */
    NOT_AUTHENTICATION_CERTIFICATE("利用者証明用電子証明書ではない"),
    /** 鍵用途不正: the key usage does not allow signing a challenge, or the key is not RSA-2048. */
    WRONG_KEY("鍵用途・鍵長不正"),
    /** 信頼できない発行者: the chain does not end in a pinned trust anchor (a forged CA that copies the DN). */
    UNTRUSTED_ISSUER("信頼できない発行者"),
    /** 証明書署名不正: the certificate's signature does not verify with the pinned anchor's key. */
    BAD_CERTIFICATE_SIGNATURE("証明書署名不正"),
    /** 有効期間開始前. */
    NOT_YET_VALID("有効期間開始前"),
    /** 有効期間満了. */
    EXPIRED("有効期間満了"),
    /** 失効情報なし・期限切れ: no CRL of the issuer, or it is older than allowed (fail closed). */
    REVOCATION_UNAVAILABLE("失効情報の期限切れ"),
    /** 失効: the certificate is on the issuer's CRL. */
    REVOKED("失効"),
    /** チャレンジ署名不正: the signature over the challenge does not verify with the certificate's key. */
    BAD_CHALLENGE_SIGNATURE("チャレンジ署名不正"),
    /** チャレンジ不明: the challenge was never issued to this tenant. */
    UNKNOWN_CHALLENGE("チャレンジ不明"),
    /** チャレンジ期限切れ. */
    CHALLENGE_EXPIRED("チャレンジ期限切れ"),
    /** チャレンジ再使用: the challenge was already used (replay). */
    CHALLENGE_REPLAYED("チャレンジ再使用"),
    /** 利用者不明: no resident holds a card with this issuer and serial (not in the cardholder table). */
    UNKNOWN_CARDHOLDER("利用者不明");

    private final String japanese;

    CardRefusal(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
