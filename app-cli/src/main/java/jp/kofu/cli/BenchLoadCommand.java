package jp.kofu.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.adapters.jukiki.JukikiCsvWriter;
import jp.kofu.adapters.persistence.Database;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase;
import jp.kofu.core.sync.port.in.LoadInitialReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.JsonBatchManifestCodec;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;

/**
 * {@code kofu bench load}: the initial load (当初複製データの取込み) of a generated town into a fresh H2 file,
 * the plain bulk insert of the same rows as its baseline, and how fast a 1,000-record delta (異動データ)
 * becomes visible to issuance — all measured in one run, repeated, medians printed.
 *
 * <p>The baseline is what the database alone costs: the rows the load stored, read back into memory first
 * (not timed), then inserted with plain JDBC ({@code PreparedStatement.setObject}, batches of 2,000, each
 * committed, as kofu's first load of a tenant commits them) into another fresh H2 file with the same URL settings and the same
 * schema, primary keys and indexes (the same Flyway migrations). No parsing, checking, conversion or kofu
 * code in the timed part.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Measure in one run: the initial load of a generated town (every entity: checks, parsing,",
                "conversion, inserts, indexes, commit) into a fresh H2 file, with records/s; the baseline, a plain",
                "JDBC batch insert of the same rows into a fresh H2 file with the same schema; their ratio; and the",
                "time until a 1,000-record delta applied through the sync apply path is visible to an issuance read.",
                "Repeated --repeat times, medians printed. Targets: load <= 15 s and <= 3x the baseline; delta <= 250 ms."})
final class BenchLoadCommand implements Callable<Integer> {

    private static final LocalGovernmentCode TENANT = LocalGovernmentCode.parse("402036");
    private static final int BASELINE_BATCH = 2_000;
    /** The replica tables, each source's rows; the baseline inserts exactly these. */
    private static final List<String> TABLES = List.of("residents", "households", "seal_registrations",
            "suppression_flags", "cardholder_links", "tax_records");

    @Option(names = "--residents", defaultValue = "300000", paramLabel = "N",
            description = "Residents of the generated town (default ${DEFAULT-VALUE}).")
    int residents;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the town (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
            description = "The town's 'today' (default: today in Japan).")
    LocalDate referenceDate;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "R",
            description = "Measured runs, each on fresh database files (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--deltas", defaultValue = "20", paramLabel = "K",
            description = "Deltas applied per run for the visibility time (default ${DEFAULT-VALUE}).")
    int deltas;

    @Option(names = "--delta-records", defaultValue = "1000", paramLabel = "N",
            description = "Records (moved residents) per delta (default ${DEFAULT-VALUE}).")
    int deltaRecords;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the town and the databases go; a town written there before for the same "
                    + "--residents, --seed and date is reused (default: a new temporary directory).")
    Path dir;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    private final CliEnvironment environment;

    @Inject
    BenchLoadCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** One measured run. */
    record RunResult(long records, double loadSeconds, double parseSeconds, double writeSeconds,
                     long baselineRows, double baselineSeconds, List<Double> deltaMillis) {
    }

    @Override
    public Integer call() throws Exception {
        if (residents < 1 || repeat < 1 || deltas < 0 || deltaRecords < 1) {
            throw new UsageException("kofu bench load: --residents, --repeat and --delta-records must be positive, --deltas not negative");
        }
        Path work = dir != null ? Files.createDirectories(Options.absolute(dir)) : Files.createTempDirectory("kofu-bench-load-");
        LocalDate day = referenceDate != null ? referenceDate
                : LocalDate.now(environment.clock().withZone(ZoneId.of("Asia/Tokyo")));
        environment.err().printf("generating a town of %,d residents in %s …%n", residents, work);
        SyntheticTown town = new SyntheticTownGenerator().generate(TENANT, residents, seed, day);
        Path townDir = work.resolve("town");
        Path marker = townDir.resolve("bench-town.txt");
        String identity = residents + " " + seed + " " + day;
        if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(identity)) {
            deleteTree(townDir);
            new TownWriter(new JsonBatchManifestCodec()).writeFull(town, townDir);
            Files.writeString(marker, identity);
        }
        List<Path> deltaDirs = writeDeltas(town, work.resolve("deltas"));
        town = null; // the runs measure without the generator's heap

        List<RunResult> runs = new ArrayList<>();
        for (int r = 1; r <= repeat; r++) {
            environment.err().printf("run %d of %d …%n", r, repeat);
            runs.add(run(work.resolve("run-" + r), townDir, deltaDirs));
        }
        report(runs, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return Cli.OK;
    }

    private RunResult run(Path runDir, Path townDir, List<Path> deltaDirs) throws Exception {
        deleteTree(runDir);
        String loadUrl = "jdbc:h2:file:" + runDir.resolve("load/kofu");
        String baseUrl = "jdbc:h2:file:" + runDir.resolve("baseline/kofu");
        Injector kofu = Kofu.injector(new KofuConfig(loadUrl, 0), environment.clock());
        try {
            // 1. the initial load, all of it: manifests and checksums, parsing, conversion, insert, commit
            System.gc();
            List<Path> full = LoadCommand.fullBatches(kofu.getInstance(BatchManifestPort.class), townDir);
            long start = System.nanoTime();
            LoadInitialReplicaUseCase.Report report = kofu.getInstance(LoadInitialReplicaUseCase.class)
                    .load(new LoadInitialReplicaUseCase.Command(TENANT, full));
            double loadSeconds = (System.nanoTime() - start) / 1e9;

            // 2. the baseline: the same rows, plain JDBC, into a fresh database with the same schema
            System.gc();
            long[] baselineRows = new long[1];
            double baselineSeconds;
            try (Database baseline = Database.open(baseUrl)) {
                baselineSeconds = baseline(kofu.getInstance(Database.class), baseline, baselineRows);
            }

            // 3. deltas through the apply path while a reader waits for their data
            List<Double> visible = deltas(kofu, deltaDirs);
            return new RunResult(report.totalRecords(), loadSeconds, report.parsing().toMillis() / 1000.0,
                    report.writing().toMillis() / 1000.0, baselineRows[0], baselineSeconds, visible);
        } finally {
            kofu.getInstance(Database.class).close();
            deleteTree(runDir.resolve("baseline"));
        }
    }

    /** Inserts every replica row of the loaded database into the other; returns the seconds of the inserts. */
    private static double baseline(Database from, Database to, long[] rows) throws SQLException {
        long nanos = 0;
        try (Connection source = from.dataSource().getConnection(); Connection target = to.dataSource().getConnection()) {
            target.setAutoCommit(false);
            for (String table : TABLES) {
                List<Object[]> data = new ArrayList<>();
                String[] columns;
                try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    columns = new String[meta.getColumnCount()];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = meta.getColumnName(i + 1);
                    }
                    while (rs.next()) {
                        Object[] row = new Object[columns.length];
                        for (int i = 0; i < columns.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        data.add(row);
                    }
                }
                String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
                long start = System.nanoTime();
                try (PreparedStatement ps = target.prepareStatement(sql)) {
                    int n = 0;
                    for (Object[] row : data) {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.addBatch();
                        if (++n % BASELINE_BATCH == 0) {
                            ps.executeBatch();
                            // committed per batch, as kofu's first load of a tenant is
                            target.commit();
                        }
                    }
                    ps.executeBatch();
                }
                nanos += System.nanoTime() - start;
                rows[0] += data.size();
            }
            long start = System.nanoTime();
            target.commit();
            nanos += System.nanoTime() - start;
        }
        return nanos / 1e9;
    }

    /**
     * Applies each delta through {@link ApplyBatchUseCase} (what {@code kofu sync apply} runs) while another
     * thread reads, through the issuance read port, the last resident the delta changes until its new
     * version is there; the time from the start of the apply to that read, per delta.
     */
    private List<Double> deltas(Injector kofu, List<Path> deltaDirs) throws Exception {
        ApplyBatchUseCase apply = kofu.getInstance(ApplyBatchUseCase.class);
        ReplicaReadPort replica = kofu.getInstance(ReplicaReadPort.class);
        List<Double> millis = new ArrayList<>();
        for (Path batch : deltaDirs) {
            Resident last = lastResident(batch);
            AtomicLong seenAt = new AtomicLong();
            Thread reader = new Thread(() -> {
                while (true) {
                    Optional<Resident> now = replica.read(TENANT, s -> s.resident(last.key()));
                    if (now.isPresent() && now.get().version() >= last.version()) {
                        seenAt.set(System.nanoTime());
                        return;
                    }
                    try {
                        Thread.sleep(0, 200_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-reader");
            long start = System.nanoTime();
            reader.start();
            ApplyBatchUseCase.Outcome outcome = apply.apply(new ApplyBatchUseCase.Command(TENANT, batch));
            if (!(outcome instanceof ApplyBatchUseCase.Applied)) {
                reader.interrupt();
                throw new IllegalStateException("kofu bench load: delta " + batch.getFileName() + " was not applied: "
                        + outcome.message());
            }
            reader.join(60_000);
            if (seenAt.get() == 0) {
                reader.interrupt();
                throw new IllegalStateException("kofu bench load: delta " + batch.getFileName() + " applied but not visible after 60 s");
            }
            millis.add((seenAt.get() - start) / 1e6);
        }
        return millis;
    }

    private final Map<Path, Resident> lastOfDelta = new LinkedHashMap<>();

    private Resident lastResident(Path batch) {
        return lastOfDelta.get(batch);
    }

    /**
     * Writes the deltas: delta k moves {@code --delta-records} residents (a fresh set each time) to another
     * resident's address (転居), each with its version incremented — resident-record batches 2, 3, …
     */
    private List<Path> writeDeltas(SyntheticTown town, Path out) throws IOException {
        deleteTree(out);
        List<Resident> all = new ArrayList<>(town.content().residents());
        Collections.shuffle(all, new java.util.Random(seed));
        SplittableRandom random = new SplittableRandom(seed);
        Instant at = town.referenceDate().atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant();
        JsonBatchManifestCodec manifests = new JsonBatchManifestCodec();
        List<Path> dirs = new ArrayList<>();
        int n = Math.min(deltaRecords, all.size());
        for (int k = 0; k < deltas; k++) {
            List<Resident> moved = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Resident r = all.get((k * n + i) % all.size());
                Resident to = all.get(random.nextInt(all.size()));
                moved.add(moved(r, to.address(), k / Math.max(1, all.size() / n) + 1));
            }
            long sequence = k + 2L;
            Path batch = out.resolve(Batches.name(SourceSystem.JUKIKI, sequence, BatchKind.DELTA));
            List<BatchFile> files = new JukikiCsvWriter().write(batch,
                    new ReplicaContent(moved, List.of(), List.of(), List.of(), List.of(), List.of()));
            manifests.write(batch, new BatchManifest(TENANT, SourceSystem.JUKIKI, sequence, BatchKind.DELTA,
                    at.plusSeconds(300 * (k + 1)), files));
            lastOfDelta.put(batch, moved.get(moved.size() - 1));
            dirs.add(batch);
        }
        return dirs;
    }

    private static Resident moved(Resident r, PrintedText address, long round) {
        return new Resident(r.key(), r.household(), r.name(), r.nameKana(), r.formerSurname(), r.formerSurnameKana(),
                r.alias(), r.birthDate(), r.sex(), r.relationship(), address, r.addressSupplement(), r.domicile(),
                r.domicileHead(), r.becameResidentOn(), r.addressSetOn(), r.notifiedOn(), r.addressBeforeMoveIn(),
                r.address(), PrintedText.plain("転居"), r.individualNumber(), r.residentRecordCode(), r.status(),
                r.foreign(), r.version() + round);
    }

    private void report(List<RunResult> runs, double loadAverage) throws IOException {
        List<Double> load = runs.stream().map(RunResult::loadSeconds).toList();
        List<Double> base = runs.stream().map(RunResult::baselineSeconds).toList();
        List<Double> ratios = runs.stream().map(r -> r.loadSeconds() / r.baselineSeconds()).toList();
        List<Double> perRunDelta = runs.stream().map(r -> median(r.deltaMillis())).toList();
        List<Double> allDelta = runs.stream().flatMap(r -> r.deltaMillis().stream()).toList();
        long records = runs.get(0).records();
        double loadMedian = median(load);
        double baseMedian = median(base);
        double ratio = median(ratios);
        double deltaMedian = median(allDelta);
        double deltaP95 = percentile(allDelta, 95);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("residents", residents);
            doc.put("records", records);
            doc.put("runs", runs.size());
            doc.put("loadSeconds", round(loadMedian));
            doc.put("loadRecordsPerSecond", Math.round(records / loadMedian));
            doc.put("loadSecondsPerRun", load.stream().map(BenchLoadCommand::round).toList());
            doc.put("parseSecondsPerRun", runs.stream().map(r -> round(r.parseSeconds())).toList());
            doc.put("writeSecondsPerRun", runs.stream().map(r -> round(r.writeSeconds())).toList());
            doc.put("baselineSeconds", round(baseMedian));
            doc.put("baselineRows", runs.get(0).baselineRows());
            doc.put("baselineSecondsPerRun", base.stream().map(BenchLoadCommand::round).toList());
            doc.put("ratioToBaseline", round(ratio));
            doc.put("deltaRecords", deltaRecords);
            doc.put("deltasPerRun", deltas);
            doc.put("deltaVisibleMillisMedian", round(deltaMedian));
            doc.put("deltaVisibleMillisP95", round(deltaP95));
            doc.put("deltaVisibleMillisMedianPerRun", perRunDelta.stream().map(BenchLoadCommand::round).toList());
            doc.put("targetsMet", loadMedian <= 15 && ratio <= 3 && deltaMedian <= 250);
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("loadAverage", round(loadAverage));
            environment.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            return;
        }
        var out = environment.out();
        out.printf("kofu bench load: town of %,d residents, %,d records, H2 file, %d run(s), medians%n",
                residents, records, runs.size());
        out.printf("  initial load:  %6.2f s  %,9d records/s   (runs %s; check+parse %s s, write %s s)%n",
                loadMedian, Math.round(records / loadMedian), seconds(load),
                seconds(runs.stream().map(RunResult::parseSeconds).toList()),
                seconds(runs.stream().map(RunResult::writeSeconds).toList()));
        out.printf("  baseline:      %6.2f s  %,9d rows/s      (runs %s; plain JDBC batch insert of the same %,d rows,%n",
                baseMedian, Math.round(runs.get(0).baselineRows() / baseMedian), seconds(base), runs.get(0).baselineRows());
        out.println("                 read back first, batches of 2,000 each committed, same schema and indexes, fresh H2 file)");
        out.printf("  ratio:         %6.2f x the baseline   (target <= 3; load target <= 15 s)%n", ratio);
        out.printf("  delta of %,d records visible to issuance: median %.1f ms, p95 %.1f ms over %d deltas (per-run medians %s ms; target <= 250 ms)%n",
                deltaRecords, deltaMedian, deltaP95, allDelta.size(),
                perRunDelta.stream().map(d -> String.format("%.1f", d)).toList());
        out.printf("  machine: %d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(), loadAverage);
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile; the median of an even count is the mean of the two middle values. */
    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        if (p == 50 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
