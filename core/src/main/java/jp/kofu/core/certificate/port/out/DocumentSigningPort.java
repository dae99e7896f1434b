package jp.kofu.core.certificate.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The electronic signature (電子署名) of certificate PDFs with the tenant's key, and its checking: what makes a
 * kofu certificate provably the city's beyond the kiosk's paper (公印 printed on paper proves little once the
 * PDF leaves the kiosk).
 *
 * <p>A tenant either signs (its key is configured) or does not: {@link #signs}. For a signing tenant every
 * certificate carries a short verification code (検証コード, {@link #verificationCode}) printed at the foot of
 * each page, and its PDF is signed ({@link #sign}) after rendering; the issuance history records the code and
 * the hash of the signed bytes, so a document can be checked ({@link #inspect}) and then matched to its record.
 * A tenant that does not sign issues unsigned PDFs without a code (kofu's behaviour before signing existed).
 *
 * <p>Contract for implementers (a vendor's HSM adapter, the PAdES adapter, the in-memory fake), checked by
 * {@code DocumentSigningPortContract}:
 * <ul>
 *   <li>{@link #verificationCode} is a function of the tenant's key and the certificate number only:
 *       deterministic, different for different numbers, not computable without the key, and of the form
 *       {@link #CODE_FORMAT};</li>
 *   <li>{@link #sign} returns the document with the signature covering every byte but the signature value; it
 *       is thread-safe and fails with {@link SigningException} (never returns unsigned bytes) when the tenant's
 *       key is missing or unusable;</li>
 *   <li>{@link #inspect} accepts only a document whose signature is intact over the whole file, made by a key
 *       that chains to the tenant's trust anchor and was valid at signing time; any changed byte fails.</li>
 * </ul>
 */
public interface DocumentSigningPort {

    /** A verification code: twelve base32 characters (RFC 4648 alphabet) in groups of four, e.g. {@code K7QD-2MXA-P4RE}. */
    Pattern CODE_FORMAT = Pattern.compile("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");

    /** Whether the tenant signs its certificates (a signing key is configured). */
    boolean signs(LocalGovernmentCode tenant);

    /**
     * The verification code (検証コード) of a certificate of a signing tenant.
     *
     * @throws SigningException when the tenant does not sign
     */
    String verificationCode(LocalGovernmentCode tenant, String certificateNumber);

    /**
     * Signs a rendered certificate.
     *
     * @param tenant whose key signs
     * @param pdf the rendered, unsigned PDF
     * @param facts what the signature states besides the bytes
     * @return the signed PDF
     * @throws SigningException when the tenant does not sign or its key cannot sign now (e.g. expired)
     */
    byte[] sign(LocalGovernmentCode tenant, byte[] pdf, SignatureFacts facts);

    /**
     * Checks a document's signature against the trust configured for the tenant it names.
     *
     * @param document the bytes as received
     * @return the signed facts, or why the document is not a valid signed certificate
     */
    Inspection inspect(byte[] document);

    /**
     * What a signature states about the certificate besides its bytes; covered by the signature.
     *
     * @param certificateNumber 証明書番号 ({@code <tenant>-<number>})
     * @param verificationCode 検証コード printed on it
     * @param signedAt the signing time
     */
    record SignatureFacts(String certificateNumber, String verificationCode, Instant signedAt) {
        public SignatureFacts {
            Objects.requireNonNull(certificateNumber, "certificateNumber");
            Objects.requireNonNull(verificationCode, "verificationCode");
            Objects.requireNonNull(signedAt, "signedAt");
        }
    }

    /** The result of {@link #inspect}. */
    sealed interface Inspection permits Signed, Invalid {
    }

    /**
     * An intact signature by a trusted key of the tenant.
     *
     * @param tenant the tenant whose trust anchor the signer chains to
     * @param facts the signed facts
     * @param signer the signer certificate's subject (no personal data: a city's organisation name)
     */
    record Signed(LocalGovernmentCode tenant, SignatureFacts facts, String signer) implements Inspection {
        public Signed {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(signer, "signer");
        }
    }

    /**
     * Not a valid signed certificate.
     *
     * @param problem the kind of failure
     * @param detail a one-line explanation (no personal data)
     */
    record Invalid(Problem problem, String detail) implements Inspection {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
            detail = detail == null ? "" : detail;
        }
    }

    /** Why a document failed inspection. */
    enum Problem {
        /** Not a PDF at all (unreadable input rather than a failed check). */
        NOT_A_PDF,
        /** A PDF without a kofu signature. */
        NOT_SIGNED,
        /** The signed bytes or the signature changed, or bytes were added outside the signature. */
        TAMPERED,
        /** The signer does not chain to the tenant's trust anchor (another key, a forged CA, no anchor). */
        UNTRUSTED_SIGNER,
        /** The signer's (or its CA's) certificate was not valid at the signing time. */
        CERTIFICATE_NOT_VALID
    }

    /** A tenant's key is missing or cannot sign; the certificate must not be handed out unsigned. */
    class SigningException extends RuntimeException {
        public SigningException(String message) {
            super(message);
        }

        public SigningException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No tenant signs: unsigned PDFs, no verification code, and every document inspects as not signed. */
    DocumentSigningPort NONE = new DocumentSigningPort() {
        @Override
        public boolean signs(LocalGovernmentCode tenant) {
            return false;
        }

        @Override
        public String verificationCode(LocalGovernmentCode tenant, String certificateNumber) {
            throw new SigningException("tenant " + tenant + " does not sign");
        }

        @Override
        public byte[] sign(LocalGovernmentCode tenant, byte[] pdf, SignatureFacts facts) {
            throw new SigningException("tenant " + tenant + " does not sign");
        }

        @Override
        public Inspection inspect(byte[] document) {
            return new Invalid(Problem.NOT_SIGNED, "no signing is configured");
        }
    };
}
