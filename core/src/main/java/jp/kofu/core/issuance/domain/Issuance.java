package jp.kofu.core.issuance.domain;

import java.time.Instant;
import java.util.Objects;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * One issuance (交付) in its state. A PDF is produced before the resident pays, so an issuance is first
 * {@link Prepared}; the kiosk then reports it {@link Issued} (printed and paid) or it becomes
 * {@link Voided} (failed, cancelled or no answer in time). One type per state: only a prepared issuance
 * can be completed or voided, and those transitions are the only ones that compile.
 */
public sealed interface Issuance permits Issuance.Prepared, Issuance.Issued, Issuance.Voided {

    /** The facts fixed when the certificate was prepared. */
    Facts facts();

    default IssuanceId id() {
        return facts().id();
    }

    /** State name as stored: prepared, issued, voided. */
    String state();

    /**
     * What was prepared for whom.
     *
     * @param id issuance id
     * @param tenant 地方公共団体コード
     * @param applicant 宛名番号 of the authenticated applicant
     * @param request kind and options
     * @param channel store and prefecture
     * @param certificateNumber 証明書番号 printed on the certificate
     * @param pdfSha256 SHA-256 of the PDF handed out
     * @param preparedAt when the PDF was produced
     * @param fee the fee to pay in 円
     * @param test prepared in the tenant's test mode (工程1試験): watermarked テスト, left out of statistics
     * @param verificationCode 検証コード printed on the certificate, or empty when the tenant does not sign
     *        ({@code DocumentSigningPort}); {@code pdfSha256} is then the hash of the signed PDF
     */
    record Facts(IssuanceId id, LocalGovernmentCode tenant, PersonKey applicant, CertificateRequest request,
                 IssuanceChannel channel, String certificateNumber, String pdfSha256, Instant preparedAt, long fee,
                 boolean test, String verificationCode) {
        public Facts {
            verificationCode = verificationCode == null ? "" : verificationCode;
            Objects.requireNonNull(id);
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(applicant);
            Objects.requireNonNull(request);
            Objects.requireNonNull(channel);
            Objects.requireNonNull(certificateNumber);
            Objects.requireNonNull(pdfSha256);
            Objects.requireNonNull(preparedAt);
            if (fee < 0) {
                throw new IllegalArgumentException("negative fee");
            }
        }

        /** The facts of an issuance without a verification code (unsigned). */
        public Facts(IssuanceId id, LocalGovernmentCode tenant, PersonKey applicant, CertificateRequest request,
                     IssuanceChannel channel, String certificateNumber, String pdfSha256, Instant preparedAt, long fee,
                     boolean test) {
            this(id, tenant, applicant, request, channel, certificateNumber, pdfSha256, preparedAt, fee, test, "");
        }

        /** The facts of an issuance outside test mode. */
        public Facts(IssuanceId id, LocalGovernmentCode tenant, PersonKey applicant, CertificateRequest request,
                     IssuanceChannel channel, String certificateNumber, String pdfSha256, Instant preparedAt, long fee) {
            this(id, tenant, applicant, request, channel, certificateNumber, pdfSha256, preparedAt, fee, false);
        }

        public CertificateKind kind() {
            return request.kind();
        }
    }

    /** 作成済: the PDF exists; the resident has not paid yet. */
    record Prepared(Facts facts) implements Issuance {
        public Prepared {
            Objects.requireNonNull(facts);
        }

        /** The kiosk printed it and the fee was paid. */
        public Issued issue(Instant at, long feePaid) {
            if (at.isBefore(facts.preparedAt())) {
                throw new IllegalArgumentException("completion before preparation");
            }
            return new Issued(facts, at, feePaid);
        }

        /** Printing failed, the resident cancelled, or no answer came in time. */
        public Voided voidFor(VoidReason reason, Instant at) {
            return new Voided(facts, at, reason);
        }

        @Override
        public String state() {
            return "prepared";
        }
    }

    /** 交付済: printed and paid. */
    record Issued(Facts facts, Instant completedAt, long feePaid) implements Issuance {
        public Issued {
            Objects.requireNonNull(facts);
            Objects.requireNonNull(completedAt);
        }

        @Override
        public String state() {
            return "issued";
        }
    }

    /** 無効: not handed out. */
    record Voided(Facts facts, Instant voidedAt, VoidReason reason) implements Issuance {
        public Voided {
            Objects.requireNonNull(facts);
            Objects.requireNonNull(voidedAt);
            Objects.requireNonNull(reason);
        }

        @Override
        public String state() {
            return "voided";
        }
    }

    /** Why an issuance was voided. */
    enum VoidReason {
        /** 印刷失敗. */
        PRINT_FAILED,
        /** 利用者取消. */
        CANCELLED,
        /** 応答なし: no completion within the configured time. */
        TIMED_OUT
    }
}
