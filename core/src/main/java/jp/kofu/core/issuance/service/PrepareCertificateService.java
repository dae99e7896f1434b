package jp.kofu.core.issuance.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import jakarta.inject.Inject;

import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.certificate.service.ContentAssembler;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.in.PrepareCertificateUseCase;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.suppression.domain.RefusalReason;
import jp.kofu.core.suppression.domain.SuppressionContext;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.suppression.domain.SuppressionPolicies;
import jp.kofu.core.suppression.domain.SuppressionPolicy;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.domain.TestMode;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * Implements {@link PrepareCertificateUseCase}. Every request's data stays in local variables from the
 * snapshot read to the PDF: the service holds no mutable state, so concurrent requests cannot see each
 * other's data, on one node or several.
 *
 * <p>In the tenant's test mode every PDF is watermarked {@value TestMode#WATERMARK} and the issuance is
 * flagged as a test; the {@code test-mode} policy lets only test residents through.
 *
 * <p>Signing (電子署名): for a tenant that signs ({@link DocumentSigningPort#signs}) the verification code
 * (検証コード) is derived from the certificate number before rendering and printed on every page, the rendered
 * PDF is signed, and the history records the code and the SHA-256 of the signed bytes — the bytes handed out.
 * If the key cannot sign, the issuance fails (nothing is recorded); a signing tenant never hands out an
 * unsigned PDF. A tenant without a key issues unsigned PDFs without a code.
 */
public final class PrepareCertificateService implements PrepareCertificateUseCase {

    private final TenantSettingsPort tenants;
    private final ReplicaReadPort replica;
    private final CertificateRendererPort renderer;
    private final IssuanceHistoryPort history;
    private final DocumentSigningPort signing;
    private final Clock clock;
    private final List<SuppressionPolicy> policies;

    /** A service that signs no tenant's certificates (previews, tests of the content rules). */
    public PrepareCertificateService(TenantSettingsPort tenants, ReplicaReadPort replica,
                                     CertificateRendererPort renderer, IssuanceHistoryPort history, Clock clock) {
        this(tenants, replica, renderer, history, DocumentSigningPort.NONE, clock);
    }

    @Inject
    public PrepareCertificateService(TenantSettingsPort tenants, ReplicaReadPort replica,
                                     CertificateRendererPort renderer, IssuanceHistoryPort history,
                                     DocumentSigningPort signing, Clock clock) {
        this.tenants = tenants;
        this.replica = replica;
        this.renderer = renderer;
        this.history = history;
        this.signing = signing;
        this.clock = clock;
        this.policies = SuppressionPolicies.all();
    }

    @Override
    public Outcome prepare(Command command) {
        return prepare(command, tenants.find(command.tenant())
                .orElseThrow(() -> new IllegalArgumentException("unknown tenant " + command.tenant())));
    }

    @Override
    public Outcome prepare(Command command, TenantSettings tenant) {
        if (!tenant.code().equals(command.tenant())) {
            throw new IllegalArgumentException("the settings of " + tenant.code() + " for a request of " + command.tenant());
        }
        Instant at = clock.instant();
        LocalDateTime now = LocalDateTime.ofInstant(at, tenant.zone());
        Draft draft = replica.read(command.tenant(), snapshot -> draft(snapshot, tenant, command, now, policies));
        if (draft.refusals != null) {
            return new Refused(draft.refusals);
        }
        long number = history.nextCertificateNumber(command.tenant());
        String certificateNumber = String.format("%s-%08d", command.tenant(), number);
        boolean signs = signing.signs(command.tenant());
        String code = signs ? signing.verificationCode(command.tenant(), certificateNumber) : "";
        Attestation attestation = new Attestation(certificateNumber, now.toLocalDate(), draft.attestationText,
                tenant.mayorTitle(), tenant.mayorName(), tenant.kioskMarker(), code);
        CertificateContent content = draft.content.apply(attestation);
        // test mode (工程1試験) marks every page whatever the caller asked, so a test copy can never pass as real
        boolean test = tenant.testMode().enabled();
        String watermark = test ? TestMode.WATERMARK : command.watermark();
        byte[] rendered = renderer.render(content, new CertificateRendererPort.RenderOptions(watermark, command.tenant().value()));
        byte[] pdf = signs ? signing.sign(command.tenant(), rendered,
                new DocumentSigningPort.SignatureFacts(certificateNumber, code, at)) : rendered;
        Issuance.Prepared prepared = new Issuance.Prepared(new Issuance.Facts(IssuanceId.timeOrdered(at), command.tenant(),
                command.applicant(), command.request(), command.channel(), certificateNumber, sha256(pdf), at,
                tenant.feeFor(command.request().kind()) * command.request().copies(), test, code));
        history.recordPrepared(prepared);
        return new Ready(prepared, content, pdf);
    }

    /** What the snapshot yields: either the refusals, or the content waiting for its attestation. */
    record Draft(List<SuppressionDecision.Refused> refusals, String attestationText,
                 Function<Attestation, CertificateContent> content) {
        static Draft refused(List<SuppressionDecision.Refused> reasons) {
            return new Draft(reasons, null, null);
        }
    }

    /**
     * Looks the applicant up in the snapshot and applies the policies; shared with the kiosk menu, which asks
     * the same question without rendering.
     */
    static Draft draft(ReplicaReadPort.Snapshot snapshot, TenantSettings tenant, Command command, LocalDateTime now,
                       List<SuppressionPolicy> policies) {
        Optional<Resident> found = snapshot.resident(command.applicant());
        if (found.isEmpty()) {
            return Draft.refused(List.of(new SuppressionDecision.Refused(RefusalReason.UNKNOWN_PERSON,
                    "申請者は複製データにありません", Optional.of(command.applicant()))));
        }
        Resident applicant = found.get();
        CertificateRequest request = command.request();
        List<Resident> people = List.of(applicant);
        List<Resident> householdMembers = List.of();
        Optional<SealRegistration> seal = Optional.empty();
        Optional<TaxRecord> tax = Optional.empty();
        OptionalInt year = OptionalInt.empty();
        List<SuppressionDecision.Refused> refusals = new ArrayList<>();
        if (request instanceof CertificateRequest.Juminhyo j) {
            householdMembers = snapshot.members(applicant.household());
            Set<PersonKey> inHousehold = new LinkedHashSet<>();
            householdMembers.forEach(r -> inHousehold.add(r.key()));
            if (!inHousehold.containsAll(j.members())) {
                refusals.add(new SuppressionDecision.Refused(RefusalReason.NOT_IN_HOUSEHOLD,
                        "請求された者が申請者の世帯にいません"));
            }
            people = ContentAssembler.juminhyoPeople(j, householdMembers);
        } else if (request instanceof CertificateRequest.Inkan) {
            seal = snapshot.seal(applicant.key());
        } else if (request instanceof CertificateRequest.Shotoku s) {
            int fiscalYear = s.fiscalYear().orElse(tenant.latestTaxYear(now.toLocalDate()));
            year = OptionalInt.of(fiscalYear);
            tax = snapshot.tax(applicant.key(), fiscalYear);
        }
        List<SuppressionFlag> flags = snapshot.suppressionFlags(people.stream().map(Resident::key).toList());
        SuppressionContext context = new SuppressionContext(tenant, request, applicant, people, flags, seal, tax, year,
                now, tenant.maintenanceAt(now).isPresent(), command.channel());
        for (SuppressionPolicy policy : policies) {
            if (policy.evaluate(context) instanceof SuppressionDecision.Refused refused) {
                refusals.add(refused);
            }
        }
        if (!refusals.isEmpty()) {
            return Draft.refused(refusals);
        }
        if (request instanceof CertificateRequest.Juminhyo j) {
            PrintedText head = snapshot.household(applicant.household()).map(Household::headName).orElse(PrintedText.EMPTY);
            List<Resident> printed = people;
            String text = j.members().isEmpty() ? ContentAssembler.JUMINHYO_WHOLE_HOUSEHOLD_TEXT : ContentAssembler.JUMINHYO_TEXT;
            return new Draft(null, text, a -> ContentAssembler.juminhyo(tenant, j, applicant, head, printed, a));
        }
        if (request instanceof CertificateRequest.Inkan) {
            SealRegistration registered = seal.orElseThrow();
            return new Draft(null, ContentAssembler.INKAN_TEXT, a -> ContentAssembler.inkan(tenant, applicant, registered, a));
        }
        TaxRecord record = tax.orElseThrow();
        return new Draft(null, ContentAssembler.SHOTOKU_TEXT, a -> ContentAssembler.shotoku(tenant, applicant, record, a));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
