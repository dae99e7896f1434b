package jp.kofu.core.issuance.port.in;

import java.util.List;
import java.util.Objects;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;

/**
 * Prepares a certificate for an authenticated applicant (証明書の作成): looks the applicant up in one
 * consistent replica snapshot, applies the suppression policies, assembles the content, renders the PDF
 * and records the issuance as prepared.
 */
public interface PrepareCertificateUseCase {

    Outcome prepare(Command command);

    /**
     * The same with the tenant's settings its caller has just read for this request (the kiosk interface
     * checks the service hours with them): one read fewer, and one set of settings for the whole request.
     *
     * @param tenant the settings of {@code command.tenant()}
     */
    Outcome prepare(Command command, TenantSettings tenant);

    /**
     * @param tenant 地方公共団体コード
     * @param applicant 宛名番号 of the authenticated applicant (the cardholder)
     * @param request kind and options
     * @param channel store and prefecture
     * @param watermark a word printed across the PDF (テスト in test mode), or empty
     */
    record Command(LocalGovernmentCode tenant, PersonKey applicant, CertificateRequest request,
                   IssuanceChannel channel, String watermark) {
        public Command {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(applicant);
            Objects.requireNonNull(request);
            Objects.requireNonNull(channel);
            watermark = watermark == null ? "" : watermark;
        }
    }

    /** Prepared, or refused with the reasons. */
    sealed interface Outcome permits Ready, Refused {
    }

    /**
     * The certificate is prepared.
     *
     * @param issuance the recorded issuance, state prepared
     * @param content the printed data
     * @param pdf the PDF bytes
     */
    record Ready(Issuance.Prepared issuance, CertificateContent content, byte[] pdf) implements Outcome {
    }

    /**
     * The certificate is not issued at the kiosk.
     *
     * @param reasons every refusal found (the kiosk shows only a neutral message)
     */
    record Refused(List<SuppressionDecision.Refused> reasons) implements Outcome {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }
    }
}
