package jp.kofu.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.cli.generate.AnswerTable;
import jp.kofu.cli.generate.DeltaGenerator;
import jp.kofu.cli.generate.ShiftJisGaiji;
import jp.kofu.cli.generate.VendorGaijiTable;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.TestPkiWriter;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.service.ReplicaTexts;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.JsonBatchManifestCodec;

/**
 * {@code kofu generate}: writes a synthetic town (合成データ) as vendor batches — the test and demo data of
 * the project. Deterministic for a seed and a reference date.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic town as vendor batches (full batches, then --deltas delta batches, in kofu's CSV layout or --format fixed),",
                "and a digest batch per source (照合データ) of the state after the last delta, for kofu sync verify.",
                "Deterministic for --seed and --reference-date."})
final class GenerateCommand implements Callable<Integer> {

    enum Format { csv, fixed }

    /** The fixed-length layout {@code --format fixed} writes. */
    static final String FIXED_LAYOUT = "kofu-fixed-v1";

    @Option(names = "--tenant", required = true, paramLabel = "CODE", converter = Options.TenantConverter.class,
            description = "地方公共団体コード with check digit.")
    LocalGovernmentCode tenant;

    @Option(names = "--residents", required = true, paramLabel = "N", description = "Number of residents.")
    int residents;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
            description = "The town's 'today' for ages, periods and tax years (default: today in Japan).")
    LocalDate referenceDate;

    @Option(names = "--deltas", defaultValue = "0", paramLabel = "K", description = "Delta batches (5 minutes of changes each) after the full ones, numbered 2..K+1 (default ${DEFAULT-VALUE}).")
    int deltas;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|fixed", description = "Layout: csv (kofu's UTF-8 CSV, default) or fixed (kofu-fixed-v1: fixed-length windows-31j records, "
                    + "characters outside windows-31j as vendor 外字 of the user-defined area).")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--cards", defaultValue = "100", paramLabel = "N",
            description = "Test cards (PKCS#12) written into DIR/pki for the first N cardholders, with the test CA and its CRL (default ${DEFAULT-VALUE}).")
    int cards;

    private final CliEnvironment environment;

    @Inject
    GenerateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (residents < 1 || residents > 5_000_000) {
            throw new UsageException("kofu generate: --residents must be 1 to 5,000,000");
        }
        if (deltas < 0 || deltas > 99_999) {
            throw new UsageException("kofu generate: --deltas must be 0 to 99,999");
        }
        LocalDate day = referenceDate != null ? referenceDate : LocalDate.now(environment.clock().withZone(ZoneId.of("Asia/Tokyo")));
        long start = System.nanoTime();
        SyntheticTown town = new SyntheticTownGenerator().generate(tenant, residents, seed, day);
        SyntheticTown generatedTown = town;
        // a Shift_JIS system holds every character windows-31j lacks as one of its own 外字
        ShiftJisGaiji gaiji = format == Format.fixed ? new ShiftJisGaiji() : null;
        if (gaiji != null) {
            town = gaiji.remap(town);
        }
        long generated = System.nanoTime();
        TownWriter writer = new TownWriter(new JsonBatchManifestCodec(),
                format == Format.fixed ? BatchFormat.fixed(FIXED_LAYOUT) : BatchFormat.CSV);
        List<Path> batches = new ArrayList<>(writer.writeFull(town, Options.absolute(out)));
        DeltaGenerator changes = new DeltaGenerator(town);
        Path answer;
        var asOf = town.referenceDate().atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant();
        for (int k = 1; k <= deltas; k++) {
            DeltaGenerator.Delta delta = changes.next();
            asOf = delta.createdAt();
            if (gaiji != null) {
                delta = new DeltaGenerator.Delta(delta.number(), delta.createdAt(), gaiji.remap(delta.jukiki()),
                        gaiji.remap(delta.tax()), delta.jukikiDeletions(), delta.taxDeletions());
            }
            batches.addAll(writer.writeDelta(town, delta, Options.absolute(out)));
        }
        if (gaiji != null) {
            VendorGaijiTable.writeShiftJis(generatedTown, gaiji, Options.absolute(out));
            answer = AnswerTable.write(Options.absolute(out), gaiji.vendorCharacters(), gaiji.known());
        } else {
            answer = AnswerTable.write(Options.absolute(out), town.vendorCharacters(), java.util.Map.of());
        }
        // the digest (照合データ) of the state after the last delta, from the generator's own model
        long digestStart = System.nanoTime();
        // as the source means its records: every vendor 外字 read as the character it stands for (the answer
        // 対照表 just written), so that a replica whose tenant imported the right 対照表 matches it, and both
        // layouts of one town give the same digest
        ReplicaContent meant = ReplicaTexts.convert(changes.content(), answerTable(answer));
        batches.addAll(writer.writeDigests(town, deltas + 1L, asOf, meant, Options.absolute(out)));
        environment.err().printf("digest batches (照合データ) written in %.2f s%n", (System.nanoTime() - digestStart) / 1e9);
        environment.out().println(TestPkiWriter.write(town, Options.absolute(out), Math.max(0, cards), environment.clock().instant()));
        environment.out().println(jp.kofu.server.sync.SyncCredentials.write(Options.absolute(out).resolve("sync"),
                List.of(tenant), List.of(), environment.clock().instant(), new java.security.SecureRandom()));
        long written = System.nanoTime();
        ReplicaContent c = town.content();
        environment.out().printf("generated tenant %s (seed %d, reference date %s): %,d residents, %,d households, "
                        + "%,d seals, %,d tax records, %,d suppression flags, %,d cardholders, %d deltas in %.2f s (write %.2f s)%n",
                tenant, seed, day, c.residents().size(), c.households().size(), c.seals().size(), c.taxRecords().size(),
                c.suppressionFlags().size(), c.cardholders().size(), deltas, (generated - start) / 1e9, (written - generated) / 1e9);
        batches.forEach(b -> environment.out().println(b));
        return Cli.OK;
    }

    /** The answer 対照表 as {@code kofu gaiji apply} would store it (an MJ character in its MJ form). */
    private static CorrespondenceTable answerTable(Path file) throws Exception {
        MjRepertoire repertoire = MjRepertoire.shared();
        java.util.Map<String, PrintedChar> map = new java.util.HashMap<>();
        for (CorrespondenceEntry e : jp.kofu.cli.gaiji.CorrespondenceCsv.read(file, repertoire).entries()) {
            java.util.Optional<MjCharacter> mj = e.mj().isPresent() ? repertoire.byId(e.mj().get()) : repertoire.of(e.character());
            map.put(e.vendorCode(), mj.map(m -> CorrespondenceEntry.ofMj(e.vendorCode(), m, e.match()).character())
                    .orElse(e.character()));
        }
        return new CorrespondenceTable(1, map);
    }
}
