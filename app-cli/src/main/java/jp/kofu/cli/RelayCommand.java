package jp.kofu.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.cli.relay.Outbox;
import jp.kofu.cli.relay.Relay;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.server.json.JsonBatchManifestCodec;
import jp.kofu.server.sync.SyncClient;
import jp.kofu.server.sync.SyncKey;

/** {@code kofu relay}: the city-hall relay (連携用サーバ) between the vendor systems' outbox and the server. */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = {"The city-hall relay (連携用サーバ): watch the outbox, validate batches (manifest and checksums),",
                "forward them in order over signed HTTPS, retry with backoff, keep them in sent/ for resend,",
                "send a heartbeat every interval. With --once: forward what is there and exit",
                "0 all forwarded, 1 key refused, 3 a batch rejected, 4 server unreachable."})
final class RelayCommand implements Callable<Integer> {

    @Option(names = "--outbox", required = true, paramLabel = "DIR", description = "The folder vendors drop batches into.")
    Path outbox;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The server's sync endpoint, https://HOST:PORT.")
    URI server;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "This tenant's key: one line 'TENANT BASE64-SECRET' (default: $KOFU_SYNC_KEY_FILE).")
    Path keyFile;

    @Option(names = "--server-cert", paramLabel = "FILE",
            description = "PEM certificate(s) to trust for the server (its own or its CA); default: the JVM's trust store.")
    Path serverCert;

    @Option(names = "--sources", split = ",", paramLabel = "S", defaultValue = "jukiki,tax",
            description = "Sources forwarded and reported in heartbeats (default ${DEFAULT-VALUE}).")
    List<String> sources;

    @Option(names = "--once", description = "Forward what is waiting (and pending resend requests), then exit.")
    boolean once;

    @Option(names = "--heartbeat-interval", defaultValue = "60s", converter = Durations.class, paramLabel = "D",
            description = "Heartbeat period (default ${DEFAULT-VALUE}).")
    Duration heartbeatInterval;

    @Option(names = "--scan-interval", defaultValue = "10s", converter = Durations.class, paramLabel = "D",
            description = "Outbox scan period besides file events (default ${DEFAULT-VALUE}).")
    Duration scanInterval;

    @Option(names = "--backoff-initial", defaultValue = "1s", converter = Durations.class, paramLabel = "D",
            description = "First retry delay when the server is unreachable or fails (default ${DEFAULT-VALUE}).")
    Duration backoffInitial;

    @Option(names = "--backoff-max", defaultValue = "5m", converter = Durations.class, paramLabel = "D",
            description = "Longest retry delay (default ${DEFAULT-VALUE}).")
    Duration backoffMax;

    @Option(names = "--give-up-after", defaultValue = "10m", converter = Durations.class, paramLabel = "D",
            description = "With --once, stop retrying an unreachable server after this (default ${DEFAULT-VALUE}).")
    Duration giveUpAfter;

    @Option(names = "--settle", defaultValue = "30s", converter = Durations.class, paramLabel = "D",
            description = "An incomplete or invalid batch unchanged this long is rejected (default ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--timeout", defaultValue = "60s", converter = Durations.class, paramLabel = "D",
            description = "Connect and request timeout (default ${DEFAULT-VALUE}).")
    Duration timeout;

    private final CliEnvironment environment;

    @Inject
    RelayCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!"https".equalsIgnoreCase(server.getScheme()) || server.getHost() == null) {
            throw new UsageException("kofu relay: --server must be an https:// URL (the sync interface is TLS only): " + server);
        }
        Path dir = Options.absolute(outbox);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("kofu relay: the outbox " + dir + " is not a directory");
        }
        Path keyPath = keyFile != null ? keyFile : Optional.ofNullable(environment.env().get("KOFU_SYNC_KEY_FILE"))
                .filter(s -> !s.isBlank()).map(Path::of)
                .orElseThrow(() -> new UsageException("kofu relay: give --key-file (or set KOFU_SYNC_KEY_FILE)"));
        SyncKey key;
        try {
            key = SyncKey.readOne(Options.absolute(keyPath));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("kofu relay: cannot read the key file " + keyPath + ": " + e.getMessage());
        }
        Set<SourceSystem> forwarded = EnumSet.noneOf(SourceSystem.class);
        Relay.Settings settings;
        try {
            sources.forEach(s -> forwarded.add(SourceSystem.fromWireName(s.trim())));
            settings = new Relay.Settings(key.tenant(), forwarded, heartbeatInterval, scanInterval, backoffInitial,
                    backoffMax, giveUpAfter, settle);
        } catch (IllegalArgumentException e) {
            throw new UsageException("kofu relay: " + e.getMessage());
        }
        SyncClient client;
        try {
            client = new SyncClient(server, key, Optional.ofNullable(serverCert).map(Options::absolute),
                    environment.clock(), timeout);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("kofu relay: " + e.getMessage());
        }
        Relay relay = new Relay(new Outbox(dir), settings, client, new JsonBatchManifestCodec(),
                environment.out(), environment.err());
        if (once) {
            Relay.Result result = relay.once();
            environment.out().println("relay: " + result.name().toLowerCase(java.util.Locale.ROOT));
            return switch (result) {
                case DONE -> Cli.OK;
                case REFUSED -> Cli.REFUSED;
                case REJECTED -> Cli.BAD_INPUT;
                case UNREACHABLE -> Cli.INFRASTRUCTURE;
            };
        }
        environment.out().println("kofu relay for tenant " + key.tenant() + ": watching " + dir + ", forwarding to " + server);
        environment.out().flush();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kofu-relay-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            relay.run(stop::get);
        } finally {
            stopped.countDown();
        }
        return Cli.OK;
    }
}
