package jp.kofu.core.issuance.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.port.in.PrepareCertificateUseCase;
import jp.kofu.core.issuance.port.in.VerifyCertificateUseCase;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.testing.InMemoryDocumentSigning;
import jp.kofu.core.testing.InMemoryIssuanceHistory;
import jp.kofu.core.testing.InMemoryReplica;
import jp.kofu.core.testing.InMemoryTenantSettings;
import jp.kofu.core.tenant.domain.TenantSettings;

/** Preparing signed certificates (電子署名, 検証コード) and verifying them against the history, with the fakes. */
class SignedIssuanceTest {

    private static final Instant NOON_JST = Instant.parse("2026-11-26T03:00:00Z");

    private final InMemoryReplica replica = new InMemoryReplica();
    private final InMemoryIssuanceHistory history = new InMemoryIssuanceHistory();
    private final InMemoryDocumentSigning signing = InMemoryDocumentSigning.forTenants(KURUME);

    /** A "PDF" carrying the content's texts, so the printed code can be seen in the bytes. */
    private static final class TextRenderer implements CertificateRendererPort {
        CertificateContent last;

        @Override
        public byte[] render(CertificateContent content, RenderOptions options) {
            last = content;
            StringBuilder sb = new StringBuilder("%PDF-1.7\n").append(content.title());
            content.texts().forEach(t -> sb.append('|').append(t.toUnicode()));
            sb.append("|code=").append(content.attestation().verificationCode()).append("\n%%EOF\n");
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private final TextRenderer renderer = new TextRenderer();

    @BeforeEach
    void aResidentOfKurume() {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1), fullBatch(KURUME, SourceSystem.TAX, 1)),
                replicaContent().with(aHousehold().withId("H1").headedBy("久留米　太郎").build())
                        .with(aResident().withKey("P1").inHousehold("H1").named("久留米　太郎").withRelationship("世帯主").build())
                        .build());
    }

    private PrepareCertificateService service(DocumentSigningPort port) {
        return new PrepareCertificateService(new InMemoryTenantSettings(TenantSettings.kurume()), replica, renderer,
                history, port, Clock.fixed(NOON_JST, ZoneOffset.UTC));
    }

    private PrepareCertificateUseCase.Ready prepare(DocumentSigningPort port) {
        return (PrepareCertificateUseCase.Ready) service(port).prepare(new PrepareCertificateUseCase.Command(KURUME,
                new PersonKey("P1"), CertificateRequest.Juminhyo.wholeHousehold(), new IssuanceChannel("0012345", "13"), ""));
    }

    @Test
    void a_signing_tenant_prints_the_code_signs_the_pdf_and_records_the_signed_hash_and_code() {
        PrepareCertificateUseCase.Ready ready = prepare(signing);

        String number = ready.issuance().facts().certificateNumber();
        String code = signing.verificationCode(KURUME, number);
        assertThat(ready.content().attestation().verificationCode()).isEqualTo(code).matches(DocumentSigningPort.CODE_FORMAT);
        assertThat(renderer.last.attestation().verificationCode()).isEqualTo(code);
        assertThat(new String(ready.pdf(), StandardCharsets.UTF_8)).contains("|code=" + code);
        assertThat(signing.inspect(ready.pdf())).isInstanceOfSatisfying(DocumentSigningPort.Signed.class, s -> {
            assertThat(s.facts().certificateNumber()).isEqualTo(number);
            assertThat(s.facts().verificationCode()).isEqualTo(code);
            assertThat(s.facts().signedAt()).isEqualTo(NOON_JST);
        });
        Issuance.Facts recorded = history.find(KURUME, ready.issuance().id()).orElseThrow().facts();
        assertThat(recorded.verificationCode()).isEqualTo(code);
        assertThat(recorded.pdfSha256()).isEqualTo(PrepareCertificateService.sha256(ready.pdf()));
    }

    @Test
    void a_tenant_without_a_key_issues_unsigned_without_a_code() {
        PrepareCertificateUseCase.Ready ready = prepare(InMemoryDocumentSigning.forTenants());

        assertThat(ready.content().attestation().verificationCode()).isEmpty();
        assertThat(ready.issuance().facts().verificationCode()).isEmpty();
        assertThat(signing.inspect(ready.pdf())).isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.NOT_SIGNED));
    }

    @Test
    void a_key_that_cannot_sign_fails_the_issuance_and_records_nothing() {
        DocumentSigningPort broken = new DocumentSigningPort() {
            @Override
            public boolean signs(jp.kofu.core.tenant.domain.LocalGovernmentCode tenant) {
                return true;
            }

            @Override
            public String verificationCode(jp.kofu.core.tenant.domain.LocalGovernmentCode tenant, String number) {
                return "AAAA-BBBB-CCCC";
            }

            @Override
            public byte[] sign(jp.kofu.core.tenant.domain.LocalGovernmentCode tenant, byte[] pdf, SignatureFacts facts) {
                throw new SigningException("the signing certificate expired");
            }

            @Override
            public Inspection inspect(byte[] document) {
                throw new UnsupportedOperationException();
            }
        };

        assertThatThrownBy(() -> prepare(broken)).isInstanceOf(DocumentSigningPort.SigningException.class);
        assertThat(history.list(KURUME)).isEmpty();
    }

    @Test
    void fresh_output_verifies_with_its_record() {
        PrepareCertificateUseCase.Ready ready = prepare(signing);

        VerifyCertificateUseCase.Result result = new VerifyCertificateService(signing, history).verify(ready.pdf());

        assertThat(result).isEqualTo(new VerifyCertificateUseCase.Valid(KURUME, ready.issuance().facts().certificateNumber(),
                ready.issuance().facts().verificationCode(), CertificateKind.JUMINHYO, NOON_JST, "prepared",
                "CN=fake signer " + KURUME));
    }

    @Test
    void a_changed_byte_an_unknown_record_a_mismatching_record_and_a_voided_issuance_fail() {
        PrepareCertificateUseCase.Ready ready = prepare(signing);
        VerifyCertificateService verify = new VerifyCertificateService(signing, history);

        byte[] changed = ready.pdf().clone();
        changed[12] ^= 1;
        assertThat(reason(verify.verify(changed))).isEqualTo(VerifyCertificateUseCase.Reason.TAMPERED);

        assertThat(reason(new VerifyCertificateService(signing, new InMemoryIssuanceHistory()).verify(ready.pdf())))
                .isEqualTo(VerifyCertificateUseCase.Reason.NO_RECORD);

        // validly signed with the tenant's key (e.g. by someone with access to the key) but not what was recorded
        Issuance.Facts f = ready.issuance().facts();
        byte[] other = signing.sign(KURUME, "%PDF-1.7\nanother content\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                new DocumentSigningPort.SignatureFacts(f.certificateNumber(), f.verificationCode(), NOON_JST));
        assertThat(reason(verify.verify(other))).isEqualTo(VerifyCertificateUseCase.Reason.RECORD_MISMATCH);

        byte[] unsigned = "%PDF-1.7\nunsigned\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(reason(verify.verify(unsigned))).isEqualTo(VerifyCertificateUseCase.Reason.NOT_SIGNED);

        history.recordCompletion(((Issuance.Prepared) ready.issuance()).voidFor(Issuance.VoidReason.PRINT_FAILED, NOON_JST));
        assertThat(reason(verify.verify(ready.pdf()))).isEqualTo(VerifyCertificateUseCase.Reason.VOIDED);
    }

    private static VerifyCertificateUseCase.Reason reason(VerifyCertificateUseCase.Result result) {
        assertThat(result).isInstanceOf(VerifyCertificateUseCase.Failed.class);
        return ((VerifyCertificateUseCase.Failed) result).reason();
    }
}
