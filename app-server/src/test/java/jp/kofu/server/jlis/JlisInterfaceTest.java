package jp.kofu.server.jlis;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aCardholder;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aSuppressionFlag;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import jp.kofu.adapters.jlis.jpki.JpkiPolicy;
import jp.kofu.adapters.jlis.jpki.Pem;
import jp.kofu.adapters.jlis.jpki.TestPki;
import jp.kofu.core.issuance.domain.KioskPolicy;
import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.core.testing.MutableClock;
import jp.kofu.server.http.KofuServer;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KioskConfig;
import jp.kofu.server.wiring.KofuConfig;

/**
 * The kiosk interface end to end over a real socket: the JPKI attack matrix, the flow, idempotent
 * retries and the void on timeout, against H2, the PDF renderer and a test PKI pinned by configuration.
 */
class JlisInterfaceTest {

    /** 2026-11-26 12:00 in Japan. */
    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final String ISSUER = JpkiPolicy.USER_AUTHENTICATION_ISSUER;

    @TempDir
    static Path dir;

    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static TestPki pki;
    private static KeyPair keys;
    private static Injector kofu;
    private static KofuServer server;
    private static KioskHttp kiosk;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(NOW);
        keys = TestPki.newKeyPair();
        Path anchor = dir.resolve("ca.pem");
        Files.writeString(anchor, Pem.pem(pki.caCertificate()));
        Path crl = dir.resolve("ca.crl");
        Files.writeString(crl, Pem.pem(pki.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(DAY), Set.of(BigInteger.valueOf(203)))));
        KioskConfig kioskConfig = new KioskConfig(List.of(anchor), List.of(crl), Duration.ofHours(48),
                KioskPolicy.defaults(), Duration.ofHours(1));
        kofu = Kofu.injector(new KofuConfig("jdbc:h2:file:" + dir.resolve("db/kofu"), 0, kioskConfig), CLOCK);
        kofu.getInstance(TenantSettingsPort.class).save(TenantSettings.kurume());
        kofu.getInstance(ReplicaWritePort.class).replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)),
                replicaContent()
                        .with(aHousehold().withId("H1").headedBy("久留米　太郎").build(), aHousehold().withId("H3").build())
                        .with(aResident().withKey("P1").inHousehold("H1").named("久留米　太郎").withRelationship("世帯主")
                                        .born(LocalDate.of(1980, 4, 1)).build(),
                                aResident().withKey("P2").inHousehold("H1").named("久留米　花子").female()
                                        .withRelationship("妻").build(),
                                aResident().withKey("P3").inHousehold("H3").named("筑後　三郎").build())
                        .with(aSeal().of("P1").registeredAs("久留米　太郎").build())
                        .with(aSuppressionFlag().on("P3").supportMeasure().from(LocalDate.of(2026, 1, 1)).build())
                        .with(cardholder(101, "P1"), cardholder(201, "P1"), cardholder(202, "P1"), cardholder(203, "P1"),
                                cardholder(204, "P1"), cardholder(205, "P1"), cardholder(303, "P3"))
                        .build());
        server = kofu.getInstance(KofuServer.class);
        port = server.start();
        kiosk = new KioskHttp(port, "402036", "0012345", "40");
    }

    private static jp.kofu.core.replica.domain.CardholderLink cardholder(long serial, String person) {
        return aCardholder().issuedBy(ISSUER).withSerial(serial).heldBy(person).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestPki.Card card(long serial) {
        return pki.issue(BigInteger.valueOf(serial), keys, NOW.minus(DAY.multipliedBy(300)), NOW.plus(DAY.multipliedBy(1500)),
                TestPki.Profile.AUTHENTICATION);
    }

    private static String refusal(KioskHttp.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result()).as(reply.json().toString()).isEqualTo("refused");
        return reply.json().path("code").asText();
    }

    @Test
    void the_jpki_attack_matrix_is_refused_code_by_code_and_a_valid_card_is_accepted() throws Exception {
        assertThat(kiosk.authenticate(card(101)).result()).isEqualTo("authenticated");

        assertThat(refusal(kiosk.authenticate(pki.issue(BigInteger.valueOf(201), keys, NOW.minus(DAY.multipliedBy(2000)),
                NOW.minus(DAY), TestPki.Profile.AUTHENTICATION)))).isEqualTo("EXPIRED");
        assertThat(refusal(kiosk.authenticate(pki.issue(BigInteger.valueOf(202), keys, NOW.plus(DAY),
                NOW.plus(DAY.multipliedBy(2000)), TestPki.Profile.AUTHENTICATION)))).isEqualTo("NOT_YET_VALID");
        assertThat(refusal(kiosk.authenticate(card(203)))).isEqualTo("REVOKED");
        assertThat(refusal(kiosk.authenticate(pki.issue(BigInteger.valueOf(204), keys, NOW.minus(DAY), NOW.plus(DAY),
                TestPki.Profile.SIGNING)))).isEqualTo("NOT_AUTHENTICATION_CERTIFICATE");
        TestPki forger = TestPki.create(NOW);
        assertThat(refusal(kiosk.authenticate(forger.issue(BigInteger.valueOf(205), keys, NOW.minus(DAY), NOW.plus(DAY),
                TestPki.Profile.AUTHENTICATION)))).isEqualTo("UNTRUSTED_ISSUER");
        assertThat(refusal(kiosk.authenticate(card(999)))).isEqualTo("UNKNOWN_CARDHOLDER");

        KioskHttp.Reply challenge = kiosk.call("challenge", kiosk.body());
        String nonce = challenge.json().path("nonce").asText();
        TestPki.Card good = card(101);
        byte[] der = good.certificate().getEncoded();
        der[der.length - 7] ^= 0x33;
        assertThat(refusal(kiosk.call("authenticate", kiosk.body("nonce", nonce,
                "certificate", Base64.getEncoder().encodeToString(der),
                "signature", Base64.getEncoder().encodeToString(good.sign(Base64.getUrlDecoder().decode(nonce)))))))
                .isEqualTo("BAD_CERTIFICATE_SIGNATURE");

        TestPki.Card impostor = new TestPki.Card(good.certificate(), TestPki.newKeyPair().getPrivate());
        assertThat(refusal(kiosk.authenticate(impostor))).isEqualTo("BAD_CHALLENGE_SIGNATURE");

        String used = kiosk.call("challenge", kiosk.body()).json().path("nonce").asText();
        Map<String, Object> answer = kiosk.body("nonce", used,
                "certificate", Base64.getEncoder().encodeToString(good.certificate().getEncoded()),
                "signature", Base64.getEncoder().encodeToString(good.sign(Base64.getUrlDecoder().decode(used))));
        assertThat(kiosk.call("authenticate", answer).result()).isEqualTo("authenticated");
        assertThat(refusal(kiosk.call("authenticate", answer))).isEqualTo("CHALLENGE_REPLAYED");
    }

    @Test
    void a_stale_crl_fails_every_card_closed() throws Exception {
        Path anchor = dir.resolve("stale-ca.pem");
        Files.writeString(anchor, Pem.pem(pki.caCertificate()));
        Path crl = dir.resolve("stale.crl");
        Files.writeString(crl, Pem.pem(pki.crl(NOW.minus(Duration.ofHours(3)), NOW.plus(DAY), Set.of())));
        KioskConfig strict = new KioskConfig(List.of(anchor), List.of(crl), Duration.ofHours(2), KioskPolicy.defaults(),
                Duration.ofHours(1));
        Injector other = Kofu.injector(new KofuConfig("jdbc:h2:file:" + dir.resolve("db2/kofu"), 0, strict), CLOCK);
        other.getInstance(TenantSettingsPort.class).save(TenantSettings.kurume());
        try (KofuServer second = other.getInstance(KofuServer.class)) {
            KioskHttp k = new KioskHttp(second.start(), "402036", "0012345", "40");
            assertThat(refusal(k.authenticate(card(101)))).isEqualTo("REVOCATION_UNAVAILABLE");
        }
    }

    @Test
    void the_whole_flow_gives_the_cardholders_certificate_and_retries_get_the_same_answers() throws Exception {
        String session = kiosk.authenticate(card(101)).json().path("session").asText();

        KioskHttp.Reply menu = kiosk.call("menu", kiosk.body("session", session));
        assertThat(menu.json().path("items").get(0).path("kind").asText()).isEqualTo("juminhyo");
        assertThat(menu.json().path("items").get(0).path("members")).hasSize(2);
        assertThat(menu.json().path("items").get(2).path("available").asBoolean()).isFalse();
        assertThat(menu.json().path("items").get(2).path("message").asText()).isEqualTo(JlisInterface.ASK_AT_COUNTER);
        assertThat(menu.json().toString()).doesNotContain("YEAR_NOT_DETERMINED");

        Map<String, Object> request = kiosk.body("session", session, "kind", "juminhyo", "copies", 2);
        KioskHttp.Reply prepared = kiosk.call("prepare", request, "prepare-key-0001");
        KioskHttp.Reply retried = kiosk.call("prepare", request, "prepare-key-0001");

        assertThat(prepared.result()).isEqualTo("prepared");
        assertThat(prepared.json().path("fee").asLong()).isEqualTo(400);
        assertThat(retried.raw()).isEqualTo(prepared.raw());
        byte[] pdf = Base64.getDecoder().decode(prepared.json().path("pdf").asText());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[\\s\u3000]+", "");
            assertThat(text).contains("久留米太郎").contains("久留米花子").contains("住民票の写し");
        }
        assertThat(kiosk.call("prepare", kiosk.body("session", session, "kind", "inkan"), "prepare-key-0001").status())
                .isEqualTo(422);
        // a key is remembered within its session: under another session the same key is another call
        String later = kiosk.authenticate(card(101)).json().path("session").asText();
        KioskHttp.Reply elsewhere = kiosk.call("prepare", kiosk.body("session", later, "kind", "juminhyo", "copies", 2),
                "prepare-key-0001");
        assertThat(elsewhere.result()).isEqualTo("prepared");
        assertThat(elsewhere.json().path("issuanceId").asText()).isNotEqualTo(prepared.json().path("issuanceId").asText());

        String id = prepared.json().path("issuanceId").asText();
        Map<String, Object> complete = kiosk.body("session", session, "issuanceId", id, "outcome", "printed", "feePaid", 400);
        KioskHttp.Reply issued = kiosk.call("complete", complete, "complete-key-0001");
        assertThat(issued.result()).isEqualTo("issued");
        assertThat(kiosk.call("complete", complete, "complete-key-0001").raw()).isEqualTo(issued.raw());
        assertThat(kiosk.call("complete", complete).json().path("reason").asText()).isEqualTo("already-completed");
        assertThat(kofu.getInstance(VerifyHistoryChainUseCase.class).verify(KURUME))
                .isInstanceOf(VerifyHistoryChainUseCase.Intact.class);
    }

    @Test
    void a_suppressed_cardholder_sees_only_the_counter_message_and_another_session_cannot_complete() throws Exception {
        String suppressed = kiosk.authenticate(card(303)).json().path("session").asText();
        KioskHttp.Reply refused = kiosk.call("prepare", kiosk.body("session", suppressed, "kind", "juminhyo"));
        assertThat(refused.result()).isEqualTo("refused");
        assertThat(refused.json().toString()).doesNotContain("SUPPORT_MEASURE").doesNotContain("支援措置");

        String mine = kiosk.authenticate(card(101)).json().path("session").asText();
        String id = kiosk.call("prepare", kiosk.body("session", mine, "kind", "inkan")).json().path("issuanceId").asText();
        assertThat(kiosk.call("complete", kiosk.body("session", suppressed, "issuanceId", id, "outcome", "printed",
                "feePaid", 200)).json().path("reason").asText()).isEqualTo("unknown");
        assertThat(kiosk.call("menu", kiosk.body("session", "not-a-session-at-all")).status()).isEqualTo(401);
        KioskHttp other = new KioskHttp(port, "402036", "0099999", "40");
        assertThat(other.call("menu", other.body("session", mine)).status()).isEqualTo(401);
    }

    @Test
    void a_suppression_is_logged_with_its_codes_and_never_who_it_was() throws Exception {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        String session = kiosk.authenticate(card(303)).json().path("session").asText();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            kiosk.call("menu", kiosk.body("session", session));
            kiosk.call("prepare", kiosk.body("session", session, "kind", "juminhyo"));
        } finally {
            System.setErr(err);
        }
        List<String> lines = captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("kiosk suppression")).toList();
        assertThat(lines).as("the menu and the prepare each log the suppression for staff").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(l -> assertThat(l).contains("SUPPORT_MEASURE").doesNotContain("P3")
                        .doesNotContain("宛名番号").doesNotContain("筑後"));
    }

    @Test
    void a_prepared_issuance_without_an_answer_is_voided_by_the_sweeper() throws Exception {
        String session = kiosk.authenticate(card(101)).json().path("session").asText();
        String id = kiosk.call("prepare", kiosk.body("session", session, "kind", "juminhyo")).json().path("issuanceId").asText();
        Instant before = CLOCK.instant();
        try {
            CLOCK.set(before.plus(Duration.ofMinutes(11)));
            assertThat(kofu.getInstance(KioskSweeper.class).sweep().voided()).isGreaterThanOrEqualTo(1);

            KioskHttp.Reply late = kiosk.call("complete", kiosk.body("session", session, "issuanceId", id,
                    "outcome", "printed", "feePaid", 200));
            assertThat(late.json().path("reason").asText()).isEqualTo("already-completed");
            assertThat(late.json().path("state").asText()).isEqualTo("voided");
        } finally {
            CLOCK.set(before);
        }
    }

    @Test
    void malformed_calls_get_a_400_naming_the_field_and_a_missing_key_is_refused() throws Exception {
        KioskHttp.Reply noTenant = kiosk.call("challenge", Map.of("store", "0012345", "prefecture", "40"));
        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.json().path("message").asText()).contains("tenant");
        assertThat(kiosk.call("challenge", kiosk.body(), "short").status()).isEqualTo(400);
        assertThat(kiosk.call("prepare", kiosk.body("session", "x".repeat(20), "kind", "koseki")).status()).isEqualTo(400);
        KioskHttp.Reply badNonce = kiosk.call("authenticate", kiosk.body("nonce", "!!not base64!!", "certificate", "AAAA",
                "signature", "AAAA"));
        assertThat(badNonce.status()).isEqualTo(400);
        assertThat(badNonce.json().path("message").asText()).contains("nonce");
    }
}
