package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the delta sync (issue 3): the process applying batches is killed with SIGKILL at random
 * moments — during JVM start-up, while it parses a batch, inside the apply transaction, around its commit
 * — then restarted on the same H2 file; after every kill the replica must stand exactly at a batch
 * boundary (each source's tables equal those of a clean pass after the same number of that source's
 * batches), and once a run completes the replica must equal the clean pass's final state.
 *
 * <p>The randomness is seeded; the seed is printed and {@code -Dkofu.faults.seed=S} replays a run.
 * {@code -Dkofu.faults.kills=N} sets the number of kills (default 50). {@code -Dkofu.faults.h2=SETTINGS}
 * appends H2 settings to the URL of the killed replica, e.g. {@code ;WRITE_DELAY=5} to have H2's background
 * writer store every 5 ms (what kofu's {@code WRITE_DELAY=0} is there to prevent, see {@code Database}).
 *
 * <p>When a kill leaves a source's tables off the boundary its sequence names, the failure message says which
 * clean boundary they do equal (if any), per table which rows differ, and the {@code sync_state} rows; the
 * database files as the kill left them are kept under {@code target/sync-fault-failures}.
 */
class SyncFaultTest {

    private static final int DELTAS = 6;
    private static final List<String> SOURCES = List.of("jukiki", "tax");

    @TempDir
    Path dir;

    /** One run of the applying process: how it ended and what it printed. */
    private record Run(boolean killed, int exitCode, long millis, String phase, long ready, String out) {
    }

    @Test
    void killedAtRandomPointsAndRestartedTheReplicaEndsEqualToACleanPassAndEveryKillLeftABatchBoundary()
            throws Exception {
        long seed = Long.getLong("kofu.faults.seed", System.nanoTime());
        int kills = Integer.getInteger("kofu.faults.kills", 50);
        System.out.println("SyncFaultTest seed " + seed + " (replay with -Dkofu.faults.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);

        Path town = dir.resolve("town");
        CliRun generated = CliRun.run("generate", "--tenant", "402036", "--residents", "300", "--seed", "11",
                "--reference-date", "2026-11-26", "--deltas", String.valueOf(DELTAS), "--cards", "0",
                "--out", town.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        List<Path> batches = new ArrayList<>();
        for (int sequence = 2; sequence <= DELTAS + 1; sequence++) {
            for (String source : SOURCES) {
                batches.add(town.resolve(String.format("%s-%06d-delta", source, sequence)));
            }
        }

        // the clean pass, in this JVM: the state of each source's tables after each of its batches
        String clean = url(dir.resolve("clean"));
        Map<String, Map<Long, String>> boundaries = new HashMap<>();
        Map<String, Map<Long, ReplicaDump.Detail>> details = new HashMap<>();
        ReplicaDump.Dump cleanFinal;
        try (InProcess cli = new InProcess(clean)) {
            cli.ok("load", "--db", clean, "--tenant", "402036", town.toString());
            record(boundaries, details, clean);
            for (Path batch : batches) {
                cli.ok("sync", "apply", "--db", clean, batch.toString());
                record(boundaries, details, clean);
            }
            cleanFinal = ReplicaDump.of(clean);
        }
        assertThat(cleanFinal.sequences()).containsEntry("jukiki", DELTAS + 1L).containsEntry("tax", DELTAS + 1L);

        // the loaded replica every round starts from
        Path base = dir.resolve("base");
        try (InProcess cli = new InProcess(url(base))) {
            cli.ok("load", "--db", url(base), "--tenant", "402036", town.toString());
        }

        Map<String, Integer> phases = new TreeMap<>();
        int killed = 0;
        int rounds = 0;
        long startup = 0;
        long work = 0;
        while (killed < kills) {
            rounds++;
            Path roundDir = dir.resolve("round-" + rounds);
            Path killedRaw = dir.resolve("killed-raw");
            copy(base, roundDir);
            String db = url(roundDir) + System.getProperty("kofu.faults.h2", "");
            ReplicaDump.Dump after = ReplicaDump.of(db);
            for (int attempt = 1; ; attempt++) {
                ReplicaDump.Dump before = after;
                List<Path> remaining = batches.stream()
                        .filter(b -> sequence(b) > before.sequence(source(b))).toList();
                // the first run of all is never killed: it measures start-up and the work per batch (and once
                // the kills are done, the round's last run goes to completion); otherwise
                // kills land in start-up one time in five, else anywhere in the remaining batches' work
                // (reading and checking files, parsing, inside the transaction, around the commit)
                long delay = work == 0 || killed >= kills ? Long.MAX_VALUE
                        : random.nextInt(5) == 0 ? random.nextLong(startup)
                        : startup + random.nextLong(Math.max(1, work * remaining.size() / batches.size()));
                Run run = runApplier(db, remaining, delay);
                if (run.killed()) {
                    // the files exactly as the kill left them, before anything reopens (and so recovers) them
                    copy(roundDir, killedRaw);
                }
                if (work == 0) {
                    startup = Math.max(1, run.ready());
                    work = Math.max(1, run.millis() - startup + run.millis() / 10);
                    System.out.println("SyncFaultTest: an uninterrupted run takes " + run.millis() + " ms, "
                            + startup + " ms of it start-up");
                }
                after = ReplicaDump.of(db);
                if (!run.killed() && delay != Long.MAX_VALUE) {
                    // it finished before its kill: the runs are faster than the first (warm disk and caches),
                    // so aim the later kills at a shorter window
                    work = Math.max(1, work * 9 / 10);
                }
                if (!run.killed()) {
                    assertThat(run.exitCode()).as("round %d attempt %d: %s", rounds, attempt, run.out()).isZero();
                    assertThat(after).as("round %d: final replica after %d kill(s)", rounds, attempt - 1)
                            .isEqualTo(cleanFinal);
                    break;
                }
                killed++;
                phases.merge(run.phase(), 1, Integer::sum);
                assertThat(run.exitCode()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
                for (String source : SOURCES) {
                    long at = after.sequence(source);
                    String tables = "jukiki".equals(source) ? after.jukiki() : after.tax();
                    String description = String.format(
                            "round %d kill %d (after %d ms, %s): the %s tables equal the clean pass at batch %d",
                            rounds, killed, delay, run.phase(), source, at);
                    if (at < before.sequence(source) || !tables.equals(boundaries.get(source).get(at))) {
                        description += diagnosis(source, at, tables, boundaries.get(source), details.get(source), db,
                                run, killedRaw, roundDir, seed, rounds, killed);
                    }
                    assertThat(at).as("%s sequence after kill %d; %s", source, killed, description)
                            .isGreaterThanOrEqualTo(before.sequence(source));
                    assertThat(tables).as(description).isEqualTo(boundaries.get(source).get(at));
                }
            }
        }
        System.out.println("SyncFaultTest: " + killed + " kills in " + rounds + " rounds (start-up " + startup
                + " ms, work " + work + " ms), where they landed: " + phases);
        assertThat(phases.getOrDefault("inside a batch", 0)).as("kills that landed inside a batch's apply")
                .isGreaterThanOrEqualTo(kills / 2);
        assertThat(phases.getOrDefault("start-up", 0)).as("kills that landed in start-up").isPositive();
    }

    private static void record(Map<String, Map<Long, String>> boundaries,
                               Map<String, Map<Long, ReplicaDump.Detail>> details, String db) {
        ReplicaDump.Dump dump = ReplicaDump.of(db);
        boundaries.computeIfAbsent("jukiki", k -> new HashMap<>()).put(dump.sequence("jukiki"), dump.jukiki());
        boundaries.computeIfAbsent("tax", k -> new HashMap<>()).put(dump.sequence("tax"), dump.tax());
        details.computeIfAbsent("jukiki", k -> new HashMap<>())
                .put(dump.sequence("jukiki"), ReplicaDump.detail(db, ReplicaDump.JUKIKI_TABLES));
        details.computeIfAbsent("tax", k -> new HashMap<>())
                .put(dump.sequence("tax"), ReplicaDump.detail(db, ReplicaDump.TAX_TABLES));
    }

    /**
     * What a failed boundary check found, appended to the assertion's description: the clean boundary the
     * source's tables do equal, if any (the data of a batch kept while its sequence number was lost, or the
     * reverse), per table the boundaries it equals, the keys of the rows that differ from the clean pass at
     * the stored sequence and at the next one, the {@code sync_state} rows, and the applier's output. The
     * database files as the kill left them (before the dump reopened them) and after are kept under
     * {@code target/sync-fault-failures} for a post-mortem.
     */
    private static String diagnosis(String source, long at, String tables, Map<Long, String> boundaries,
                                    Map<Long, ReplicaDump.Detail> details, String db, Run run, Path killedRaw,
                                    Path roundDir, long seed, int round, int kill) throws IOException {
        Map<String, String> keyColumns = "jukiki".equals(source) ? ReplicaDump.JUKIKI_TABLES : ReplicaDump.TAX_TABLES;
        ReplicaDump.Detail actual = ReplicaDump.detail(db, keyColumns);
        StringBuilder out = new StringBuilder("\n-- diagnosis (seed ").append(seed).append(") --");
        List<Long> equal = new TreeMap<>(boundaries).entrySet().stream()
                .filter(e -> e.getValue().equals(tables)).map(Map.Entry::getKey).toList();
        out.append("\nsync_state says ").append(source).append(' ').append(at).append("; the ").append(source)
                .append(" tables ").append(equal.isEmpty() ? "equal no clean boundary (a partial batch?)"
                        : "equal clean@" + equal + (equal.stream().anyMatch(n -> n > at)
                        ? " (the data of a later batch kept, its sequence update lost)"
                        : " (a sequence update kept without its data)"));
        String second = ReplicaDump.hashFromSecondSession(db, keyColumns);
        List<Long> secondEqual = new TreeMap<>(boundaries).entrySet().stream()
                .filter(e -> e.getValue().equals(second)).map(Map.Entry::getKey).toList();
        out.append("\nread by a session with another transaction id, they ")
                .append(second.equals(tables) ? "read the same" : "read differently")
                .append(secondEqual.isEmpty() ? " and equal no clean boundary" : " and equal clean@" + secondEqual);
        for (String table : actual.tables().keySet()) {
            List<Long> tableEqual = new TreeMap<>(details).entrySet().stream()
                    .filter(e -> actual.tables().get(table).equals(e.getValue().tables().get(table)))
                    .map(Map.Entry::getKey).toList();
            out.append("\n  ").append(table).append(": ").append(actual.tables().get(table).size()).append(" rows, ")
                    .append(tableEqual.isEmpty() ? "equal to no clean boundary" : "equal to clean@" + tableEqual);
        }
        for (long n : new long[] {at, at + 1}) {
            ReplicaDump.Detail expected = details.get(n);
            if (expected == null) {
                continue;
            }
            out.append("\nrows differing from clean@").append(n).append(':');
            actual.differences(expected).forEach((table, d) -> out.append("\n  ").append(table).append(": ").append(d));
        }
        out.append("\nsync_state rows (tenant/source/sequence/applied_at): ").append(actual.syncState());
        Path kept = Path.of(System.getProperty("basedir", "."), "target", "sync-fault-failures",
                "seed-" + seed + "-round-" + round + "-kill-" + kill);
        copy(killedRaw, kept.resolve("as-killed"));
        copy(roundDir, kept.resolve("after-reopen"));
        Files.writeString(kept.resolve("applier.log"), run.out());
        out.append("\ndatabase files as killed and after reopening kept in ").append(kept.toAbsolutePath());
        out.append("\napplier output:\n").append(run.out().strip());
        Files.writeString(kept.resolve("diagnosis.txt"), out);
        return out.toString();
    }

    /**
     * Starts the applier on the remaining batches and kills it with SIGKILL after the delay, unless it ends
     * first. {@link Process#destroyForcibly()} sends SIGKILL on Linux; the exit code 137 checks it.
     */
    private Run runApplier(String db, List<Path> remaining, long delayMillis) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto",
                "-cp", classPath(), ApplyAllMain.class.getName(), db));
        remaining.forEach(b -> command.add(b.toString()));
        Path log = Files.createTempFile(dir, "applier-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        long wait = Math.min(delayMillis, 120_000);
        boolean ended = process.waitFor(wait, TimeUnit.MILLISECONDS);
        boolean killed = false;
        if (!ended) {
            process.destroyForcibly();
            process.waitFor();
            if (process.exitValue() != 137) {
                // it ended on its own between the timeout and the signal: it finished, it was not killed
                ended = true;
            } else {
                killed = wait == delayMillis;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String out = Files.readString(log);
        assertThat(killed || ended).as("the applier did not end within 120 s: %s", out).isTrue();
        long ready = out.lines().filter(l -> l.startsWith("ready ")).mapToLong(l -> Long.parseLong(l.substring(6)))
                .findFirst().orElse(0);
        return new Run(killed, process.exitValue(), millis, phase(out), ready, out);
    }

    /** Where the process was when it died, from its begin/end lines. */
    private static String phase(String out) {
        String last = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("begin ") || line.startsWith("end ")) {
                last = line;
            }
        }
        if (last == null) {
            return out.lines().anyMatch(l -> l.startsWith("ready ")) ? "between batches" : "start-up";
        }
        return last.startsWith("begin ") ? "inside a batch" : "between batches";
    }

    /** The test's class path: surefire passes it in a property when it starts tests through a manifest jar. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String url(Path dbDir) {
        return "jdbc:h2:file:" + dbDir.resolve("kofu");
    }

    /** The command line in this JVM on one database, closed (file released) at the end. */
    private static final class InProcess implements AutoCloseable {
        private final String db;
        private final java.io.StringWriter err = new java.io.StringWriter();
        private final CliEnvironment environment = new CliEnvironment(
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(err, true), Map.of(), CliRun.CLOCK);

        InProcess(String db) {
            this.db = db;
        }

        void ok(String... args) {
            assertThat(Cli.execute(environment, args)).as("%s: %s", List.of(args), err).isZero();
        }

        @Override
        public void close() {
            environment.kofu(db).getInstance(jp.kofu.adapters.persistence.Database.class).close();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String source(Path batch) {
        return batch.getFileName().toString().split("-")[0];
    }

    private static long sequence(Path batch) {
        return Long.parseLong(batch.getFileName().toString().split("-")[1]);
    }
}
