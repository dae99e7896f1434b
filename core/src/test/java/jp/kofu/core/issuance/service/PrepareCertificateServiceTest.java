package jp.kofu.core.issuance.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aSuppressionFlag;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.port.in.CompleteIssuanceUseCase;
import jp.kofu.core.issuance.port.in.PrepareCertificateUseCase;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.suppression.domain.RefusalReason;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.testing.InMemoryIssuanceHistory;
import jp.kofu.core.testing.InMemoryReplica;
import jp.kofu.core.testing.InMemoryTenantSettings;
import jp.kofu.core.tenant.domain.TenantSettings;

class PrepareCertificateServiceTest {

    /** 2026-11-26 12:00 in Japan. */
    private static final Instant NOON_JST = Instant.parse("2026-11-26T03:00:00Z");

    private final InMemoryReplica replica = new InMemoryReplica();
    private final InMemoryIssuanceHistory history = new InMemoryIssuanceHistory();
    private final RecordingRenderer renderer = new RecordingRenderer();

    /** Renders the content's unicode summary as "PDF" bytes and remembers what it was asked. */
    static final class RecordingRenderer implements CertificateRendererPort {
        final List<CertificateContent> rendered = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public byte[] render(CertificateContent content, RenderOptions options) {
            rendered.add(content);
            StringBuilder sb = new StringBuilder(content.title()).append('|').append(options.watermark());
            content.texts().forEach(t -> sb.append('|').append(t.toUnicode()));
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private PrepareCertificateService service(Instant now, TenantSettings settings) {
        return new PrepareCertificateService(new InMemoryTenantSettings(settings), replica, renderer, history,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private PrepareCertificateService service() {
        return service(NOON_JST, TenantSettings.kurume());
    }

    private void load(ReplicaContent content) {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1), fullBatch(KURUME, SourceSystem.TAX, 1)), content);
    }

    private void aFamilyOfThreeWithARemovedSon() {
        load(replicaContent()
                .with(aHousehold().withId("H1").headedBy("久留米　太郎").build())
                .with(aResident().withKey("P1").inHousehold("H1").named("久留米　太郎").withRelationship("世帯主")
                                .withIndividualNumber("12345678901").build(),
                        aResident().withKey("P2").inHousehold("H1").named("久留米　花子").female().withRelationship("妻").build(),
                        aResident().withKey("P3").inHousehold("H1").named("久留米　次郎").withRelationship("子").removed().build())
                .with(aSeal().of("P1").registeredAs("久留米　太郎").build())
                .with(aTaxRecord().of("P1").forFiscalYear(2026).build(), aTaxRecord().of("P1").forFiscalYear(2025).build())
                .build());
    }

    private PrepareCertificateUseCase.Command command(String applicant, CertificateRequest request) {
        return new PrepareCertificateUseCase.Command(KURUME, new PersonKey(applicant), request,
                new IssuanceChannel("0012345", "13"), "");
    }

    @Test
    void preparesAJuminhyoOfTheCurrentHouseholdMembersAndRecordsIt() {
        aFamilyOfThreeWithARemovedSon();
        var outcome = service().prepare(command("P1", CertificateRequest.Juminhyo.wholeHousehold()));

        assertThat(outcome).isInstanceOf(PrepareCertificateUseCase.Ready.class);
        var ready = (PrepareCertificateUseCase.Ready) outcome;
        var content = (CertificateContent.Juminhyo) ready.content();
        assertThat(content.members()).extracting(m -> m.name().toUnicode()).containsExactly("久留米　太郎", "久留米　花子");
        assertThat(content.householdHead().toUnicode()).isEqualTo("久留米　太郎");
        assertThat(content.members().get(0).individualNumber()).isEmpty();
        assertThat(content.attestation().certificateNumber()).isEqualTo("402036-00000001");
        assertThat(content.attestation().issuedOn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(content.attestation().issuerTitle()).isEqualTo("久留米市長");

        Issuance.Facts facts = ready.issuance().facts();
        assertThat(facts.applicant()).isEqualTo(new PersonKey("P1"));
        assertThat(facts.fee()).isEqualTo(200);
        assertThat(facts.pdfSha256()).isEqualTo(PrepareCertificateService.sha256(ready.pdf()));
        assertThat(history.find(KURUME, ready.issuance().id())).contains(ready.issuance());
    }

    @Test
    void settingsTheCallerHasReadServeTheWholeRequestAndMustBeTheRequestsTenants() {
        aFamilyOfThreeWithARemovedSon();
        TenantSettings k = TenantSettings.kurume();
        // the settings as the caller read them a moment ago: an acting mayor since
        TenantSettings given = new TenantSettings(k.code(), k.name(), "久留米市長職務代理者", k.mayorName(), k.zone(),
                k.hours(), k.fees(), k.enabledKinds(), k.individualNumberOnJuminhyo(), k.minimumAge(), k.blankMarker(),
                k.kioskMarker(), k.taxYearSwitch(), k.calendarExceptions(), k.maintenanceWindows(), k.testMode(),
                k.printing());

        var ready = (PrepareCertificateUseCase.Ready) service().prepare(
                command("P1", CertificateRequest.Juminhyo.wholeHousehold()), given);
        assertThat(ready.content().attestation().issuerTitle()).isEqualTo(given.mayorTitle());

        assertThatThrownBy(() -> service().prepare(command("P1", CertificateRequest.Juminhyo.wholeHousehold()),
                TenantSettings.defaultsFor(jp.kofu.core.testing.Fixtures.CHIYODA)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("131016");
    }

    @Test
    void printsTheIndividualNumberOnlyWhenAskedAndAllowed() {
        aFamilyOfThreeWithARemovedSon();
        var asked = new CertificateRequest.Juminhyo(Set.of(new PersonKey("P1")), true, false, true, false, 1);
        var ready = (PrepareCertificateUseCase.Ready) service().prepare(command("P1", asked));
        assertThat(((CertificateContent.Juminhyo) ready.content()).members().get(0).individualNumber()).contains("123456789018");

        TenantSettings k = TenantSettings.kurume();
        TenantSettings noNumbers = new TenantSettings(k.code(), k.name(), k.mayorTitle(), k.mayorName(), k.zone(), k.hours(),
                k.fees(), k.enabledKinds(), false, k.minimumAge(), k.blankMarker(), k.kioskMarker(), k.taxYearSwitch());
        var refusedNumber = (PrepareCertificateUseCase.Ready) service(NOON_JST, noNumbers).prepare(command("P1", asked));
        assertThat(((CertificateContent.Juminhyo) refusedNumber.content()).members().get(0).individualNumber()).isEmpty();
    }

    @Test
    void aSupportMeasureRefusesWithoutRenderingOrRecording() {
        aFamilyOfThreeWithARemovedSon();
        ReplicaContent withFlag = replicaContent()
                .with(aHousehold().withId("H1").build())
                .with(aResident().withKey("P1").inHousehold("H1").build())
                .with(aSuppressionFlag().on("P1").supportMeasure().from(LocalDate.of(2026, 1, 1)).build())
                .build();
        load(withFlag);
        var outcome = service().prepare(command("P1", CertificateRequest.Juminhyo.wholeHousehold()));
        assertThat(outcome).isInstanceOfSatisfying(PrepareCertificateUseCase.Refused.class, r ->
                assertThat(r.reasons()).extracting(SuppressionDecision.Refused::reason).containsExactly(RefusalReason.SUPPORT_MEASURE));
        assertThat(renderer.rendered).isEmpty();
        assertThat(history.list(KURUME)).isEmpty();
    }

    @Test
    void anUnknownApplicantOrAMemberOfAnotherHouseholdIsRefused() {
        aFamilyOfThreeWithARemovedSon();
        assertThat(service().prepare(command("NOBODY", new CertificateRequest.Inkan(1))))
                .isInstanceOfSatisfying(PrepareCertificateUseCase.Refused.class, r -> {
                    assertThat(r.reasons().get(0).reason()).isEqualTo(RefusalReason.UNKNOWN_PERSON);
                    assertThat(r.reasons().get(0).staffMessage()).doesNotContain("NOBODY");
                    assertThat(r.reasons().get(0).person()).contains(new PersonKey("NOBODY"));
                });
        var stranger = new CertificateRequest.Juminhyo(Set.of(new PersonKey("X9")), true, false, false, false, 1);
        assertThat(service().prepare(command("P1", stranger)))
                .isInstanceOfSatisfying(PrepareCertificateUseCase.Refused.class, r ->
                        assertThat(r.reasons()).extracting(SuppressionDecision.Refused::reason).contains(RefusalReason.NOT_IN_HOUSEHOLD));
    }

    @Test
    void anInkanPrintsTheRegisteredNameAndSeal() {
        aFamilyOfThreeWithARemovedSon();
        var ready = (PrepareCertificateUseCase.Ready) service().prepare(command("P1", new CertificateRequest.Inkan(2)));
        var inkan = (CertificateContent.Inkan) ready.content();
        assertThat(inkan.name().toUnicode()).isEqualTo("久留米　太郎");
        assertThat(inkan.seal()).isNotNull();
        assertThat(ready.issuance().facts().fee()).isEqualTo(400);
    }

    @Test
    void theLatestTaxYearSwitchesOnTheTenantsDay() {
        aFamilyOfThreeWithARemovedSon();
        var before = (PrepareCertificateUseCase.Ready) service(Instant.parse("2026-06-09T03:00:00Z"), TenantSettings.kurume())
                .prepare(command("P1", CertificateRequest.Shotoku.latest()));
        var after = (PrepareCertificateUseCase.Ready) service(Instant.parse("2026-06-10T03:00:00Z"), TenantSettings.kurume())
                .prepare(command("P1", CertificateRequest.Shotoku.latest()));
        assertThat(((CertificateContent.Shotoku) before.content()).fiscalYear()).isEqualTo(2025);
        assertThat(((CertificateContent.Shotoku) after.content()).fiscalYear()).isEqualTo(2026);
        assertThat(service().prepare(command("P1", new CertificateRequest.Shotoku(OptionalInt.of(2024), 1))))
                .isInstanceOfSatisfying(PrepareCertificateUseCase.Refused.class, r ->
                        assertThat(r.reasons().get(0).reason()).isEqualTo(RefusalReason.YEAR_NOT_DETERMINED));
    }

    @Test
    void theWatermarkReachesTheRenderer() {
        aFamilyOfThreeWithARemovedSon();
        var ready = (PrepareCertificateUseCase.Ready) service().prepare(new PrepareCertificateUseCase.Command(KURUME,
                new PersonKey("P1"), new CertificateRequest.Inkan(1), IssuanceChannel.commandLine(), "テスト"));
        assertThat(new String(ready.pdf(), StandardCharsets.UTF_8)).startsWith("印鑑登録証明書|テスト");
    }

    @Test
    void aPreparedIssuanceCompletesOnceOnly() {
        aFamilyOfThreeWithARemovedSon();
        var ready = (PrepareCertificateUseCase.Ready) service().prepare(command("P1", new CertificateRequest.Inkan(1)));
        var complete = new CompleteIssuanceService(history, Clock.fixed(NOON_JST.plusSeconds(90), ZoneOffset.UTC));
        Optional<Issuance> issued = complete.complete(new CompleteIssuanceUseCase.Command(KURUME, ready.issuance().id(),
                Optional.empty(), 200));
        assertThat(issued).get().isInstanceOf(Issuance.Issued.class);
        assertThat(complete.complete(new CompleteIssuanceUseCase.Command(KURUME, ready.issuance().id(),
                Optional.of(Issuance.VoidReason.CANCELLED), 0))).isEmpty();
        assertThat(history.find(KURUME, ready.issuance().id())).get().isInstanceOf(Issuance.Issued.class);
    }

    @Test
    void concurrentRequestsEachGetTheirOwnApplicantsData() throws Exception {
        var content = replicaContent();
        for (int h = 0; h < 50; h++) {
            content.with(aHousehold().withId("H" + h).headedBy("世帯主" + h).build());
            content.with(aResident().withKey("P" + h).inHousehold("H" + h).named("住民" + h).livingAt("久留米市" + h + "番地").build());
        }
        load(content.build());
        PrepareCertificateService service = service();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int h = i % 50;
                checks.add(pool.submit(() -> {
                    var ready = (PrepareCertificateUseCase.Ready) service.prepare(command("P" + h, CertificateRequest.Juminhyo.wholeHousehold()));
                    var j = (CertificateContent.Juminhyo) ready.content();
                    String pdf = new String(ready.pdf(), StandardCharsets.UTF_8);
                    return j.members().get(0).name().toUnicode().equals("住民" + h)
                            && j.address().toUnicode().equals("久留米市" + h + "番地")
                            && pdf.contains("|住民" + h + "|") && ready.issuance().facts().applicant().value().equals("P" + h);
                }));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(history.list(KURUME)).hasSize(400)
                .extracting(i -> i.facts().certificateNumber()).doesNotHaveDuplicates();
    }
}
