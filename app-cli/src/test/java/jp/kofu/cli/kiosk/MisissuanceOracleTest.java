package jp.kofu.cli.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import jp.kofu.adapters.jlis.jpki.TestPki;
import jp.kofu.cli.generate.DeltaGenerator;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.TestPkiWriter;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.KioskPolicy;
import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.ServiceHours;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.server.http.KofuServer;
import jp.kofu.server.wiring.KioskConfig;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;

/**
 * The misissuance oracle under load: 32 kiosks over HTTP with JPKI signing, every kind, random cancellations
 * and unanswered certificates voided by the server's timeout, while delta batches are applied through the
 * sync path every 150 ms — the generator's realistic changes (moves, marriages, deaths, seals, tax
 * corrections …) plus swaps of the names and addresses of cardholder pairs. Every returned PDF is checked
 * against the authenticated cardholder's record at that moment: none may be anyone else's, nor mix two
 * versions.
 *
 * <p>{@value #DEFAULT_ISSUANCES} issuances keep the suite within its time; {@code -Dkofu.oracle.issuances=10000}
 * runs the full acceptance stress (as does {@code kofu bench issue --delta-interval 150ms}, which reports
 * the same count).
 */
class MisissuanceOracleTest {

    static final int DEFAULT_ISSUANCES = 2_000;
    private static final LocalGovernmentCode TENANT = LocalGovernmentCode.parse("402036");

    @TempDir
    Path dir;

    @Test
    void thirty_two_kiosks_while_delta_batches_are_applied_never_get_another_persons_certificate() throws Exception {
        int issuances = Integer.getInteger("kofu.oracle.issuances", DEFAULT_ISSUANCES);
        Clock clock = Clock.systemUTC();
        SyntheticTown town = new SyntheticTownGenerator().generate(TENANT, 1_200, 11, LocalDate.now(ZoneId.of("Asia/Tokyo")));
        Path pki = TestPkiWriter.write(town, dir, 250, clock.instant());
        KioskPolicy policy = new KioskPolicy(Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofSeconds(8),
                Duration.ofHours(1));
        KioskConfig config = new KioskConfig(List.of(pki.resolve("test-ca.pem")), List.of(pki.resolve("test-ca.crl")),
                Duration.ofHours(48), policy, Duration.ofSeconds(1));
        Injector kofu = Kofu.injector(new KofuConfig("jdbc:h2:file:" + dir.resolve("db/kofu"), 0, config), clock);
        kofu.getInstance(TenantSettingsPort.class).save(TenantSettings.defaultsFor(TENANT)
                .withHours(new ServiceHours(LocalTime.MIN, LocalTime.MAX, Set.of())));
        ReplicaWritePort writer = kofu.getInstance(ReplicaWritePort.class);
        writer.replaceAll(TENANT, List.of(manifest(SourceSystem.JUKIKI, clock), manifest(SourceSystem.TAX, clock)),
                town.content());
        ResidentOracle oracle = new ResidentOracle(town.content(), town.taxYear());
        List<IssueLoad.Holder> holders = new ArrayList<>();
        for (TestPkiWriter.CardFile f : TestPkiWriter.cards(pki)) {
            holders.add(new IssueLoad.Holder(TestPki.readPkcs12(Files.readAllBytes(f.file())), new PersonKey(f.person())));
        }
        DeltaChurn churn = new DeltaChurn(kofu.getInstance(ApplyBatchUseCase.class), kofu.getInstance(BatchManifestPort.class),
                TENANT, new DeltaGenerator(town), Files.createDirectories(dir.resolve("deltas")), oracle, clock, 11,
                holders.stream().map(IssueLoad.Holder::person).distinct().toList(), 20);

        try (KofuServer server = kofu.getInstance(KofuServer.class)) {
            int port = server.start();
            KioskClient client = new KioskClient(KioskClient.newHttpClient(), URI.create("http://127.0.0.1:" + port),
                    TENANT.value(), "0000000", "40");
            // stopped by a flag, never by an interrupt: an interrupt inside a write closes H2's file channel
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread churner = new Thread(() -> {
                while (running.get()) {
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        return;
                    }
                    churn.round();
                }
            }, "churn");
            churner.start();
            IssueLoad.Result result;
            try {
                result = new IssueLoad(client, holders, oracle, clock).run(new IssueLoad.Settings(32, Duration.ofMinutes(5),
                        issuances, 0.05, 0.02, List.of(CertificateKind.JUMINHYO, CertificateKind.JUMINHYO,
                                CertificateKind.INKAN, CertificateKind.SHOTOKU)), 7);
            } finally {
                running.set(false);
                churner.join();
            }

            assertThat(result.errors()).as("errors %s", result.errorKinds()).isZero();
            assertThat(result.prepared()).isEqualTo(issuances);
            assertThat(result.cancelled()).isPositive();
            assertThat(result.abandoned()).isPositive();
            assertThat(result.misissued()).as("misissued").isZero();
            assertThat(churn.rounds()).as("delta batches applied during the run").isGreaterThan(5);
            assertThat(writer.lastAppliedSequence(TENANT, SourceSystem.JUKIKI)).hasValue(1L + churn.rounds());
            assertThat(writer.lastAppliedSequence(TENANT, SourceSystem.TAX)).hasValue(1L + churn.rounds());

            // the unanswered ones are voided by the server's own sweeper once the completion timeout passes
            Thread.sleep(policy.completionTimeout().toMillis() + 2_500);
            List<Issuance> history = kofu.getInstance(IssuanceHistoryPort.class).list(TENANT);
            assertThat(history).hasSize((int) result.prepared());
            assertThat(history).noneMatch(i -> i instanceof Issuance.Prepared);
            assertThat(history).filteredOn(i -> i instanceof Issuance.Voided v && v.reason() == Issuance.VoidReason.TIMED_OUT)
                    .hasSize((int) result.abandoned());
            assertThat(history).filteredOn(i -> i instanceof Issuance.Issued).hasSize((int) result.issued());
            assertThat(kofu.getInstance(VerifyHistoryChainUseCase.class).verify(TENANT))
                    .isInstanceOfSatisfying(VerifyHistoryChainUseCase.Intact.class,
                            i -> assertThat(i.entries()).isEqualTo(2 * result.prepared()));
        }
    }

    @Test
    void the_oracle_rejects_a_certificate_of_someone_else() throws Exception {
        Clock clock = Clock.systemUTC();
        SyntheticTown town = new SyntheticTownGenerator().generate(TENANT, 200, 3, LocalDate.now(ZoneId.of("Asia/Tokyo")));
        Path pki = TestPkiWriter.write(town, dir, 20, clock.instant());
        Injector kofu = Kofu.injector(new KofuConfig("jdbc:h2:file:" + dir.resolve("db2/kofu"), 0,
                KioskConfig.defaults().trusting(List.of(pki.resolve("test-ca.pem")), List.of(pki.resolve("test-ca.crl")))), clock);
        kofu.getInstance(TenantSettingsPort.class).save(TenantSettings.defaultsFor(TENANT)
                .withHours(new ServiceHours(LocalTime.MIN, LocalTime.MAX, Set.of())));
        kofu.getInstance(ReplicaWritePort.class).replaceAll(TENANT, List.of(manifest(SourceSystem.JUKIKI, clock),
                manifest(SourceSystem.TAX, clock)), town.content());
        ResidentOracle oracle = new ResidentOracle(town.content(), town.taxYear());
        List<TestPkiWriter.CardFile> cards = TestPkiWriter.cards(pki);
        try (KofuServer server = kofu.getInstance(KofuServer.class)) {
            KioskClient kiosk = new KioskClient(KioskClient.newHttpClient(), URI.create("http://127.0.0.1:" + server.start()),
                    TENANT.value(), "0000001", "40");
            byte[] pdf = null;
            TestPkiWriter.CardFile owner = null;
            for (TestPkiWriter.CardFile c : cards) {
                String session = kiosk.authenticate(TestPki.readPkcs12(Files.readAllBytes(c.file()))).text("session");
                KioskClient.Reply r = kiosk.call("prepare", kiosk.body("session", session, "kind", "juminhyo"));
                if ("prepared".equals(r.result())) {
                    pdf = KioskClient.pdf(r);
                    owner = c;
                    break;
                }
            }
            assertThat(pdf).isNotNull();
            var now = clock.instant();
            assertThat(oracle.isCardholders(new PersonKey(owner.person()), CertificateKind.JUMINHYO, pdf, now, now)).isTrue();
            var household = town.resident(new PersonKey(owner.person())).orElseThrow().household();
            PersonKey other = town.content().residents().stream().filter(r -> !r.household().equals(household))
                    .map(r -> r.key()).findFirst().orElseThrow();
            assertThat(oracle.isCardholders(other, CertificateKind.JUMINHYO, pdf, now, now)).isFalse();

            // once a delta giving the owner another name has been applied, the old certificate is no longer theirs
            var before = town.resident(new PersonKey(owner.person())).orElseThrow();
            // a name from another household that the certificate does not show anywhere
            String shown = ResidentOracle.compact(PdfText.of(pdf));
            var renamed = town.content().residents().stream()
                    .filter(r -> !r.household().equals(before.household()))
                    .filter(r -> !shown.contains(ResidentOracle.compact(r.name().toUnicode())))
                    .findFirst().orElseThrow();
            var changed = new jp.kofu.core.replica.domain.Resident(before.key(), before.household(), renamed.name(),
                    renamed.nameKana(), before.formerSurname(), before.formerSurnameKana(), before.alias(), before.birthDate(),
                    before.sex(), before.relationship(), before.address(), before.addressSupplement(), before.domicile(),
                    before.domicileHead(), before.becameResidentOn(), before.addressSetOn(), before.notifiedOn(),
                    before.addressBeforeMoveIn(), before.addressBeforeChange(), before.entryReason(),
                    before.individualNumber(), before.residentRecordCode(), before.status(), before.foreign(),
                    before.version() + 1);
            oracle.writing(List.of(changed), now.plusSeconds(10));
            oracle.written(List.of(changed), now.plusSeconds(11));
            assertThat(oracle.isCardholders(new PersonKey(owner.person()), CertificateKind.JUMINHYO, pdf, now, now))
                    .as("asked before the delta").isTrue();
            assertThat(oracle.isCardholders(new PersonKey(owner.person()), CertificateKind.JUMINHYO, pdf,
                    now.plusSeconds(10), now.plusSeconds(10))).as("asked while the delta was being applied").isTrue();
            assertThat(oracle.isCardholders(new PersonKey(owner.person()), CertificateKind.JUMINHYO, pdf,
                    now.plusSeconds(12), now.plusSeconds(12))).as("asked after the delta").isFalse();
        }
    }

    private static BatchManifest manifest(SourceSystem source, Clock clock) {
        return new BatchManifest(TENANT, source, 1, BatchKind.FULL, clock.instant(),
                List.of(new BatchFile(source.wireName() + ".csv", source.wireName(), 0, "0".repeat(64))));
    }
}
