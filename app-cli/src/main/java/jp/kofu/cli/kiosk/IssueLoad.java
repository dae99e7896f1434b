package jp.kofu.cli.kiosk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jp.kofu.adapters.jlis.jpki.TestPki;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.replica.domain.PersonKey;

/**
 * The kiosk load (キオスク負荷): N simulated kiosks, each in its own store, walk the whole flow over HTTP with
 * JPKI signing — challenge, authenticate, prepare, then printed (paid), cancelled, or no answer at all (left
 * to the timeout) — for a duration or a number of issuances. Every returned PDF is checked by the
 * {@link ResidentOracle} against the authenticated cardholder; the count of failures is the misissuance
 * count. Bounded: it stops by itself.
 */
public final class IssueLoad {

    /** A test card and the 宛名番号 its link names. */
    public record Holder(TestPki.Card card, PersonKey person) {
        public Holder {
            Objects.requireNonNull(card);
            Objects.requireNonNull(person);
        }
    }

    /**
     * @param kiosks concurrent kiosks
     * @param duration how long to run (the run also stops after {@code maxIssuances})
     * @param maxIssuances stop after this many prepared certificates (0: no limit)
     * @param cancelRate share of prepared certificates the resident cancels
     * @param abandonRate share never answered (voided later by the server's timeout)
     * @param kinds the kinds asked for, in turn
     * @param checkAfter keep each PDF with the cardholder and the request's time span and let the oracle check
     *     them all once the kiosks have stopped, so the load generator's own PDF parsing does not compete with
     *     the server for the cores during the measured run (the verdict is the same: the oracle judges by the
     *     recorded time span, not by when it looks)
     */
    public record Settings(int kiosks, Duration duration, long maxIssuances, double cancelRate, double abandonRate,
                           List<CertificateKind> kinds, boolean checkAfter) {
        public Settings {
            if (kiosks < 1) {
                throw new IllegalArgumentException("at least one kiosk");
            }
            kinds = List.copyOf(kinds);
        }

        /** Checks every PDF as it arrives. */
        public Settings(int kiosks, Duration duration, long maxIssuances, double cancelRate, double abandonRate,
                        List<CertificateKind> kinds) {
            this(kiosks, duration, maxIssuances, cancelRate, abandonRate, kinds, false);
        }
    }

    /** A PDF waiting for the oracle. */
    private record Pending(PersonKey holder, CertificateKind kind, byte[] pdf, Instant start, Instant end) {
    }

    /**
     * What a run measured.
     *
     * @param prepared certificates prepared (PDF received)
     * @param issued completed as printed and paid
     * @param cancelled completed as cancelled
     * @param abandoned left without an answer
     * @param refused suppressed or refused answers (business answers, not errors)
     * @param errors failed calls (transport errors, 4xx/5xx)
     * @param misissued PDFs that were not the authenticated cardholder's
     * @param seconds wall time of the run (without the oracle's deferred checks)
     * @param prepareMillis latency of each prepare call
     * @param flowMillis latency of each whole flow (challenge to answer)
     * @param errorKinds counts of error kinds
     * @param cpuSeconds CPU time of the whole process (server and kiosks when in one process) during the run,
     *     without the oracle's deferred checks; 0 where the JVM does not tell
     * @param kioskCpuSeconds CPU time of the simulated kiosks' own threads during the run (JPKI signing, their HTTP
     *     client and its system calls); the rest of {@code cpuSeconds} is the server's, the JIT compiler's and the
     *     garbage collector's; 0 where the JVM does not tell
     * @param compilerCpuSeconds CPU time of the JIT compiler threads during the run (Linux: from /proc); 0 where
     *     the system does not tell
     * @param collectorCpuSeconds CPU time of the garbage collector's threads during the run (Linux: from /proc); 0
     *     where the system does not tell
     */
    public record Result(long prepared, long issued, long cancelled, long abandoned, long refused, long errors,
                         long misissued, double seconds, List<Double> prepareMillis, List<Double> flowMillis,
                         Map<String, Long> errorKinds, double cpuSeconds, double kioskCpuSeconds,
                         double compilerCpuSeconds, double collectorCpuSeconds) {
        public double throughput() {
            return seconds == 0 ? 0 : prepared / seconds;
        }

        /** CPU milliseconds of the process per prepared certificate. */
        public double cpuMillisPerCertificate() {
            return prepared == 0 ? Double.NaN : cpuSeconds * 1000 / prepared;
        }

        /** CPU milliseconds of the garbage collector's threads per prepared certificate. */
        public double collectorCpuMillisPerCertificate() {
            return prepared == 0 ? Double.NaN : collectorCpuSeconds * 1000 / prepared;
        }

        /** CPU milliseconds of the JIT compiler threads per prepared certificate. */
        public double compilerCpuMillisPerCertificate() {
            return prepared == 0 ? Double.NaN : compilerCpuSeconds * 1000 / prepared;
        }

        /** CPU milliseconds of the simulated kiosks' threads per prepared certificate. */
        public double kioskCpuMillisPerCertificate() {
            return prepared == 0 ? Double.NaN : kioskCpuSeconds * 1000 / prepared;
        }

        public static double percentile(List<Double> sorted, double p) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }
    }

    private final KioskClient client;
    private final List<Holder> holders;
    private final ResidentOracle oracle;
    private final Clock clock;

    public IssueLoad(KioskClient client, List<Holder> holders, ResidentOracle oracle, Clock clock) {
        if (holders.isEmpty()) {
            throw new IllegalArgumentException("no test card to load with");
        }
        this.client = client;
        this.holders = List.copyOf(holders);
        this.oracle = oracle;
        this.clock = clock;
    }

    /** Runs the load and waits for every kiosk to finish. */
    public Result run(Settings settings, long seed) throws InterruptedException {
        LongAdder prepared = new LongAdder();
        LongAdder issued = new LongAdder();
        LongAdder cancelled = new LongAdder();
        LongAdder abandoned = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder misissued = new LongAdder();
        // a kiosk reserves one of the certificates asked for before its flow and gives it back unless it got a PDF
        long wanted = settings.maxIssuances() > 0 ? settings.maxIssuances() : Long.MAX_VALUE;
        AtomicLong reserved = new AtomicLong();
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        java.util.Queue<Pending> pending = settings.checkAfter() ? new java.util.concurrent.ConcurrentLinkedQueue<>() : null;
        List<Double> prepareMillis = Collections.synchronizedList(new ArrayList<>());
        List<Double> flowMillis = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + settings.duration().toNanos();
        CountDownLatch done = new CountDownLatch(settings.kiosks());
        long started = System.nanoTime();
        long cpuStarted = CpuTimes.process();
        long compilerStarted = CpuTimes.compiler();
        long collectorStarted = CpuTimes.collector();
        LongAdder kioskCpuNanos = new LongAdder();
        for (int k = 0; k < settings.kiosks(); k++) {
            int kioskNo = k;
            KioskClient kiosk = client.atStore(String.format("S%07d", kioskNo + 1), String.format("%02d", 1 + kioskNo % 47));
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + kioskNo);
            Thread t = new Thread(() -> {
                try {
                    int turn = 0;
                    while (System.nanoTime() < deadline) {
                        if (reserved.getAndIncrement() >= wanted) {
                            reserved.decrementAndGet();
                            if (prepared.sum() >= wanted) {
                                break;
                            }
                            Thread.sleep(1); // the last ones are in flight elsewhere: one may come back refused
                            continue;
                        }
                        Holder h = holders.get(random.nextInt(holders.size()));
                        CertificateKind kind = settings.kinds().get((kioskNo + turn++) % settings.kinds().size());
                        boolean gotPdf = false;
                        try {
                            gotPdf = flow(kiosk, h, kind, random, settings, prepared, issued, cancelled, abandoned, refused,
                                    misissued, prepareMillis, flowMillis, pending);
                        } catch (FlowError e) {
                            errors.increment();
                            errorKinds.merge(e.getMessage(), 1L, Long::sum);
                        } catch (IOException e) {
                            errors.increment();
                            errorKinds.merge("transport " + e.getClass().getSimpleName(), 1L, Long::sum);
                        } finally {
                            if (!gotPdf) {
                                reserved.decrementAndGet();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    kioskCpuNanos.add(CpuTimes.currentThread());
                    done.countDown();
                }
            }, "kiosk-" + kioskNo);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (CpuTimes.process() - cpuStarted) / 1e9;
        double compilerSeconds = Math.max(0, CpuTimes.compiler() - compilerStarted) / 1e9;
        double collectorSeconds = Math.max(0, CpuTimes.collector() - collectorStarted) / 1e9;
        if (pending != null) {
            pending.parallelStream().filter(p -> !oracle.isCardholders(p.holder(), p.kind(), p.pdf(), p.start(), p.end()))
                    .forEach(p -> misissued.increment());
        }
        List<Double> p = new ArrayList<>(prepareMillis);
        List<Double> f = new ArrayList<>(flowMillis);
        Collections.sort(p);
        Collections.sort(f);
        return new Result(prepared.sum(), issued.sum(), cancelled.sum(), abandoned.sum(), refused.sum(), errors.sum(),
                misissued.sum(), seconds, p, f, new TreeMap<>(errorKinds), cpuSeconds, kioskCpuNanos.sum() / 1e9,
                compilerSeconds, collectorSeconds);
    }

    /** An answer that is neither the expected one nor a business refusal. */
    private static final class FlowError extends Exception {
        FlowError(String what) {
            super(what, null, false, false);
        }
    }

    /** One flow; true when a PDF was prepared (whatever came after it). */
    private boolean flow(KioskClient kiosk, Holder h, CertificateKind kind, SplittableRandom random, Settings settings,
                      LongAdder prepared, LongAdder issued, LongAdder cancelled, LongAdder abandoned, LongAdder refused,
                      LongAdder misissued, List<Double> prepareMillis, List<Double> flowMillis,
                      java.util.Queue<Pending> pending)
            throws IOException, InterruptedException, FlowError {
        long t0 = System.nanoTime();
        Instant start = clock.instant();
        KioskClient.Reply auth = kiosk.authenticate(h.card());
        if (!"authenticated".equals(auth.result())) {
            throw new FlowError("authenticate " + auth.status() + " " + auth.result() + " " + auth.text("code"));
        }
        String session = auth.text("session");
        long t1 = System.nanoTime();
        KioskClient.Reply prep = kiosk.call("prepare", kiosk.body("session", session, "kind", kind.cliName()));
        long t2 = System.nanoTime();
        Instant end = clock.instant();
        if ("refused".equals(prep.result())) {
            refused.increment();
            return false;
        }
        if (!"prepared".equals(prep.result())) {
            throw new FlowError("prepare " + prep.status() + " " + prep.result());
        }
        prepared.increment();
        prepareMillis.add((t2 - t1) / 1e6);
        if (pending != null) {
            pending.add(new Pending(h.person(), kind, KioskClient.pdf(prep), start, end));
        } else if (!oracle.isCardholders(h.person(), kind, KioskClient.pdf(prep), start, end)) {
            misissued.increment();
        }
        double roll = random.nextDouble();
        if (roll < settings.abandonRate()) {
            abandoned.increment();
            flowMillis.add((System.nanoTime() - t0) / 1e6);
            return true;
        }
        boolean cancel = roll < settings.abandonRate() + settings.cancelRate();
        KioskClient.Reply complete = kiosk.call("complete", kiosk.body("session", session,
                "issuanceId", prep.text("issuanceId"), "outcome", cancel ? "cancelled" : "printed",
                "feePaid", cancel ? 0 : prep.json().path("fee").asLong()));
        flowMillis.add((System.nanoTime() - t0) / 1e6);
        String expected = cancel ? "voided" : "issued";
        if (!expected.equals(complete.result())) {
            throw new FlowError("complete " + complete.status() + " " + complete.result());
        }
        (cancel ? cancelled : issued).increment();
        return true;
    }
}
