package jp.kofu.core.issuance.port.in;

import java.time.Instant;
import java.util.Objects;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Checks a certificate PDF presented as issued by kofu (証明書の真正性確認, {@code kofu verify}): its electronic
 * signature (電子署名) over the whole file, the signer's chain to the tenant's trust anchor, and the issuance
 * record of its certificate number in the history, which must hold the same verification code (検証コード) and
 * the SHA-256 of exactly these bytes. Answers without personal data.
 */
public interface VerifyCertificateUseCase {

    /** Verifies the document's bytes. */
    Result verify(byte[] document);

    /** Valid, or why not. */
    sealed interface Result permits Valid, Failed {
    }

    /**
     * A genuine certificate as kofu issued it.
     *
     * @param tenant 地方公共団体コード
     * @param certificateNumber 証明書番号
     * @param verificationCode 検証コード
     * @param kind the certificate kind
     * @param issuedAt when it was prepared (signed)
     * @param state the issuance's state: prepared (not yet reported printed, or issued without a kiosk) or issued
     * @param signer the signer certificate's subject
     */
    record Valid(LocalGovernmentCode tenant, String certificateNumber, String verificationCode, CertificateKind kind,
                 Instant issuedAt, String state, String signer) implements Result {
        public Valid {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(certificateNumber);
            Objects.requireNonNull(verificationCode);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(issuedAt);
            Objects.requireNonNull(state);
            Objects.requireNonNull(signer);
        }
    }

    /**
     * Not a genuine certificate, or not one this history knows.
     *
     * @param reason what failed
     * @param detail one line for staff (no personal data)
     */
    record Failed(Reason reason, String detail) implements Result {
        public Failed {
            Objects.requireNonNull(reason);
            detail = detail == null ? "" : detail;
        }
    }

    /** Why verification failed. */
    enum Reason {
        /** The input is not a PDF (bad input rather than a failed check). */
        NOT_A_PDF,
        /** No kofu signature. */
        NOT_SIGNED,
        /** A changed byte, an appended update or a broken signature value. */
        TAMPERED,
        /** Signed by a key that does not chain to the tenant's trust anchor. */
        UNTRUSTED_SIGNER,
        /** The signer certificate was not valid when the document was signed. */
        CERTIFICATE_NOT_VALID,
        /** The history has no issuance with this certificate number. */
        NO_RECORD,
        /** The record's hash or verification code differs from this document's. */
        RECORD_MISMATCH,
        /** The issuance was voided: this PDF was never handed out. */
        VOIDED;

        /** The reason an inspection problem means. */
        public static Reason of(DocumentSigningPort.Problem problem) {
            return switch (problem) {
                case NOT_A_PDF -> NOT_A_PDF;
                case NOT_SIGNED -> NOT_SIGNED;
                case TAMPERED -> TAMPERED;
                case UNTRUSTED_SIGNER -> UNTRUSTED_SIGNER;
                case CERTIFICATE_NOT_VALID -> CERTIFICATE_NOT_VALID;
            };
        }
    }
}
