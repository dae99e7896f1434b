package jp.kofu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.adapters.jlis.signing.TestSigningKeys;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.Trait;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.port.in.PrepareCertificateUseCase;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.suppression.domain.RefusalReason;
import jp.kofu.core.sync.port.in.LoadInitialReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.server.wiring.KofuConfig;
import jp.kofu.server.wiring.SigningConfig;

/**
 * {@code kofu demo}: the whole job on the embedded default, end to end — a synthetic Kurume-like town is
 * generated as vendor batches, loaded into a fresh embedded database, and every certificate kind is
 * prepared for every resident (or refused with its suppression reason). Prints the summary and the paths
 * of a sample of PDFs, chosen to show the interesting cases.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole job end to end: a synthetic town into a fresh embedded database, every kind issued.",
                "Prints the summary (rendered / suppressed by reason) and the paths of sample PDFs."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "kofu-demo", paramLabel = "DIR",
            description = "Working directory: batches/, db/ and pdf/ are created anew (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--residents", defaultValue = "2000", paramLabel = "N", description = "Town size (default ${DEFAULT-VALUE}).")
    int residents;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "Issuing threads (default ${DEFAULT-VALUE}).")
    int threads;

    private static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");

    private final CliEnvironment environment;

    @Inject
    DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (residents < 1 || residents > 1_000_000 || threads < 1 || threads > 64) {
            throw new UsageException("kofu demo: --residents must be 1 to 1,000,000 and --threads 1 to 64");
        }
        Path dir = Options.absolute(out);
        for (String sub : List.of("batches", "db", "pdf", "signing")) {
            deleteRecursively(dir.resolve(sub));
        }
        Files.createDirectories(dir.resolve("pdf"));
        LocalDate today = LocalDate.now(environment.clock().withZone(ZoneId.of("Asia/Tokyo")));

        long t0 = System.nanoTime();
        SyntheticTown town = new SyntheticTownGenerator().generate(KURUME, residents, seed, today);
        // signed like a city's output: with $KOFU_SIGNING's keys, else with test keys made for this run
        SigningConfig signing = environment.env().containsKey(SigningConfig.DIRECTORY_ENV)
                ? SigningConfig.fromEnvironment(environment.env())
                : SigningConfig.fromDirectory(testSigningKeys(dir.resolve("signing")), environment.env());
        Injector kofu = environment.kofu(new KofuConfig("jdbc:h2:file:" + dir.resolve("db/kofu"), 0, null, signing));
        List<Path> batches = new TownWriter(kofu.getInstance(BatchManifestPort.class)).writeFull(town, dir.resolve("batches"));
        long t1 = System.nanoTime();
        var report = kofu.getInstance(LoadInitialReplicaUseCase.class).load(new LoadInitialReplicaUseCase.Command(KURUME, batches));
        kofu.getInstance(TenantSettingsPort.class).save(TenantSettings.kurume());
        long t2 = System.nanoTime();

        Set<PersonKey> sample = sample(town);
        PrepareCertificateUseCase prepare = kofu.getInstance(PrepareCertificateUseCase.class);
        Map<CertificateKind, AtomicLong> rendered = new EnumMap<>(CertificateKind.class);
        Map<CertificateKind, Map<RefusalReason, AtomicLong>> refused = new EnumMap<>(CertificateKind.class);
        for (CertificateKind k : CertificateKind.values()) {
            rendered.put(k, new AtomicLong());
            refused.put(k, new ConcurrentHashMap<>());
        }
        Map<String, Path> written = new ConcurrentHashMap<>();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Resident r : town.content().residents()) {
                work.add(pool.submit(() -> {
                    for (CertificateKind kind : CertificateKind.values()) {
                        var outcome = prepare.prepare(new PrepareCertificateUseCase.Command(KURUME, r.key(),
                                CertificateRequest.defaultFor(kind), IssuanceChannel.commandLine(), ""));
                        if (outcome instanceof PrepareCertificateUseCase.Ready ready) {
                            rendered.get(kind).incrementAndGet();
                            bytes.addAndGet(ready.pdf().length);
                            if (sample.contains(r.key())) {
                                Path pdf = dir.resolve("pdf").resolve(kind.cliName() + "-" + r.key() + ".pdf");
                                write(pdf, ready.pdf());
                                written.put(kind.cliName() + " " + r.key(), pdf);
                            }
                        } else {
                            RefusalReason first = ((PrepareCertificateUseCase.Refused) outcome).reasons().get(0).reason();
                            refused.get(kind).computeIfAbsent(first, x -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long t3 = System.nanoTime();
        print(town, report, rendered, refused, written, bytes.get(), t1 - t0, t2 - t1, t3 - t2, dir);
        environment.out().println(signing.signingTenants().isEmpty() ? "certificates are unsigned (no signing key)"
                : "signed (PAdES) with the keys of " + signing.source() + "; check one with: kofu verify --db jdbc:h2:file:"
                + dir.resolve("db/kofu") + " --signing " + signing.source() + " FILE.pdf");
        return Cli.OK;
    }

    private Path testSigningKeys(Path signingDir) throws IOException {
        TestSigningKeys.write(signingDir, KURUME, environment.clock().instant());
        return signingDir;
    }

    /** A few ordinary residents and one of each interesting kind, so the PDFs show what kofu handles. */
    private static Set<PersonKey> sample(SyntheticTown town) {
        Set<PersonKey> keys = new LinkedHashSet<>();
        town.content().residents().stream().limit(3).forEach(r -> keys.add(r.key()));
        for (Trait t : List.of(Trait.IVS_NAME, Trait.NON_BMP_NAME, Trait.MJ_ONLY_NAME, Trait.FOREIGN_WITH_ALIAS,
                Trait.VERY_LONG_NAME, Trait.FORMER_SURNAME, Trait.BIG_HOUSEHOLD, Trait.VERY_LONG_ADDRESS, Trait.NON_TAXABLE,
                Trait.HAS_UNFILED_DEPENDANT)) {
            town.people(t).stream().findFirst().ifPresent(keys::add);
        }
        return keys;
    }

    private void print(SyntheticTown town, LoadInitialReplicaUseCase.Report report,
                       Map<CertificateKind, AtomicLong> rendered, Map<CertificateKind, Map<RefusalReason, AtomicLong>> refused,
                       Map<String, Path> written, long bytes, long generateNanos, long loadNanos, long issueNanos, Path dir) {
        var o = environment.out();
        long total = rendered.values().stream().mapToLong(AtomicLong::get).sum();
        long suppressed = refused.values().stream().flatMap(m -> m.values().stream()).mapToLong(AtomicLong::get).sum();
        o.printf("kofu demo — tenant %s (久留米市), %,d residents (seed %d, reference date %s)%n", KURUME,
                town.content().residents().size(), seed, town.referenceDate());
        o.printf("  generate + write batches %.1f s · load %,d records %.1f s · issue %,d requests %.1f s (%d threads, %.1f ms each)%n",
                generateNanos / 1e9, report.totalRecords(), loadNanos / 1e9, total + suppressed, issueNanos / 1e9, threads,
                issueNanos / 1e6 * threads / Math.max(1, total + suppressed));
        o.println();
        o.printf("  %-9s %9s %11s  %s%n", "kind", "rendered", "suppressed", "suppressed by reason");
        for (CertificateKind k : CertificateKind.values()) {
            Map<RefusalReason, AtomicLong> byReason = new TreeMap<>(refused.get(k));
            long n = byReason.values().stream().mapToLong(AtomicLong::get).sum();
            StringBuilder reasons = new StringBuilder();
            byReason.forEach((reason, count) -> reasons.append(reasons.length() == 0 ? "" : " · ")
                    .append(reason.japanese()).append(' ').append(count.get()));
            o.printf("  %-9s %,9d %,11d  %s%n", k.cliName(), rendered.get(k).get(), n, reasons);
        }
        o.printf("  %-9s %,9d %,11d  (%.1f KB per PDF on average)%n", "total", total, suppressed,
                total == 0 ? 0.0 : bytes / 1024.0 / total);
        o.println();
        o.println("PDFs (a sample; every resident was rendered or refused):");
        written.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> o.printf("  %-18s %s%n", e.getKey(), e.getValue()));
        o.println("database: jdbc:h2:file:" + dir.resolve("db/kofu") + " · batches: " + dir.resolve("batches"));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
