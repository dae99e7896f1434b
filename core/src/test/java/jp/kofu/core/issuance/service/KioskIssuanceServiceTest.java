package jp.kofu.core.issuance.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aCardholder;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSuppressionFlag;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.issuance.domain.CardCredential;
import jp.kofu.core.issuance.domain.CardRefusal;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.KioskPolicy;
import jp.kofu.core.issuance.port.in.KioskIssuanceUseCase;
import jp.kofu.core.issuance.port.in.KioskIssuanceUseCase.KioskResult;
import jp.kofu.core.issuance.port.out.CardAuthenticationPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.suppression.domain.RefusalReason;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.testing.CardholderLinkBuilder;
import jp.kofu.core.testing.InMemoryChallenges;
import jp.kofu.core.testing.InMemoryIssuanceHistory;
import jp.kofu.core.testing.InMemoryKioskSessions;
import jp.kofu.core.testing.InMemoryPreparedDocuments;
import jp.kofu.core.testing.InMemoryReplica;
import jp.kofu.core.testing.InMemoryTenantSettings;
import jp.kofu.core.tenant.domain.CalendarException;
import jp.kofu.core.tenant.domain.MaintenanceWindow;
import jp.kofu.core.tenant.domain.ServiceAvailability;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.domain.TestMode;
import jp.kofu.core.testing.MutableClock;

class KioskIssuanceServiceTest {

    /** 2026-11-26 12:00 in Japan. */
    private static final Instant NOON_JST = Instant.parse("2026-11-26T03:00:00Z");
    private static final IssuanceChannel STORE = new IssuanceChannel("0012345", "13");
    private static final IssuanceChannel OTHER_STORE = new IssuanceChannel("0099999", "13");

    /**
     * Cards of the fake: the certificate bytes are "serial N" and a valid signature is "signed:" + the
     * challenge; "reject CODE" certificates are refused with that code.
     */
    static final class FakeCards implements CardAuthenticationPort {
        @Override
        public Verification verify(CardCredential credential, Instant at) {
            String cert = new String(credential.certificate(), StandardCharsets.UTF_8);
            if (cert.startsWith("reject ")) {
                return new Rejected(CardRefusal.valueOf(cert.substring(7)), null);
            }
            if (!new String(credential.signature(), StandardCharsets.ISO_8859_1)
                    .equals("signed:" + new String(credential.challenge(), StandardCharsets.ISO_8859_1))) {
                return new Rejected(CardRefusal.BAD_CHALLENGE_SIGNATURE, null);
            }
            return new Verified(List.of("C=JP,O=JPKI", CardholderLinkBuilder.JPKI_ISSUER),
                    new BigInteger(cert.substring("serial ".length())));
        }
    }

    private final InMemoryReplica replica = new InMemoryReplica();
    private final InMemoryIssuanceHistory history = new InMemoryIssuanceHistory();
    private final InMemoryChallenges challenges = new InMemoryChallenges();
    private final InMemoryKioskSessions sessions = new InMemoryKioskSessions();
    private final InMemoryPreparedDocuments documents = new InMemoryPreparedDocuments();
    private final InMemoryTenantSettings tenants = new InMemoryTenantSettings(TenantSettings.kurume());
    private final MutableClock clock = new MutableClock(NOON_JST);
    private KioskIssuanceService kiosk;

    @BeforeEach
    void setUp() {
        PrepareCertificateService preparer = new PrepareCertificateService(tenants, replica,
                new PrepareCertificateServiceTest.RecordingRenderer(), history, clock);
        kiosk = new KioskIssuanceService(tenants, replica, new FakeCards(), challenges, sessions, documents, history,
                preparer, new CompleteIssuanceService(history, clock), KioskPolicy.defaults(), clock);
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), replicaContent()
                .with(aHousehold().withId("H1").headedBy("久留米　太郎").build(), aHousehold().withId("H2").build())
                .with(aResident().withKey("P1").inHousehold("H1").named("久留米　太郎").withRelationship("世帯主").build(),
                        aResident().withKey("P2").inHousehold("H1").named("久留米　花子").female().withRelationship("妻").build(),
                        aResident().withKey("P3").inHousehold("H2").named("筑後　三郎").build())
                .with(aSuppressionFlag().on("P3").supportMeasure().from(LocalDate.of(2026, 1, 1)).build())
                .with(aCardholder().withSerial(101).heldBy("P1").build(), aCardholder().withSerial(303).heldBy("P3").build())
                .build());
    }

    private KioskIssuanceUseCase.ChallengeIssued challenge() {
        return (KioskIssuanceUseCase.ChallengeIssued) kiosk.challenge(new KioskIssuanceUseCase.ChallengeCommand(KURUME, STORE));
    }

    private KioskIssuanceUseCase.AuthenticationOutcome present(String certificate, boolean signCorrectly) {
        KioskIssuanceUseCase.ChallengeIssued c = challenge();
        byte[] nonce = c.challenge().nonce();
        String signature = (signCorrectly ? "signed:" : "forged:") + new String(nonce, StandardCharsets.ISO_8859_1);
        return kiosk.authenticate(new KioskIssuanceUseCase.AuthenticateCommand(KURUME, STORE, c.challenge().nonceText(),
                new CardCredential(certificate.getBytes(StandardCharsets.UTF_8), nonce,
                        signature.getBytes(StandardCharsets.ISO_8859_1))));
    }

    private String sessionOf(long serial) {
        return ((KioskIssuanceUseCase.Authenticated) present("serial " + serial, true)).session().id();
    }

    @Test
    void a_valid_card_opens_a_session_for_its_holder_found_by_issuer_and_serial() {
        var outcome = present("serial 101", true);

        assertThat(outcome).isInstanceOfSatisfying(KioskIssuanceUseCase.Authenticated.class, a -> {
            assertThat(a.session().cardholder()).isEqualTo(new PersonKey("P1"));
            assertThat(a.session().channel()).isEqualTo(STORE);
            assertThat(a.session().expiresAt()).isEqualTo(NOON_JST.plus(Duration.ofMinutes(15)));
        });
    }

    @Test
    void an_unknown_serial_a_rejected_card_and_a_bad_signature_are_refused_with_their_codes() {
        assertThat(present("serial 999", true)).isEqualTo(new KioskIssuanceUseCase.CardRefused(
                CardRefusal.UNKNOWN_CARDHOLDER, "the card's serial maps to no cardholder of the replica"));
        assertThat(present("reject REVOKED", true)).isInstanceOfSatisfying(KioskIssuanceUseCase.CardRefused.class,
                r -> assertThat(r.reason()).isEqualTo(CardRefusal.REVOKED));
        assertThat(present("serial 101", false)).isInstanceOfSatisfying(KioskIssuanceUseCase.CardRefused.class,
                r -> assertThat(r.reason()).isEqualTo(CardRefusal.BAD_CHALLENGE_SIGNATURE));
    }

    @Test
    void a_challenge_answers_once_and_expires() {
        KioskIssuanceUseCase.ChallengeIssued c = challenge();
        byte[] nonce = c.challenge().nonce();
        CardCredential credential = new CardCredential("serial 101".getBytes(StandardCharsets.UTF_8), nonce,
                ("signed:" + new String(nonce, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
        var command = new KioskIssuanceUseCase.AuthenticateCommand(KURUME, STORE, c.challenge().nonceText(), credential);

        assertThat(kiosk.authenticate(command)).isInstanceOf(KioskIssuanceUseCase.Authenticated.class);
        assertThat(kiosk.authenticate(command)).isInstanceOfSatisfying(KioskIssuanceUseCase.CardRefused.class,
                r -> assertThat(r.reason()).isEqualTo(CardRefusal.CHALLENGE_REPLAYED));

        KioskIssuanceUseCase.ChallengeIssued late = challenge();
        clock.advance(Duration.ofSeconds(61));
        byte[] lateNonce = late.challenge().nonce();
        assertThat(kiosk.authenticate(new KioskIssuanceUseCase.AuthenticateCommand(KURUME, STORE,
                late.challenge().nonceText(), new CardCredential("serial 101".getBytes(StandardCharsets.UTF_8), lateNonce,
                ("signed:" + new String(lateNonce, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1)))))
                .isInstanceOfSatisfying(KioskIssuanceUseCase.CardRefused.class,
                        r -> assertThat(r.reason()).isEqualTo(CardRefusal.CHALLENGE_EXPIRED));
    }

    @Test
    void the_menu_offers_each_kind_with_the_household_and_hides_nothing_but_the_reasons() {
        var menu = (KioskIssuanceUseCase.Menu) kiosk.menu(new KioskIssuanceUseCase.SessionQuery(KURUME, STORE, sessionOf(101)));

        assertThat(menu.items()).extracting(KioskIssuanceUseCase.MenuItem::kind)
                .containsExactly(CertificateKind.JUMINHYO, CertificateKind.INKAN, CertificateKind.SHOTOKU);
        var juminhyo = menu.items().get(0);
        assertThat(juminhyo.offered()).isTrue();
        assertThat(juminhyo.members()).extracting(m -> m.key().value()).containsExactly("P1", "P2");
        assertThat(juminhyo.members().get(0).cardholder()).isTrue();
        assertThat(menu.items().get(1).offered()).isFalse();
        assertThat(menu.items().get(1).refusals()).extracting(r -> r.reason()).contains(RefusalReason.NO_SEAL);
        assertThat(menu.items().get(2).fiscalYear()).hasValue(2026);

        var suppressed = (KioskIssuanceUseCase.Menu) kiosk.menu(new KioskIssuanceUseCase.SessionQuery(KURUME, STORE, sessionOf(303)));
        assertThat(suppressed.items()).allSatisfy(i -> assertThat(i.refusals()).extracting(r -> r.reason())
                .contains(RefusalReason.SUPPORT_MEASURE));
    }

    @Test
    void prepare_uses_the_sessions_cardholder_and_complete_records_the_fee_once() {
        String session = sessionOf(101);
        var prepared = (KioskIssuanceUseCase.Prepared) kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE,
                session, CertificateRequest.Juminhyo.wholeHousehold()));

        assertThat(prepared.issuance().facts().applicant()).isEqualTo(new PersonKey("P1"));
        assertThat(prepared.issuance().facts().channel()).isEqualTo(STORE);
        assertThat(documents.find(KURUME, prepared.issuance().id())).isPresent();

        clock.advance(Duration.ofSeconds(95));
        var done = kiosk.complete(new KioskIssuanceUseCase.CompleteCommand(KURUME, STORE, session,
                prepared.issuance().id(), KioskResult.PRINTED, 200));

        assertThat(done).isInstanceOfSatisfying(KioskIssuanceUseCase.Completed.class, c ->
                assertThat(c.issuance()).isEqualTo(prepared.issuance().issue(NOON_JST.plusSeconds(95), 200)));
        assertThat(documents.find(KURUME, prepared.issuance().id())).isEmpty();
        assertThat(kiosk.complete(new KioskIssuanceUseCase.CompleteCommand(KURUME, STORE, session,
                prepared.issuance().id(), KioskResult.CANCELLED, 0)))
                .isInstanceOfSatisfying(KioskIssuanceUseCase.NotCompletable.class, n ->
                        assertThat(n.why()).isEqualTo(KioskIssuanceUseCase.NotCompletable.Why.ALREADY_COMPLETED));
    }

    @Test
    void another_session_or_store_can_neither_use_a_session_nor_complete_its_issuance() {
        String mine = sessionOf(101);
        String someoneElse = sessionOf(303);
        var prepared = (KioskIssuanceUseCase.Prepared) kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE,
                mine, new CertificateRequest.Inkan(1).kind() == CertificateKind.INKAN
                        ? CertificateRequest.Juminhyo.wholeHousehold() : null));

        assertThat(kiosk.menu(new KioskIssuanceUseCase.SessionQuery(KURUME, OTHER_STORE, mine)))
                .isInstanceOf(KioskIssuanceUseCase.SessionInvalid.class);
        assertThat(kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE, "no-such-session-0000",
                CertificateRequest.Juminhyo.wholeHousehold()))).isInstanceOf(KioskIssuanceUseCase.SessionInvalid.class);
        assertThat(kiosk.complete(new KioskIssuanceUseCase.CompleteCommand(KURUME, STORE, someoneElse,
                prepared.issuance().id(), KioskResult.PRINTED, 200)))
                .isInstanceOfSatisfying(KioskIssuanceUseCase.NotCompletable.class, n ->
                        assertThat(n.why()).isEqualTo(KioskIssuanceUseCase.NotCompletable.Why.UNKNOWN));
        assertThat(history.find(KURUME, prepared.issuance().id()).orElseThrow()).isInstanceOf(Issuance.Prepared.class);
    }

    @Test
    void a_member_outside_the_household_is_refused_even_with_a_valid_session() {
        var outcome = kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE, sessionOf(101),
                new CertificateRequest.Juminhyo(Set.of(new PersonKey("P3")), true, false, false, false, 1)));

        assertThat(outcome).isInstanceOfSatisfying(KioskIssuanceUseCase.Refused.class, r ->
                assertThat(r.reasons()).extracting(x -> x.reason()).contains(RefusalReason.NOT_IN_HOUSEHOLD));
    }

    @Test
    void an_expired_session_serves_no_prepare_but_still_takes_its_completion() {
        String session = sessionOf(101);
        var prepared = (KioskIssuanceUseCase.Prepared) kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE,
                session, CertificateRequest.Juminhyo.wholeHousehold()));
        clock.advance(Duration.ofMinutes(16));

        assertThat(kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE, session,
                CertificateRequest.Juminhyo.wholeHousehold()))).isInstanceOf(KioskIssuanceUseCase.SessionInvalid.class);
        assertThat(kiosk.complete(new KioskIssuanceUseCase.CompleteCommand(KURUME, STORE, session,
                prepared.issuance().id(), KioskResult.FAILED, 0))).isInstanceOfSatisfying(KioskIssuanceUseCase.Completed.class,
                c -> assertThat(((Issuance.Voided) c.issuance()).reason()).isEqualTo(Issuance.VoidReason.PRINT_FAILED));
    }

    @Test
    void the_sweep_voids_prepared_issuances_without_an_answer_in_time_and_purges() {
        String session = sessionOf(101);
        var prepared = (KioskIssuanceUseCase.Prepared) kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE,
                session, CertificateRequest.Juminhyo.wholeHousehold()));
        clock.advance(Duration.ofMinutes(9));
        assertThat(kiosk.sweep().voided()).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(kiosk.sweep().voided()).isEqualTo(1);

        Issuance voided = history.find(KURUME, prepared.issuance().id()).orElseThrow();
        assertThat(voided).isInstanceOfSatisfying(Issuance.Voided.class,
                v -> assertThat(v.reason()).isEqualTo(Issuance.VoidReason.TIMED_OUT));
        assertThat(documents.size()).isZero();
        assertThat(kiosk.complete(new KioskIssuanceUseCase.CompleteCommand(KURUME, STORE, session,
                prepared.issuance().id(), KioskResult.PRINTED, 200))).isInstanceOf(KioskIssuanceUseCase.NotCompletable.class);

        clock.advance(Duration.ofHours(2));
        assertThat(kiosk.sweep().purged()).isEqualTo(2);
        assertThat(sessions.find(KURUME, session)).isEmpty();
    }

    @Test
    void outside_hours_and_in_maintenance_every_step_gives_a_distinct_refusal_with_the_notice() {
        String session = sessionOf(101);
        clock.set(LocalDateTime.of(2026, 11, 26, 23, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant());

        assertThat(kiosk.challenge(new KioskIssuanceUseCase.ChallengeCommand(KURUME, STORE)))
                .isEqualTo(new KioskIssuanceUseCase.Unavailable(new ServiceAvailability.OutOfHours("")));
        assertThat(kiosk.menu(new KioskIssuanceUseCase.SessionQuery(KURUME, STORE, session)))
                .isInstanceOf(KioskIssuanceUseCase.Unavailable.class);

        MaintenanceWindow window = new MaintenanceWindow(LocalDateTime.of(2026, 11, 27, 12, 0),
                LocalDateTime.of(2026, 11, 27, 13, 0), "保守のため休止します");
        tenants.save(TenantSettings.kurume().withCalendar(
                List.of(CalendarException.closed(LocalDate.of(2026, 11, 28), "選挙のため休止")), List.of(window), TestMode.OFF));
        clock.set(LocalDateTime.of(2026, 11, 27, 12, 30).atZone(ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(kiosk.challenge(new KioskIssuanceUseCase.ChallengeCommand(KURUME, STORE)))
                .isEqualTo(new KioskIssuanceUseCase.Unavailable(new ServiceAvailability.InMaintenance(window)));
        clock.set(LocalDateTime.of(2026, 11, 28, 12, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant());
        assertThat(kiosk.challenge(new KioskIssuanceUseCase.ChallengeCommand(KURUME, STORE)))
                .isEqualTo(new KioskIssuanceUseCase.Unavailable(new ServiceAvailability.OutOfHours("選挙のため休止")));
    }

    @Test
    void in_test_mode_only_test_residents_are_issued_watermarked_and_flagged() {
        tenants.save(TenantSettings.kurume().withCalendar(List.of(), List.of(),
                TestMode.forResidents(Set.of(new PersonKey("P1"), new PersonKey("P2")))));
        String session = sessionOf(101);

        var prepared = (KioskIssuanceUseCase.Prepared) kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE,
                session, CertificateRequest.Juminhyo.wholeHousehold()));

        assertThat(new String(prepared.pdf(), StandardCharsets.UTF_8)).startsWith("住民票の写し|テスト|");
        assertThat(prepared.issuance().facts().test()).isTrue();

        tenants.save(TenantSettings.kurume().withCalendar(List.of(), List.of(),
                TestMode.forResidents(Set.of(new PersonKey("P1")))));
        assertThat(kiosk.prepare(new KioskIssuanceUseCase.PrepareCommand(KURUME, STORE, session,
                CertificateRequest.Juminhyo.wholeHousehold()))).isInstanceOfSatisfying(KioskIssuanceUseCase.Refused.class,
                r -> assertThat(r.reasons()).extracting(x -> x.reason()).containsExactly(RefusalReason.NOT_A_TEST_RESIDENT));
    }

    @Test
    void an_unknown_tenant_is_answered_as_such() {
        assertThat(kiosk.challenge(new KioskIssuanceUseCase.ChallengeCommand(jp.kofu.core.testing.Fixtures.CHIYODA, STORE)))
                .isInstanceOf(KioskIssuanceUseCase.UnknownTenant.class);
    }
}
