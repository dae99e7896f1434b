package jp.kofu.core.gaiji.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.gaiji.port.in.PreviewCertificateUseCase;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.suppression.domain.RefusalReason;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.testing.InMemoryReplica;
import jp.kofu.core.testing.InMemoryTenantSettings;

class PreviewCertificateServiceTest {

    /** 2026-11-27 02:00 in Japan: outside kiosk hours, which a preview is not bound by. */
    private static final Instant NIGHT = Instant.parse("2026-11-26T17:00:00Z");

    private final InMemoryReplica replica = new InMemoryReplica();
    private final WatermarkRenderer renderer = new WatermarkRenderer();
    private final PreviewCertificateService service = new PreviewCertificateService(
            new InMemoryTenantSettings(TenantSettings.kurume()), replica, renderer, Clock.fixed(NIGHT, ZoneOffset.UTC));

    /** "Renders" the watermark, the certificate number and the texts. */
    static final class WatermarkRenderer implements CertificateRendererPort {
        @Override
        public byte[] render(CertificateContent content, RenderOptions options) {
            StringBuilder sb = new StringBuilder(options.watermark()).append('|')
                    .append(content.attestation().certificateNumber());
            content.texts().forEach(t -> sb.append('|').append(t.toUnicode()));
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private void load(String name) {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), replicaContent()
                .with(aResident().withKey("P1").inHousehold("H1").named(name).build())
                .with(aHousehold().withId("H1").headedBy(name).build()).build());
    }

    private static CertificateRequest juminhyo() {
        return new CertificateRequest.Juminhyo(Set.of(), true, false, false, false, 1);
    }

    @Test
    void aPreviewIsTheResidentsCertificateWatermarkedAndNumberedZero() {
        load("葛\uDB40\uDD07西　花子");

        PreviewCertificateUseCase.Outcome outcome = service.preview(new PreviewCertificateUseCase.Command(KURUME,
                new PersonKey("P1"), juminhyo()));

        PreviewCertificateUseCase.Preview preview = (PreviewCertificateUseCase.Preview) outcome;
        String pdf = new String(preview.pdf(), StandardCharsets.UTF_8);
        assertThat(pdf).startsWith("確認用|402036-00000000").contains("葛\uDB40\uDD07西　花子");
        assertThat(preview.content().attestation().certificateNumber()).isEqualTo("402036-00000000");
    }

    @Test
    void aResidentWithAnUnidentifiedCharacterHasNoPreview() {
        load("{VND:U+E012}西　花子");

        PreviewCertificateUseCase.Outcome outcome = service.preview(new PreviewCertificateUseCase.Command(KURUME,
                new PersonKey("P1"), juminhyo()));

        assertThat(((PreviewCertificateUseCase.Refused) outcome).reasons()).extracting(SuppressionDecision.Refused::reason)
                .containsExactly(RefusalReason.UNIDENTIFIED_CHARACTER);
    }
}
