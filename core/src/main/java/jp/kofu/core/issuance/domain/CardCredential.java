package jp.kofu.core.issuance.domain;

/**
 * What a kiosk presents to authenticate a cardholder (利用者証明の提示): the card's user-authentication
 * certificate (DER), the challenge it signed, and the signature (RSA PKCS#1 v1.5 with SHA-256) made by the
 * card's private key over the challenge's bytes.
 *
 * @param certificate the X.509 certificate, DER
 * @param challenge the challenge's nonce bytes
 * @param signature the card's signature over the nonce
 */
public record CardCredential(byte[] certificate, byte[] challenge, byte[] signature) {

    public CardCredential {
        certificate = certificate == null ? new byte[0] : certificate.clone();
        challenge = challenge == null ? new byte[0] : challenge.clone();
        signature = signature == null ? new byte[0] : signature.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardCredential c && java.util.Arrays.equals(certificate, c.certificate)
                && java.util.Arrays.equals(challenge, c.challenge) && java.util.Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(certificate) * 31 + java.util.Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "CardCredential[" + certificate.length + " bytes]";
    }
}
