package jp.kofu.cli.kiosk;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * CPU times the benchmarks split a certificate's cost by, in nanoseconds; each is 0 where the JVM or the system
 * does not tell. The JIT compiler's and the collector's threads are not Java threads the JVM lists, so they are
 * read, like another process, from Linux's {@code /proc}.
 */
public final class CpuTimes {

    /** Linux's USER_HZ: /proc counts CPU time in ticks of 10 ms. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTimes() {
    }

    /** This process, every thread. */
    public static long process() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** The calling thread, its whole life. */
    public static long currentThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? Math.max(0, threads.getCurrentThreadCpuTime()) : 0;
    }

    /**
     * This process's JIT compiler threads (tasks named "C1/C2 CompilerThre…"). A compiler thread the JVM retires
     * takes its time with it, so this may fall short, never over.
     */
    public static long compiler() {
        return threadsNamed(Path.of("/proc/self/task"), CpuTimes::isCompiler);
    }

    /** Another JVM's JIT compiler threads, as {@link #compiler()} reads this one's. */
    public static long compilerOf(long pid) {
        return threadsNamed(Path.of("/proc/" + pid + "/task"), CpuTimes::isCompiler);
    }

    private static boolean isCompiler(String comm) {
        return comm.contains("CompilerThre");
    }

    /**
     * This process's garbage collector: the tasks named "GC Thread…", "VM Thread" (which runs the collections'
     * safepoint operations) and G1's "G1 …" threads.
     */
    public static long collector() {
        return threadsNamed(Path.of("/proc/self/task"), comm -> comm.startsWith("GC Thread") || comm.startsWith("VM Thread") || comm.startsWith("G1 "));
    }

    /** Another process, user and system time. */
    public static long ofProcess(long pid) {
        try {
            return ofStat(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long threadsNamed(Path tasks, Predicate<String> named) {
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long nanos = 0;
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                try {
                    if (named.test(Files.readString(task.resolve("comm")).strip())) {
                        nanos += ofStat(task.resolve("stat"));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return nanos;
    }

    /** User and system time of a /proc stat file: after the command's closing parenthesis, fields 14 and 15. */
    private static long ofStat(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    }
}
