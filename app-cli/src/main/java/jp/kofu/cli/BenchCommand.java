package jp.kofu.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.adapters.jlis.PdfCertificateRenderer;
import jp.kofu.adapters.persistence.Database;
import jp.kofu.adapters.jlis.jpki.TestPki;
import jp.kofu.cli.generate.DeltaGenerator;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.TestPkiWriter;
import jp.kofu.cli.kiosk.DeltaChurn;
import jp.kofu.cli.kiosk.CpuTimes;
import jp.kofu.cli.kiosk.IsolatedServer;
import jp.kofu.cli.kiosk.IssueLoad;
import jp.kofu.cli.kiosk.KioskClient;
import jp.kofu.cli.kiosk.ReplicaChurn;
import jp.kofu.cli.kiosk.ResidentOracle;
import jp.kofu.cli.kiosk.WarmupGauge;
import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.certificate.service.ContentAssembler;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentStatus;
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

/** {@code kofu bench}: benchmarks that print their figures and the baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks printing their figures and a baseline measured in the same run: issue (kiosks over HTTP), render, load, sign.",
        subcommands = {BenchCommand.Issue.class, BenchRenderCommand.class, BenchLoadCommand.class, SignBench.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a benchmark is required (issue, render, load, sign)");
    }

    /**
     * {@code kofu bench issue}: simulated kiosks over HTTP with JPKI signing; throughput, latency percentiles,
     * errors and the misissuance count, and the render-only ceiling measured in the same run.
     */
    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = {"Run simulated kiosks over HTTP (challenge, JPKI-signed authenticate, prepare, complete) and",
                    "print throughput, p50/p95/p99, errors, the misissuance count (every PDF is checked against the",
                    "authenticated cardholder) and the render-only throughput as the ceiling, all in one run.",
                    "Without --server it generates a fresh town, loads it into a new embedded database and starts",
                    "its own server (open all day) on a free port of 127.0.0.1."})
    static final class Issue implements Callable<Integer> {

        /** Length of one slice of the automatic warm-up. */
        static final int WARMUP_SLICE_SECONDS = 20;

        @Option(names = "--server", paramLabel = "URL", description = "Load a running server (needs --cards).")
        URI server;

        @Option(names = "--cards", paramLabel = "DIR", description = "The pki directory of kofu generate (with --server).")
        Path cardsDir;

        @Option(names = "--tenant", defaultValue = "402036", paramLabel = "CODE", converter = Options.TenantConverter.class,
                description = "Tenant of the own town (default ${DEFAULT-VALUE}).")
        LocalGovernmentCode tenant;

        @Option(names = "--kiosks", defaultValue = "32", description = "Concurrent kiosks (default ${DEFAULT-VALUE}).")
        int kiosks;

        @Option(names = "--duration", defaultValue = "60s", converter = Durations.class, paramLabel = "D",
                description = "Measured run (default ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--issuances", defaultValue = "0", paramLabel = "N",
                description = "Stop the measured run once N certificates are prepared, --duration being the limit (default: no count).")
        long issuances;

        @Option(names = "--warmup", defaultValue = "auto", converter = WarmupConverter.class, paramLabel = "D|auto",
                description = {"Unmeasured run first, long enough for the JIT compiler to finish with the hot paths. auto "
                        + "(the default): in slices of " + WARMUP_SLICE_SECONDS + " s until the server's CPU per certificate "
                        + "has stopped falling and its JIT compiler takes under 3%% of it, at least "
                        + WarmupGauge.MIN_SLICES + " slices and at most --warmup-limit; or a fixed duration. The report "
                        + "says how long it took and how much was still compiled while measuring."})
        Duration warmup;

        @Option(names = "--warmup-limit", defaultValue = "10m", converter = Durations.class, paramLabel = "D",
                description = "Longest automatic warm-up (default ${DEFAULT-VALUE}).")
        Duration warmupLimit;

        @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
                description = "Measured rounds, each followed by its render-only measurement; the report gives every "
                        + "round and the medians (default ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--render-duration", defaultValue = "15s", converter = Durations.class, paramLabel = "D",
                description = "Render-only measurement (default ${DEFAULT-VALUE}).")
        Duration renderDuration;

        @Option(names = "--residents", defaultValue = "3000", description = "Residents of the own town (default ${DEFAULT-VALUE}).")
        int residents;

        @Option(names = "--card-count", defaultValue = "400", description = "Test cards of the own town (default ${DEFAULT-VALUE}).")
        int cardCount;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the own town (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--kinds", defaultValue = "juminhyo", split = ",", converter = Options.KindConverter.class,
                paramLabel = "KIND", description = "Kinds asked for in turn (default ${DEFAULT-VALUE}).")
        List<CertificateKind> kinds;

        @Option(names = "--cancel-rate", defaultValue = "0.05", description = "Share cancelled by the resident (default ${DEFAULT-VALUE}).")
        double cancelRate;

        @Option(names = "--abandon-rate", defaultValue = "0.02", description = "Share never answered (default ${DEFAULT-VALUE}).")
        double abandonRate;

        @Option(names = "--churn-interval", converter = Durations.class, paramLabel = "D",
                description = "Own town only: swap names and addresses of residents in the replica at this interval while kiosks run.")
        Duration churnInterval;

        @Option(names = "--delta-interval", converter = Durations.class, paramLabel = "D",
                description = "Own town only: while kiosks run, apply a delta batch of both sources through the sync path "
                        + "(kofu sync apply's) at this interval: the generator's realistic changes plus swaps of the names and "
                        + "addresses of cardholder pairs.")
        Duration deltaInterval;

        @Option(names = "--delta-swaps", defaultValue = "20", paramLabel = "N",
                description = "Cardholder pairs swapped in each delta (default ${DEFAULT-VALUE}).")
        int deltaSwaps;

        @Option(names = "--work", paramLabel = "DIR", description = "Own town only: where town, pki and database go (default: a new temporary directory).")
        Path work;

        @Option(names = "--check-inline", description = "Check each PDF with the oracle as it arrives (default: after the "
                + "measured run, so the load generator's PDF parsing does not take the server's cores).")
        boolean checkInline;

        @Option(names = "--isolate", description = {"Own town: run the server in a JVM of its own bound to the first "
                + "half of the cores and this process (the simulated kiosks, standing for the stores' terminals and the "
                + "residents' cards, and the render-only ceiling) to the other half (Linux taskset), so that neither takes "
                + "the other's CPU; the ratio then compares the server's cores with rendering on as many cores.",
                "The default where the machine allows it (Linux, taskset, at least 2 cores) and neither --server nor a "
                        + "churn is asked for; naming it makes a machine that does not allow it a usage error."})
        boolean isolate;

        @Option(names = "--in-process", description = "Own town: run the server in this JVM, on the same cores as the "
                + "simulated kiosks (their JPKI signing and HTTP client then count against the server's throughput); "
                + "the mode of --churn-interval and --delta-interval.")
        boolean inProcess;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        private final CliEnvironment environment;
        /** The machine's cores, counted before an isolated run binds this process to half of them. */
        private final int machineCores = Runtime.getRuntime().availableProcessors();

        @Inject
        Issue(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            if ((server == null) != (cardsDir == null)) {
                throw new UsageException("kofu bench issue: --server and --cards go together");
            }
            if (kiosks < 1 || kiosks > 1024) {
                throw new UsageException("kofu bench issue: --kiosks must be 1 to 1024");
            }
            if (repeat < 1 || repeat > 100) {
                throw new UsageException("kofu bench issue: --repeat must be 1 to 100");
            }
            if (churnInterval != null && deltaInterval != null) {
                throw new UsageException("kofu bench issue: --churn-interval and --delta-interval exclude each other");
            }
            if (isolate && inProcess) {
                throw new UsageException("kofu bench issue: --isolate and --in-process exclude each other");
            }
            if (isolate && (server != null || churnInterval != null || deltaInterval != null)) {
                throw new UsageException("kofu bench issue: --isolate runs the own town's server and excludes --server, "
                        + "--churn-interval and --delta-interval");
            }
            if (isolate) {
                java.util.Optional<String> why = IsolatedServer.unavailableBecause();
                if (why.isPresent()) {
                    throw new UsageException("kofu bench issue: --isolate cannot run here: " + why.get());
                }
            }
            if (server != null && (churnInterval != null || deltaInterval != null)) {
                throw new UsageException("kofu bench issue: --churn-interval and --delta-interval need the own town (no --server)");
            }
            if (server != null && inProcess) {
                throw new UsageException("kofu bench issue: --in-process runs the own town's server and excludes --server");
            }
            if (!isolate && !inProcess && server == null && churnInterval == null && deltaInterval == null) {
                java.util.Optional<String> why = IsolatedServer.unavailableBecause();
                if (why.isPresent()) {
                    environment.err().println("kofu bench issue: the server runs in this process, on the kiosks' cores ("
                            + why.get() + " for --isolate)");
                } else {
                    isolate = true;
                }
            }
            return server != null ? againstServer() : ownServer();
        }

        private int againstServer() throws Exception {
            Path pki = Options.absolute(cardsDir);
            Properties props = new Properties();
            try (var in = Files.newInputStream(pki.resolve("town.properties"))) {
                props.load(in);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInputException(pki + ": no town.properties (not a pki directory of kofu generate)");
            }
            LocalGovernmentCode code = LocalGovernmentCode.parse(props.getProperty("tenant"));
            environment.err().println("regenerating the town of " + pki + " for the oracle …");
            SyntheticTown town = new SyntheticTownGenerator().generate(code, Integer.parseInt(props.getProperty("residents")),
                    Long.parseLong(props.getProperty("seed")), LocalDate.parse(props.getProperty("referenceDate")));
            ResidentOracle oracle = new ResidentOracle(town.content(), town.taxYear());
            List<IssueLoad.Holder> holders = holders(pki);
            return measure(KioskClient.blocking(server, code.value(), "0000000", "40", 2 * kiosks), holders,
                    oracle, town, TenantSettings.defaultsFor(code), null, null, null, null);
        }

        private int ownServer() throws Exception {
            Path dir = work != null ? Files.createDirectories(Options.absolute(work)) : Files.createTempDirectory("kofu-bench-");
            LocalDate today = LocalDate.now(environment.clock().withZone(ZoneId.of("Asia/Tokyo")));
            environment.err().printf("generating a town of %,d residents and %,d test cards in %s …%n", residents, cardCount, dir);
            SyntheticTown town = new SyntheticTownGenerator().generate(tenant, residents, seed, today);
            // an isolated server verifies the cards by the system clock, not by the one this command was given
            Path pki = TestPkiWriter.write(town, dir, cardCount,
                    isolate ? java.time.Instant.now() : environment.clock().instant());
            KioskConfig kiosk = KioskConfig.defaults().trusting(List.of(pki.resolve("test-ca.pem")), List.of(pki.resolve("test-ca.crl")));
            String url = "jdbc:h2:file:" + dir.resolve("db/kofu");
            Injector kofu = Kofu.injector(new KofuConfig(url, 0, kiosk), environment.clock());
            // the benchmark runs whatever the hour: its own tenant is open all day
            TenantSettings settings = TenantSettings.defaultsFor(tenant)
                    .withHours(new ServiceHours(LocalTime.MIN, LocalTime.MAX, Set.of()));
            kofu.getInstance(TenantSettingsPort.class).save(settings);
            java.time.Instant at = environment.clock().instant();
            kofu.getInstance(ReplicaWritePort.class).replaceAll(tenant, List.of(
                    new BatchManifest(tenant, SourceSystem.JUKIKI, 1, BatchKind.FULL, at, List.of(file("residents"))),
                    new BatchManifest(tenant, SourceSystem.TAX, 1, BatchKind.FULL, at, List.of(file("tax_records")))),
                    town.content());
            ResidentOracle oracle = new ResidentOracle(town.content(), town.taxYear());
            if (isolate) {
                kofu.getInstance(Database.class).close(); // H2 embedded: the server's JVM opens the file next
                try (IsolatedServer isolated = IsolatedServer.start(url, pki, dir.resolve("server.log"))) {
                    environment.err().printf("server in its own JVM on CPU %s; kiosks and render-only on CPU %s …%n",
                            isolated.serverCpus(), isolated.ownCpus());
                    return measure(KioskClient.blocking(isolated.uri(), tenant.value(), "0000000", "40", 2 * kiosks),
                            holders(pki), oracle, town, settings, null, null, null, isolated);
                }
            }
            try (KofuServer kofuServer = kofu.getInstance(KofuServer.class)) {
                int port = kofuServer.start();
                List<IssueLoad.Holder> holders = holders(pki);
                Runnable round = null;
                Duration interval = null;
                java.util.function.Supplier<String> summary = null;
                if (churnInterval != null) {
                    ReplicaChurn churn = new ReplicaChurn(kofu.getInstance(ReplicaWritePort.class),
                            tenant, town.content(), 1, oracle, environment.clock(), seed, Math.max(1, residents / 50));
                    round = churn::round;
                    interval = churnInterval;
                    summary = () -> "replica churn every " + churnInterval;
                } else if (deltaInterval != null) {
                    DeltaChurn churn = new DeltaChurn(kofu.getInstance(ApplyBatchUseCase.class),
                            kofu.getInstance(BatchManifestPort.class), tenant, new DeltaGenerator(town),
                            Files.createDirectories(dir.resolve("deltas")), oracle, environment.clock(), seed,
                            holders.stream().map(IssueLoad.Holder::person).distinct().toList(), deltaSwaps);
                    round = churn::round;
                    interval = deltaInterval;
                    summary = () -> String.format("%d delta batches applied through the sync path every %s (%,d resident "
                            + "records changed)", churn.rounds(), deltaInterval, churn.changedRecords());
                }
                return measure(KioskClient.blocking(URI.create("http://127.0.0.1:" + port),
                        tenant.value(), "0000000", "40", 2 * kiosks), holders, oracle, town, settings, round, interval, summary,
                        null);
            }
        }

        private static BatchFile file(String entity) {
            return new BatchFile(entity + ".csv", entity, 0, "0".repeat(64));
        }

        private static List<IssueLoad.Holder> holders(Path pki) throws IOException {
            List<IssueLoad.Holder> holders = new ArrayList<>();
            for (TestPkiWriter.CardFile f : TestPkiWriter.cards(pki)) {
                holders.add(new IssueLoad.Holder(TestPki.readPkcs12(Files.readAllBytes(f.file())), new PersonKey(f.person())));
            }
            if (holders.isEmpty()) {
                throw new BadInputException(pki + "/cards.tsv: no test card");
            }
            return holders;
        }

        private int measure(KioskClient client, List<IssueLoad.Holder> holders, ResidentOracle oracle, SyntheticTown town,
                            TenantSettings settings, Runnable churn, Duration churnEvery,
                            java.util.function.Supplier<String> churnSummary, IsolatedServer isolated) throws Exception {
            IssueLoad load = new IssueLoad(client, holders, oracle, environment.clock());
            if (isolated != null) {
                // this JVM does not render for the kiosks (the server's does): its renderer gets its own JIT warm-up,
                // before the server's, so that the first measured round, like the others, follows a short pause only
                Duration renderWarmup = Duration.ofSeconds(60);
                Duration bound = warmup.isZero() ? warmupLimit : warmup;
                if (bound.compareTo(renderWarmup) < 0) {
                    renderWarmup = bound;
                }
                environment.err().printf("warming up render-only for %s …%n", renderWarmup);
                renderOnly(town, settings, holders, renderWarmup);
            }
            Warmup warm = warmUp(load, isolated);
            List<Round> rounds = new ArrayList<>();
            for (int i = 1; i <= repeat; i++) {
                environment.err().printf("measuring%s for %s with %d kiosks%s …%n",
                        repeat == 1 ? "" : " round " + i + " of " + repeat, duration, kiosks,
                        churn == null ? "" : ", changing the replica every " + churnEvery);
                java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread churner = churn == null ? null : churner(churn, churnEvery, running);
                long jit = compilationMillis();
                long serverCpu = isolated == null ? 0 : isolated.cpuNanos();
                long serverJit = isolated == null ? 0 : isolated.compilerNanos();
                IssueLoad.Result r;
                try {
                    r = load.run(new IssueLoad.Settings(kiosks, duration, issuances, cancelRate, abandonRate, kinds,
                            !checkInline), seed + 1 + i);
                } finally {
                    if (churner != null) {
                        running.set(false);
                        churner.join();
                    }
                }
                long jitMillis = compilationMillis() - jit;
                double isolatedServerCpu = isolated == null || r.prepared() == 0 ? Double.NaN
                        : (isolated.cpuNanos() - serverCpu) / 1e6 / r.prepared();
                double isolatedServerJit = isolated == null || r.prepared() == 0 ? Double.NaN
                        : (isolated.compilerNanos() - serverJit) / 1e6 / r.prepared();
                double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                environment.err().printf("measuring render-only for %s …%n", renderDuration);
                long cpuRender = CpuTimes.process();
                RenderCeiling ceiling = renderOnly(town, settings, holders, renderDuration);
                double cpuPerRender = (CpuTimes.process() - cpuRender) / 1e6 / Math.max(1, ceiling.documents());
                rounds.add(new Round(r, ceiling, r.cpuMillisPerCertificate(), cpuPerRender, loadAverage, jitMillis,
                        isolatedServerCpu, isolatedServerJit));
            }
            report(rounds, warm, churnSummary == null ? null : churnSummary.get(), isolated);
            return warm.misissued() == 0 && rounds.stream().allMatch(r -> r.result().misissued() == 0) ? Cli.OK : Cli.REFUSED;
        }

        /**
         * What the warm-up did.
         *
         * @param settled whether the automatic warm-up saw the server's cost settle (false for a fixed one, and when
         *     it reached --warmup-limit or a slice without certificates first)
         */
        record Warmup(boolean automatic, boolean settled, double seconds, List<WarmupGauge.Slice> slices, long prepared,
                      long misissued, boolean byThroughput) {
            WarmupGauge.Slice last() {
                return slices.get(slices.size() - 1);
            }
        }

        private Warmup warmUp(IssueLoad load, IsolatedServer isolated) throws InterruptedException {
            if (!warmup.isZero()) {
                environment.err().printf("warming up for %s with %d kiosks …%n", warmup, kiosks);
                IssueLoad.Result r = load.run(new IssueLoad.Settings(kiosks, warmup, 0, cancelRate, abandonRate, kinds,
                        !checkInline), seed + 1);
                return new Warmup(false, false, r.seconds(), List.of(), r.prepared(), r.misissued(), false);
            }
            // a server elsewhere shows no CPU time to this process: its cost per certificate is then the wall time
            // per certificate at full load (the inverse of the throughput), and its compiler cannot be seen
            boolean byThroughput = server != null;
            environment.err().printf("warming up with %d kiosks until the server's %s settles (slices of %d s, at most %s) …%n",
                    kiosks, byThroughput ? "throughput (a server elsewhere: its CPU is not seen from here)"
                            : "CPU per certificate", WARMUP_SLICE_SECONDS, warmupLimit);
            WarmupGauge gauge = new WarmupGauge();
            long deadline = System.nanoTime() + warmupLimit.toNanos();
            double seconds = 0;
            long prepared = 0;
            long misissued = 0;
            for (int i = 1; ; i++) {
                long left = deadline - System.nanoTime();
                Duration slice = Duration.ofNanos(Math.max(1_000_000, Math.min(left, WARMUP_SLICE_SECONDS * 1_000_000_000L)));
                long serverCpu = isolated == null ? 0 : isolated.cpuNanos();
                long serverJit = isolated == null ? 0 : isolated.compilerNanos();
                IssueLoad.Result r = load.run(new IssueLoad.Settings(kiosks, slice, 0, cancelRate, abandonRate, kinds,
                        !checkInline), seed * 7919 + 1000 + i);
                double cpuMillis = byThroughput ? r.seconds() * 1000 : isolated == null
                        ? (r.cpuSeconds() - r.kioskCpuSeconds()) * 1000 : (isolated.cpuNanos() - serverCpu) / 1e6;
                double jitMillis = byThroughput ? 0 : isolated == null ? r.compilerCpuSeconds() * 1000
                        : (isolated.compilerNanos() - serverJit) / 1e6;
                WarmupGauge.Slice s = new WarmupGauge.Slice(r.seconds(), r.prepared(), cpuMillis, jitMillis);
                gauge.add(s);
                seconds += r.seconds();
                prepared += r.prepared();
                misissued += r.misissued();
                if (byThroughput) {
                    environment.err().printf("  warm-up slice %d: %.1f certificates/s%n", i, s.throughput());
                } else {
                    environment.err().printf("  warm-up slice %d: %.1f certificates/s, server %.2f ms of CPU per certificate "
                            + "(JIT compiler %.0f%% of it)%n", i, s.throughput(), s.cpuMillisPerCertificate(),
                            s.compilerShare() * 100);
                }
                boolean settled = gauge.settled();
                // a slice without a certificate is a server that does not issue: the measured run will say why
                if (settled || r.prepared() == 0 || System.nanoTime() >= deadline) {
                    return new Warmup(true, settled, seconds, gauge.slices(), prepared, misissued, byThroughput);
                }
            }
        }

        /** {@code --warmup}: a duration, or {@code auto} (as {@link Duration#ZERO}, which no duration option accepts). */
        static final class WarmupConverter implements picocli.CommandLine.ITypeConverter<Duration> {
            @Override
            public Duration convert(String value) {
                return "auto".equalsIgnoreCase(value.trim()) ? Duration.ZERO : Durations.parse(value);
            }
        }

        /** One measured round and the render-only measurement after it. */
        record Round(IssueLoad.Result result, RenderCeiling ceiling, double cpuPerCertificate, double cpuPerRender,
                     double loadAverage, long jitMillis, double isolatedServerCpuPerCertificate,
                     double isolatedServerJitPerCertificate) {
            double ratio() {
                return result.throughput() / ceiling.throughput();
            }

            double kioskCpuPerCertificate() {
                return result.kioskCpuMillisPerCertificate();
            }

            double jitPerCertificate() {
                return result.compilerCpuMillisPerCertificate();
            }

            double gcPerCertificate() {
                return result.collectorCpuMillisPerCertificate();
            }

            /** The process's CPU per certificate without the simulated kiosks, the JIT compiler and the collector. */
            double serverCpuPerCertificate() {
                return cpuPerCertificate - kioskCpuPerCertificate() - jitPerCertificate() - gcPerCertificate();
            }

            double prepare(int p) {
                return IssueLoad.Result.percentile(result.prepareMillis(), p);
            }

            double flow(int p) {
                return IssueLoad.Result.percentile(result.flowMillis(), p);
            }
        }

        /** Milliseconds the JIT compilers have spent so far, or 0 where the JVM does not tell. */
        private static long compilationMillis() {
            var jit = ManagementFactory.getCompilationMXBean();
            return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        }

        private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> f) {
            double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        /** Stopped by the flag, never by an interrupt: an interrupt inside a write closes H2's file channel. */
        private Thread churner(Runnable churn, Duration every, java.util.concurrent.atomic.AtomicBoolean running) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        Thread.sleep(every.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    churn.run();
                }
            }, "bench-churn");
            t.setDaemon(true);
            t.start();
            return t;
        }

        /** Render-only throughput with as many threads as cores, over the cardholders' 住民票 in the tenant's forms. */
        record RenderCeiling(long documents, double seconds, int threads) {
            double throughput() {
                return documents / seconds;
            }
        }

        private RenderCeiling renderOnly(SyntheticTown town, TenantSettings settings, List<IssueLoad.Holder> holders,
                                         Duration renderDuration)
                throws InterruptedException {
            Map<HouseholdId, List<Resident>> members = new HashMap<>();
            for (Resident r : town.content().residents()) {
                members.computeIfAbsent(r.household(), h -> new ArrayList<>()).add(r);
            }
            Map<HouseholdId, Household> households = new HashMap<>();
            town.content().households().forEach(h -> households.put(h.id(), h));
            List<CertificateContent> contents = new ArrayList<>();
            Attestation attestation = new Attestation("402036-00000001", town.referenceDate(),
                    ContentAssembler.JUMINHYO_WHOLE_HOUSEHOLD_TEXT, settings.mayorTitle(), settings.mayorName(),
                    settings.kioskMarker());
            for (IssueLoad.Holder h : holders.subList(0, Math.min(200, holders.size()))) {
                Resident r = town.resident(h.person()).orElse(null);
                if (r == null || r.status() == ResidentStatus.REMOVED || r.hasUnidentifiedCharacters()) {
                    continue;
                }
                List<Resident> people = ContentAssembler.juminhyoPeople(CertificateRequest.Juminhyo.wholeHousehold(),
                        members.getOrDefault(r.household(), List.of(r)));
                if (people.stream().anyMatch(Resident::hasUnidentifiedCharacters)) {
                    continue;
                }
                PrintedText head = households.containsKey(r.household()) ? households.get(r.household()).headName() : PrintedText.EMPTY;
                contents.add(ContentAssembler.juminhyo(settings, CertificateRequest.Juminhyo.wholeHousehold(), r, head,
                        people, attestation));
            }
            CertificateRendererPort renderer = PdfCertificateRenderer.withBundledFont();
            // the documents the kiosks get: the tenant's forms (its 公印 image included), as PrepareCertificateService renders them
            CertificateRendererPort.RenderOptions options =
                    CertificateRendererPort.RenderOptions.plain().forTenant(settings.code().value());
            int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < 50; i++) {
                renderer.render(contents.get(i % contents.size()), options);
            }
            LongAdder documents = new LongAdder();
            long deadline = System.nanoTime() + renderDuration.toNanos();
            CountDownLatch done = new CountDownLatch(threads);
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Thread th = new Thread(() -> {
                    int i = offset;
                    while (System.nanoTime() < deadline) {
                        renderer.render(contents.get(i++ % contents.size()), options);
                        documents.increment();
                    }
                    done.countDown();
                }, "render-" + t);
                th.setDaemon(true);
                th.start();
            }
            done.await();
            return new RenderCeiling(documents.sum(), (System.nanoTime() - start) / 1e9, threads);
        }

        private void report(List<Round> rounds, Warmup warm, String churn, IsolatedServer isolated) throws IOException {
            long prepared = rounds.stream().mapToLong(r -> r.result().prepared()).sum();
            long issued = rounds.stream().mapToLong(r -> r.result().issued()).sum();
            long cancelled = rounds.stream().mapToLong(r -> r.result().cancelled()).sum();
            long abandoned = rounds.stream().mapToLong(r -> r.result().abandoned()).sum();
            long refused = rounds.stream().mapToLong(r -> r.result().refused()).sum();
            long errors = rounds.stream().mapToLong(r -> r.result().errors()).sum();
            long misissued = rounds.stream().mapToLong(r -> r.result().misissued()).sum();
            Map<String, Long> errorKinds = new java.util.TreeMap<>();
            rounds.forEach(r -> r.result().errorKinds().forEach((k, v) -> errorKinds.merge(k, v, Long::sum)));
            double seconds = rounds.stream().mapToDouble(r -> r.result().seconds()).sum();
            double throughput = median(rounds, r -> r.result().throughput());
            double ceiling = median(rounds, r -> r.ceiling().throughput());
            double ratio = median(rounds, Round::ratio);
            double cpuPerCertificate = median(rounds, Round::cpuPerCertificate);
            double cpuPerRender = median(rounds, Round::cpuPerRender);
            double kioskCpu = median(rounds, Round::kioskCpuPerCertificate);
            double jitCpu = median(rounds, Round::jitPerCertificate);
            double gcCpu = median(rounds, Round::gcPerCertificate);
            double serverCpu = median(rounds, Round::serverCpuPerCertificate);
            double loadAverage = median(rounds, Round::loadAverage);
            double jitSeconds = rounds.stream().mapToLong(Round::jitMillis).sum() / 1000.0;
            int threads = rounds.get(0).ceiling().threads();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("kiosks", kiosks);
                doc.put("rounds", rounds.size());
                doc.put("seconds", round(seconds));
                doc.put("prepared", prepared);
                doc.put("issued", issued);
                doc.put("cancelled", cancelled);
                doc.put("abandoned", abandoned);
                doc.put("refused", refused);
                doc.put("errors", errors);
                doc.put("errorKinds", errorKinds);
                doc.put("misissued", misissued);
                if (churn != null) {
                    doc.put("replicaChanges", churn);
                }
                doc.put("throughputPerSecond", round(throughput));
                doc.put("prepareMillis", medianPercentiles(rounds, true));
                doc.put("flowMillis", medianPercentiles(rounds, false));
                doc.put("renderOnlyPerSecond", round(ceiling));
                doc.put("renderOnlyThreads", threads);
                doc.put("ratioToRenderOnly", round(ratio));
                doc.put("cpuMillisPerCertificate", round(cpuPerCertificate));
                doc.put("cpuMillisPerRenderOnly", round(cpuPerRender));
                doc.put("kioskCpuMillisPerCertificate", round(kioskCpu));
                doc.put("jitMillisPerCertificate", round(jitCpu));
                doc.put("gcMillisPerCertificate", round(gcCpu));
                doc.put("serverCpuMillisPerCertificate", round(serverCpu));
                if (isolated != null) {
                    Map<String, Object> iso = new LinkedHashMap<>();
                    iso.put("serverCpus", isolated.serverCpus());
                    iso.put("ownCpus", isolated.ownCpus());
                    iso.put("serverJvmCpuMillisPerCertificate", round(median(rounds, Round::isolatedServerCpuPerCertificate)));
                    iso.put("serverJitCpuMillisPerCertificate",
                            Math.round(median(rounds, Round::isolatedServerJitPerCertificate) * 100) / 100.0);
                    doc.put("isolated", iso);
                }
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("automatic", warm.automatic());
                w.put("settled", warm.settled());
                w.put("seconds", round(warm.seconds()));
                w.put("slices", warm.slices().size());
                w.put("prepared", warm.prepared());
                w.put("misissued", warm.misissued());
                if (!warm.slices().isEmpty()) {
                    w.put("settledOn", warm.byThroughput() ? "throughput" : "serverCpu");
                    w.put("lastSliceThroughputPerSecond", round(warm.last().throughput()));
                    if (!warm.byThroughput()) {
                        w.put("lastSliceServerCpuMillisPerCertificate",
                                Math.round(warm.last().cpuMillisPerCertificate() * 100) / 100.0);
                    }
                }
                doc.put("warmup", w);
                doc.put("jitSecondsWhileMeasuring", round(jitSeconds));
                doc.put("loadAverage", round(loadAverage));
                doc.put("cores", machineCores);
                List<Map<String, Object>> each = new ArrayList<>();
                for (Round r : rounds) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("throughputPerSecond", round(r.result().throughput()));
                    m.put("prepareMillis", percentiles(r.result().prepareMillis()));
                    m.put("renderOnlyPerSecond", round(r.ceiling().throughput()));
                    m.put("ratioToRenderOnly", round(r.ratio()));
                    m.put("cpuMillisPerCertificate", round(r.cpuPerCertificate()));
                    m.put("kioskCpuMillisPerCertificate", round(r.kioskCpuPerCertificate()));
                    m.put("serverCpuMillisPerCertificate", round(r.serverCpuPerCertificate()));
                    if (isolated != null) {
                        m.put("serverJvmCpuMillisPerCertificate", round(r.isolatedServerCpuPerCertificate()));
                    }
                    m.put("misissued", r.result().misissued());
                    each.add(m);
                }
                doc.put("perRound", each);
                environment.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
                return;
            }
            var out = environment.out();
            String median = rounds.size() == 1 ? "" : " (median of " + rounds.size() + " rounds)";
            out.printf("kofu bench issue: %d kiosks, %d round%s of %.1f s%n", kiosks, rounds.size(),
                    rounds.size() == 1 ? "" : "s", seconds / rounds.size());
            if (rounds.size() > 1) {
                for (int i = 0; i < rounds.size(); i++) {
                    Round r = rounds.get(i);
                    out.printf("  round %d: %.1f certificates/s, prepare p99 %.1f ms, render-only %.1f/s (%.0f%%), "
                                    + "CPU %.1f ms/certificate%s, misissued %d%n", i + 1, r.result().throughput(), r.prepare(99),
                            r.ceiling().throughput(), r.ratio() * 100, r.cpuPerCertificate(),
                            isolated == null ? "" : String.format(" (server's JVM %.1f)", r.isolatedServerCpuPerCertificate()),
                            r.result().misissued());
                }
            }
            out.printf("  prepared %,d (issued %,d, cancelled %,d, left unanswered %,d), refused %,d, errors %,d%n",
                    prepared, issued, cancelled, abandoned, refused, errors);
            errorKinds.forEach((k, v) -> out.printf("    error %s: %,d%n", k, v));
            out.printf("  misissued: %d (of %,d PDFs checked against the authenticated cardholder)%n", misissued, prepared);
            if (!warm.automatic()) {
                out.printf("  warm-up: %.0f s (fixed), prepared %,d, misissued %d%n", warm.seconds(), warm.prepared(),
                        warm.misissued());
            } else {
                WarmupGauge.Slice last = warm.last();
                out.printf("  warm-up: %.0f s in %d slice%s, %s at %s; prepared %,d, misissued %d%n", warm.seconds(),
                        warm.slices().size(), warm.slices().size() == 1 ? "" : "s", warm.settled() ? "settled" : "NOT settled",
                        warm.byThroughput() ? String.format("%.1f certificates/s", last.throughput())
                                : String.format("%.2f ms of the server's CPU per certificate", last.cpuMillisPerCertificate()),
                        warm.prepared(), warm.misissued());
            }
            if (churn != null) {
                out.printf("  while: %s%n", churn);
            }
            out.printf("  throughput: %.1f certificates/s%s%n", throughput, median);
            out.printf("  prepare latency ms: p50 %.1f  p95 %.1f  p99 %.1f%s%n", median(rounds, r -> r.prepare(50)),
                    median(rounds, r -> r.prepare(95)), median(rounds, r -> r.prepare(99)), median);
            out.printf("  whole flow ms:      p50 %.1f  p95 %.1f  p99 %.1f%s%n", median(rounds, r -> r.flow(50)),
                    median(rounds, r -> r.flow(95)), median(rounds, r -> r.flow(99)), median);
            out.printf("  render-only ceiling: %.1f certificates/s (%d threads) → issuance at %.0f%% of it%s%n",
                    ceiling, threads, ratio * 100, median);
            if (isolated == null) {
                out.printf("  CPU time per certificate: %.1f ms = server %.1f + kiosk simulators %.1f + garbage collector %.1f "
                        + "+ JIT compiler %.1f (render-only: %.1f ms per document)%s%n", cpuPerCertificate, serverCpu, kioskCpu,
                        gcCpu, jitCpu, cpuPerRender, median);
            } else {
                out.printf("  CPU time per certificate in this process: %.1f ms = kiosk simulators %.1f + garbage collector "
                        + "%.1f + JIT compiler %.1f + other %.1f (render-only: %.1f ms per document)%s%n", cpuPerCertificate,
                        kioskCpu, gcCpu, jitCpu, serverCpu, cpuPerRender, median);
            }
            if (isolated != null) {
                out.printf("  isolated: the server's JVM on CPU %s used %.1f ms of CPU per certificate (its JIT compiler "
                                + "%.2f ms of it); this process (kiosks, render-only) on CPU %s%s%n", isolated.serverCpus(),
                        median(rounds, Round::isolatedServerCpuPerCertificate),
                        median(rounds, Round::isolatedServerJitPerCertificate), isolated.ownCpus(), median);
            }
            out.printf("  JIT compilation while measuring: %.1f s (a longer --warmup if large)%n", jitSeconds);
            out.printf("  machine: %d cores, load average %.2f%n", machineCores, loadAverage);
        }

        private static Map<String, Double> medianPercentiles(List<Round> rounds, boolean prepare) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int p : new int[] {50, 95, 99}) {
                m.put("p" + p, round(median(rounds, r -> prepare ? r.prepare(p) : r.flow(p))));
            }
            return m;
        }

        private static Map<String, Double> percentiles(List<Double> sorted) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int p : new int[] {50, 95, 99}) {
                m.put("p" + p, round(IssueLoad.Result.percentile(sorted, p)));
            }
            return m;
        }

        private static double round(double d) {
            return Math.round(d * 10) / 10.0;
        }
    }
}
