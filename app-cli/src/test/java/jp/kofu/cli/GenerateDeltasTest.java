package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import jp.kofu.adapters.persistence.Database;
import jp.kofu.cli.generate.DeltaGenerator;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** kofu generate --deltas: the deltas apply in order on top of the full batches and reach the generator's state. */
class GenerateDeltasTest {

    private static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");
    private static final LocalDate DAY = LocalDate.parse("2026-11-26");

    @TempDir
    Path dir;

    private CliRun generate(Path out) {
        return CliRun.run("generate", "--tenant", "402036", "--residents", "200", "--seed", "7",
                "--reference-date", DAY.toString(), "--deltas", "5", "--cards", "0", "--out", out.toString());
    }

    @Test
    void theDeltasApplyInOrderAndTheReplicaEndsInTheGeneratorsFinalState() {
        Path out = dir.resolve("town");
        CliRun generated = generate(out);
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        String db = "jdbc:h2:file:" + dir.resolve("db/kofu");
        CliRun load = CliRun.run("load", "--db", db, "--tenant", "402036", out.toString()); // full batches only
        assertThat(load.exitCode()).as(load.err()).isZero();
        for (int sequence = 2; sequence <= 6; sequence++) {
            for (String source : List.of("jukiki", "tax")) {
                CliRun apply = CliRun.run("sync", "apply", "--db", db,
                        out.resolve(String.format("%s-%06d-delta", source, sequence)).toString());
                assertThat(apply.exitCode()).as(source + " " + sequence + ": " + apply.err()).isZero();
            }
        }
        CliRun status = CliRun.run("sync", "status", "--db", db, "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().split("\"lastSequence\" : 6", -1)).hasSize(3);

        SyntheticTown town = new SyntheticTownGenerator().generate(KURUME, 200, 7, DAY);
        DeltaGenerator deltas = new DeltaGenerator(town);
        long changed = 0;
        List<Deletions.CardKey> reissued = new ArrayList<>();
        List<Deletions.FlagKey> withdrawn = new ArrayList<>();
        List<Deletions.TaxKey> corrected = new ArrayList<>();
        Map<Deletions.CardKey, CardholderLink> replacedBy = new java.util.HashMap<>();
        for (int k = 1; k <= 5; k++) {
            DeltaGenerator.Delta d = deltas.next();
            changed += d.jukiki().residents().size() + d.jukiki().seals().size()
                    + d.jukiki().suppressionFlags().size() + d.tax().taxRecords().size();
            // カード再交付: the old serial deleted, a new serial for the same person in the same delta
            assertThat(d.jukikiDeletions().cardholders()).as("delta " + k).hasSize(1);
            for (Deletions.CardKey old : d.jukikiDeletions().cardholders()) {
                PersonKey holder = town.content().cardholders().stream().filter(c -> c.serial().equals(old.serial()))
                        .findFirst().orElseThrow().person();
                CardholderLink renewed = d.jukiki().cardholders().stream()
                        .filter(c -> c.person().equals(holder) && c.serial().compareTo(old.serial()) > 0)
                        .findFirst().orElseThrow();
                replacedBy.put(old, renewed);
            }
            reissued.addAll(d.jukikiDeletions().cardholders());
            withdrawn.addAll(d.jukikiDeletions().suppressionFlags());
            corrected.addAll(d.taxDeletions().taxRecords());
        }
        assertThat(reissued).hasSize(5);
        // a small town may lack a flag or tax record to delete in one delta, never in all of them
        assertThat(withdrawn).as("支援措置 withdrawn by deletion (deltas 1, 3, 5)").isNotEmpty();
        assertThat(corrected).as("tax records corrected away (deltas 2, 4)").isNotEmpty();
        assertThat(changed).as("changes over five deltas").isGreaterThanOrEqualTo(20);
        ReplicaContent expected = deltas.content();
        assertThat(expected.residents()).extracting(r -> r.entryReason().toUnicode())
                .contains("転居", "転入", "出生", "死亡", "婚姻", "転出予定", "転出");
        assertThat(expected.residents()).anyMatch(r -> !r.formerSurname().toUnicode().isEmpty() && r.version() > 1);
        assertThat(expected.seals()).anyMatch(seal -> seal.status() == SealStatus.ABOLISHED && seal.version() > 1)
                .anyMatch(seal -> seal.registeredOn().equals(DAY));
        assertThat(expected.suppressionFlags()).anyMatch(f -> f.until().equals(java.util.Optional.of(DAY)))
                .anyMatch(f -> f.from().equals(DAY));
        assertThat(expected.taxRecords()).anyMatch(t -> t.version() > 1);
        Injector app = new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), CliRun.CLOCK).kofu(db);
        try {
            ReplicaReadPort replica = app.getInstance(ReplicaReadPort.class);
            replica.read(KURUME, s -> {
                for (Resident r : expected.residents()) {
                    assertThat(s.resident(r.key())).as(r.key().value()).contains(r);
                }
                for (TaxRecord t : expected.taxRecords()) {
                    // the amounts and version the deltas change; the tax round trip itself is the tax adapter's
                    TaxRecord stored = s.tax(t.person(), t.fiscalYear()).orElseThrow();
                    assertThat(List.of(stored.version(), stored.incomeLevy(), stored.perCapitaLevy()))
                            .as(t.person().value()).isEqualTo(List.of(t.version(), t.incomeLevy(), t.perCapitaLevy()));
                }
                for (SuppressionFlag f : expected.suppressionFlags()) {
                    assertThat(s.suppressionFlags(f.person())).as(f.person().value()).contains(f);
                }
                for (CardholderLink card : expected.cardholders()) {
                    assertThat(s.cardholder(card.issuer(), card.serial())).contains(card.person());
                }
                for (Deletions.CardKey old : reissued) {
                    assertThat(s.cardholder(old.issuer(), old.serial())).as("re-issued " + old.serial()).isEmpty();
                    CardholderLink renewed = replacedBy.get(old);
                    if (!reissued.contains(new Deletions.CardKey(renewed.issuer(), renewed.serial()))) {
                        assertThat(s.cardholder(renewed.issuer(), renewed.serial())).contains(renewed.person());
                    }
                }
                for (Deletions.FlagKey f : withdrawn) {
                    if (expected.suppressionFlags().stream().anyMatch(e -> e.person().equals(f.person())
                            && e.kind() == f.kind() && e.from().equals(f.from()))) {
                        continue; // set again by a later delta
                    }
                    assertThat(s.suppressionFlags(f.person())).as(f.person().value())
                            .noneMatch(stored -> stored.kind() == f.kind() && stored.from().equals(f.from()));
                }
                for (Deletions.TaxKey t : corrected) {
                    assertThat(s.tax(t.person(), t.fiscalYear())).as(t.person().value()).isEmpty();
                }
                for (Household h : expected.households()) {
                    assertThat(s.household(h.id())).as(h.id().value()).contains(h);
                }
                for (SealRegistration seal : expected.seals()) {
                    assertThat(s.seal(seal.person())).as(seal.person().value()).isPresent();
                }
                return null;
            });
        } finally {
            app.getInstance(Database.class).close();
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalDeltaBatches() throws IOException {
        CliRun first = generate(dir.resolve("a"));
        CliRun second = generate(dir.resolve("b"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        List<Path> files = deltaFiles(dir.resolve("a"));
        assertThat(files).hasSize(5 * 7 + 5 * 3); // manifest and data files: 6 per jukiki delta, 2 per tax delta
        assertThat(deltaFiles(dir.resolve("b"))).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
    }

    private static List<Path> deltaFiles(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(root::relativize)
                    .filter(p -> p.getName(0).toString().endsWith("-delta")).sorted().forEach(out::add);
        }
        return out;
    }
}
