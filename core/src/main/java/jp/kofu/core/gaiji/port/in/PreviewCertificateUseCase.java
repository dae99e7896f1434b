package jp.kofu.core.gaiji.port.in;

import java.util.List;
import java.util.Objects;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * A preview of a resident's actual certificate for checking characters (確認用プレビュー): the same
 * suppression rules, content assembly and renderer as an issuance, watermarked {@value #WATERMARK}, but
 * nothing is recorded — no issuance, no certificate number (it prints {@code <tenant>-00000000}).
 */
public interface PreviewCertificateUseCase {

    /** The watermark every preview carries. */
    String WATERMARK = "確認用";

    Outcome preview(Command command);

    /**
     * @param tenant the tenant
     * @param applicant 宛名番号 of the resident
     * @param request the certificate kind and options
     */
    record Command(LocalGovernmentCode tenant, PersonKey applicant, CertificateRequest request) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(request, "request");
        }
    }

    /** Rendered, or refused with the reasons an issuance would have. */
    sealed interface Outcome permits Preview, Refused {
    }

    /**
     * The preview.
     *
     * @param content what it prints
     * @param pdf the PDF, watermarked
     */
    record Preview(CertificateContent content, byte[] pdf) implements Outcome {
    }

    /** The certificate would be refused (e.g. 未同定外字 still there). */
    record Refused(List<SuppressionDecision.Refused> reasons) implements Outcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }
}
