package jp.kofu.cli.kiosk;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The issuance server in a JVM of its own, for {@code kofu bench issue --isolate}: the server process is bound
 * to the first half of the machine's cores and this process — the simulated kiosks, which stand for the stores'
 * terminals and the residents' cards, and the render-only ceiling — to the other half (Linux {@code taskset}),
 * so that neither takes the other's CPU. Closing it stops the server and gives this process its cores back.
 */
public final class IsolatedServer implements AutoCloseable {

    private final Process process;
    private final URI uri;
    private final String serverCpus;
    private final String ownCpus;
    private final String ownMask;

    private IsolatedServer(Process process, URI uri, String serverCpus, String ownCpus, String ownMask) {
        this.process = process;
        this.uri = uri;
        this.serverCpus = serverCpus;
        this.ownCpus = ownCpus;
        this.ownMask = ownMask;
    }

    /** Whether this machine can bind processes to cores: Linux with {@code taskset} and at least two cores. */
    public static Optional<String> unavailableBecause() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return Optional.of("it needs at least 2 cores");
        }
        try {
            Process p = new ProcessBuilder("taskset", "-p", Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("taskset fails on this machine");
        } catch (IOException e) {
            return Optional.of("taskset (util-linux) is not installed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * Starts {@code kofu server} on the database (which no other process may hold open: H2 embedded) with the
     * test CA pinned, binds it and this process to their halves of the cores, and waits until it answers.
     *
     * @param log where the server's output goes
     */
    public static IsolatedServer start(String jdbcUrl, Path pki, Path log) throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        int half = cores / 2;
        String serverCpus = half == 1 ? "0" : "0-" + (half - 1);
        String ownCpus = cores - half == 1 ? Integer.toString(half) : half + "-" + (cores - 1);
        String ownMask = taskset("-p", Long.toString(ProcessHandle.current().pid())).replaceAll("(?s).*:\\s*", "").strip();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("taskset", "-c", serverCpus,
                ProcessHandle.current().info().command().orElse("java")));
        // the same heap and collector as this JVM, not its agents or recordings
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xm") || arg.startsWith("-XX:+Use") || arg.startsWith("-Dfile.encoding")
                    || arg.startsWith("-Djava.awt.headless")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "jp.kofu.cli.Main", "server",
                "--db", jdbcUrl, "--port", Integer.toString(port),
                "--trust-anchor", pki.resolve("test-ca.pem").toString(), "--crl", pki.resolve("test-ca.crl").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        IsolatedServer server = new IsolatedServer(process, URI.create("http://127.0.0.1:" + port), serverCpus, ownCpus,
                ownMask);
        try {
            taskset("-a", "-p", "-c", ownCpus, Long.toString(ProcessHandle.current().pid()));
            server.awaitHealth(Duration.ofSeconds(90), log);
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private void awaitHealth(Duration limit, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the isolated server ended with exit " + process.exitValue() + ": " + tail(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) uri.resolve("/health").toURL().openConnection();
                c.setConnectTimeout(1_000);
                c.setReadTimeout(5_000);
                if (c.getResponseCode() == 200) {
                    c.getInputStream().readAllBytes();
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("the isolated server did not answer /health within " + limit.toSeconds() + " s: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static String taskset(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }

    public URI uri() {
        return uri;
    }

    /** The cores the server is bound to, as taskset writes them. */
    public String serverCpus() {
        return serverCpus;
    }

    /** The cores this process is bound to while the server runs. */
    public String ownCpus() {
        return ownCpus;
    }

    /** CPU time the server process has used so far (user and system), 0 where the system does not tell. */
    public long cpuNanos() {
        return CpuTimes.ofProcess(process.pid());
    }

    /** CPU time the server's JIT compiler threads have used so far, 0 where the system does not tell. */
    public long compilerNanos() {
        return CpuTimes.compilerOf(process.pid());
    }

    /** Stops the server and binds this process to the cores it had before. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            taskset("-a", "-p", ownMask, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("this process could not get its cores back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
