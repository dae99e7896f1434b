package jp.kofu.cli.kiosk;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells when a benchmark's warm-up has done its job, from the server's CPU time per certificate in
 * successive slices of load: the warm-up has settled once the JIT compiler is nearly idle and the cost per
 * certificate has stopped falling. A JVM serving kiosks on one core needs minutes for this (its compiler takes the
 * same core as the requests), so a fixed warm-up is either too short on a small machine or wasted on a large one.
 *
 * <p>Settled means, for the last slice: at least {@link #MIN_SLICES} slices so far, certificates prepared, the JIT
 * compiler's CPU under {@link #COMPILER_SHARE} of the server's, and the CPU per certificate not more than
 * {@link #STILL_FALLING} below the lower of the two slices before it. Noise can only make the warm-up longer: a slice
 * that happens to be cheap looks like progress and asks for another.
 *
 * <p>Where the server's CPU cannot be seen (a server on another machine), a slice's wall time stands for its CPU and
 * 0 for its compiler: the cost per certificate is then the inverse of the throughput at full load, and the warm-up
 * settles when the throughput stops rising.
 */
public final class WarmupGauge {

    /** Slices before the warm-up may settle: the first one holds the cold start. */
    public static final int MIN_SLICES = 3;
    /** Largest share of the server's CPU its JIT compiler may still take in a settled slice. */
    public static final double COMPILER_SHARE = 0.03;
    /** A slice cheaper per certificate than the two before it by more than this is still progress. */
    public static final double STILL_FALLING = 0.03;

    /**
     * One slice of the warm-up.
     *
     * @param seconds wall time of the slice
     * @param prepared certificates prepared in it
     * @param serverCpuMillis CPU time of the server in it (its JVM when isolated; the process without the simulated
     *     kiosks when in one process)
     * @param compilerCpuMillis CPU time of the server's JIT compiler threads in it; 0 where the system does not tell
     */
    public record Slice(double seconds, long prepared, double serverCpuMillis, double compilerCpuMillis) {
        public double throughput() {
            return seconds <= 0 ? 0 : prepared / seconds;
        }

        public double cpuMillisPerCertificate() {
            return prepared == 0 ? Double.NaN : serverCpuMillis / prepared;
        }

        public double compilerShare() {
            return serverCpuMillis <= 0 ? 0 : compilerCpuMillis / serverCpuMillis;
        }
    }

    private final List<Slice> slices = new ArrayList<>();

    public void add(Slice slice) {
        slices.add(slice);
    }

    public List<Slice> slices() {
        return List.copyOf(slices);
    }

    public boolean settled() {
        int n = slices.size();
        if (n < MIN_SLICES) {
            return false;
        }
        Slice last = slices.get(n - 1);
        if (last.prepared() == 0 || last.compilerShare() > COMPILER_SHARE) {
            return false;
        }
        double before = Math.min(slices.get(n - 2).cpuMillisPerCertificate(), slices.get(n - 3).cpuMillisPerCertificate());
        // NaN (a slice without certificates) compares false: not settled
        return last.cpuMillisPerCertificate() >= before * (1 - STILL_FALLING);
    }
}
