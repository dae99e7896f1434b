package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.TestPkiWriter;
import jp.kofu.cli.generate.Trait;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.http.KofuServer;
import jp.kofu.server.wiring.KioskConfig;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;

/**
 * generate → load → a server pinning the generated test CA → {@code kofu kiosk} over a real socket for each
 * kind and each attack sample → {@code kofu audit verify}, untouched and with a middle entry tampered with.
 */
class KioskAndAuditTest {

    private static final String DATE = "2026-11-26";

    @TempDir
    static Path dir;

    private static String db;
    private static KofuServer server;
    private static String url;
    private static SyntheticTown town;
    private static List<TestPkiWriter.CardFile> cards;

    @BeforeAll
    static void townLoadedAndServed() {
        Path out = dir.resolve("town");
        db = "jdbc:h2:file:" + dir.resolve("db/kofu");
        CliRun generated = CliRun.generatedAndLoaded(out, db, "--residents", "300", "--seed", "5", "--reference-date", DATE,
                "--cards", "60");
        assertThat(generated.out()).contains(out.resolve("pki").toString());
        Path pki = out.resolve("pki");
        KioskConfig kiosk = KioskConfig.defaults().trusting(List.of(pki.resolve("test-ca.pem")), List.of(pki.resolve("test-ca.crl")));
        // the server signs with the generated test signing keys, as kofu server --signing pki/signing does
        server = Kofu.injector(new KofuConfig(db, 0, kiosk, jp.kofu.server.wiring.SigningConfig.fromDirectory(
                pki.resolve("signing"), java.util.Map.of())), CliRun.CLOCK).getInstance(KofuServer.class);
        url = "http://127.0.0.1:" + server.start();
        town = new SyntheticTownGenerator().generate(LocalGovernmentCode.parse("402036"), 300, 5, LocalDate.parse(DATE));
        cards = TestPkiWriter.cards(pki);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestPkiWriter.CardFile cardOf(Trait... traits) {
        return cards.stream().filter(c -> {
            PersonKey p = new PersonKey(c.person());
            for (Trait t : traits) {
                if (!town.has(p, t)) {
                    return false;
                }
            }
            return town.has(p, Trait.ORDINARY_ADULT);
        }).findFirst().orElseThrow();
    }

    private static CliRun kiosk(Path card, String kind, String... more) {
        String[] base = {"kiosk", "--server", url, "--tenant", "402036", "--card", card.toString(), "--kind", kind};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.run(all);
    }

    @Test
    void the_test_pki_holds_the_ca_its_crl_the_cards_and_the_samples() {
        Path pki = dir.resolve("town/pki");
        assertThat(pki.resolve("test-ca.pem")).isRegularFile();
        assertThat(pki.resolve("test-ca.crl")).isRegularFile();
        assertThat(cards).hasSize(60);
        for (TestPkiWriter.CardFile c : cards) {
            assertThat(town.cardOf(new PersonKey(c.person()))).hasValueSatisfying(l -> assertThat(l.serial()).isEqualTo(c.serial()));
            assertThat(c.file()).isRegularFile();
        }
        for (String sample : TestPkiWriter.SAMPLES) {
            assertThat(pki.resolve("samples/" + sample + ".p12")).isRegularFile();
        }
    }

    @Test
    void each_kind_is_issued_end_to_end_through_the_kiosk_and_a_retried_prepare_returns_the_same_issuance() throws Exception {
        TestPkiWriter.CardFile card = cardOf(Trait.SEAL_REGISTERED, Trait.TAXED);
        Resident resident = town.resident(new PersonKey(card.person())).orElseThrow();
        String name = resident.name().toUnicode().replaceAll("[\\s\u3000]+", "");
        for (String kind : List.of("juminhyo", "inkan", "shotoku")) {
            Path pdf = dir.resolve("kiosk-" + kind + ".pdf");
            CliRun run = kiosk(card.file(), kind, "--out", pdf.toString(), "--retry-prepare");

            assertThat(run.exitCode()).as(kind + ": " + run.out() + run.err()).isZero();
            assertThat(run.out()).contains("authenticated").contains("retried prepare: same answer")
                    .contains("prepared " + kind).contains("completed: issued");
            assertThat(run.out()).doesNotContain(resident.name().toUnicode());
            assertThat(Pdfs.compactText(pdf)).contains(name);
            // the kiosk's PDF is signed and verifies against its (completed) issuance record
            CliRun verify = CliRun.run("verify", "--db", db, "--signing", dir.resolve("town/pki/signing").toString(),
                    pdf.toString());
            assertThat(verify.exitCode()).as(kind + ": " + verify.out() + verify.err()).isZero();
            assertThat(verify.out()).startsWith("VALID: " + kind).contains("state issued");
        }
    }

    @Test
    void every_attack_sample_is_refused_with_its_own_code() {
        Path samples = dir.resolve("town/pki/samples");
        assertThat(kiosk(samples.resolve("expired.p12"), "juminhyo").out()).contains("refused EXPIRED");
        assertThat(kiosk(samples.resolve("not-yet-valid.p12"), "juminhyo").out()).contains("refused NOT_YET_VALID");
        assertThat(kiosk(samples.resolve("revoked.p12"), "juminhyo").out()).contains("refused REVOKED");
        assertThat(kiosk(samples.resolve("signing.p12"), "juminhyo").out()).contains("refused NOT_AUTHENTICATION_CERTIFICATE");
        assertThat(kiosk(samples.resolve("forged-ca.p12"), "juminhyo").out()).contains("refused UNTRUSTED_ISSUER");
        CliRun unknown = kiosk(samples.resolve("unknown-serial.p12"), "juminhyo");
        assertThat(unknown.out()).contains("refused UNKNOWN_CARDHOLDER");
        assertThat(unknown.exitCode()).isEqualTo(1);
    }

    @Test
    void a_missing_card_file_is_bad_input_and_an_unreachable_server_an_infrastructure_failure() {
        assertThat(kiosk(dir.resolve("nope.p12"), "juminhyo").exitCode()).isEqualTo(3);
        CliRun unreachable = CliRun.run("kiosk", "--server", "http://127.0.0.1:1", "--tenant", "402036", "--card",
                cards.get(0).file().toString(), "--kind", "juminhyo");
        assertThat(unreachable.exitCode()).isEqualTo(4);
    }

    @Test
    void audit_verify_finds_the_chain_intact_then_names_the_tampered_middle_entry() throws Exception {
        TestPkiWriter.CardFile card = cardOf(Trait.SEAL_REGISTERED);
        for (int i = 0; i < 3; i++) {
            assertThat(kiosk(card.file(), "juminhyo", "--out", dir.resolve("audit-" + i + ".pdf").toString()).exitCode()).isZero();
        }
        CliRun intact = CliRun.run("audit", "verify", "--db", db, "--tenant", "402036");
        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("intact");
        long entries = Long.parseLong(intact.out().replaceAll("(?s).*intact: ([0-9,]+) entries.*", "$1").replace(",", ""));
        long middle = entries / 2;

        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE issuance_chain SET fee = fee + 100 WHERE tenant_code = '402036' AND sequence_no = " + middle);
        }

        CliRun broken = CliRun.run("audit", "verify", "--db", db, "--tenant", "402036", "--json");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("\"firstBrokenEntry\" : " + middle).contains("CONTENT_CHANGED");
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE issuance_chain SET fee = fee - 100 WHERE tenant_code = '402036' AND sequence_no = " + middle);
        }
        assertThat(CliRun.run("audit", "verify", "--db", db, "--tenant", "402036").exitCode()).isZero();
    }

    @Test
    void the_generated_cards_are_few_files_for_a_big_town() throws Exception {
        assertThat(Files.list(dir.resolve("town/pki/cards")).count()).isEqualTo(60);
    }
}
