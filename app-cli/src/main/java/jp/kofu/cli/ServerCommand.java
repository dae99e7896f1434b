package jp.kofu.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import jp.kofu.core.issuance.domain.KioskPolicy;
import jp.kofu.core.sync.domain.MonitoringPolicy;
import jp.kofu.server.http.KofuServer;
import jp.kofu.server.wiring.KioskConfig;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;
import jp.kofu.server.wiring.SyncConfig;

/** {@code kofu server}: runs the issuance server until the process is stopped. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Run the issuance server: /health, /metrics, the J-LIS kiosk interface under /jlis/v1, the sync status",
                "/sync/v1/status and, with --sync-keystore and --sync-keys, the sync endpoint on HTTPS --sync-port.",
                "Cards are verified against the pinned --trust-anchor certificates and their --crl files;",
                "without an anchor every card is refused (fail closed)."})
final class ServerCommand implements Callable<Integer> {

    @Mixin
    Options.Database db;

    @Mixin
    SigningOption signing;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--trust-anchor", paramLabel = "FILE",
            description = "PEM/DER certificate of a JPKI user-authentication CA to pin (repeatable).")
    List<Path> trustAnchors = List.of();

    @Option(names = "--crl", paramLabel = "FILE", description = "CRL file of a pinned CA, re-read when it changes (repeatable).")
    List<Path> crls = List.of();

    @Option(names = "--crl-max-age", defaultValue = "48h", converter = Durations.class, paramLabel = "D",
            description = "A CRL older than this fails its CA's cards closed (default ${DEFAULT-VALUE}).")
    Duration crlMaxAge;

    @Option(names = "--challenge-ttl", defaultValue = "60s", converter = Durations.class, paramLabel = "D",
            description = "How long a challenge may be answered (default ${DEFAULT-VALUE}).")
    Duration challengeTtl;

    @Option(names = "--session-ttl", defaultValue = "15m", converter = Durations.class, paramLabel = "D",
            description = "How long an authenticated session serves menus and prepares (default ${DEFAULT-VALUE}).")
    Duration sessionTtl;

    @Option(names = "--completion-timeout", defaultValue = "10m", converter = Durations.class, paramLabel = "D",
            description = "A prepared certificate without a completion report is voided after this (default ${DEFAULT-VALUE}).")
    Duration completionTimeout;

    @Option(names = "--sweep-interval", defaultValue = "30s", converter = Durations.class, paramLabel = "D",
            description = "How often timed-out issuances are voided (default ${DEFAULT-VALUE}).")
    Duration sweepInterval;

    @Option(names = "--sync-port", defaultValue = "8443", paramLabel = "P",
            description = "HTTPS port of the sync endpoint for the relay (default ${DEFAULT-VALUE}).")
    int syncPort;

    @Option(names = "--sync-keystore", paramLabel = "FILE",
            description = "PKCS#12 keystore with the sync endpoint's TLS certificate and key; with --sync-keys turns it on.")
    Path syncKeystore;

    @Option(names = "--sync-keystore-password-file", paramLabel = "FILE",
            description = "File holding the keystore password (default: $KOFU_SYNC_KEYSTORE_PASSWORD).")
    Path syncKeystorePassword;

    @Option(names = "--sync-keys", paramLabel = "FILE", description = "The tenants' sync keys: lines 'TENANT BASE64-SECRET'.")
    Path syncKeys;

    @Option(names = "--sync-data", defaultValue = "kofu-data/sync", paramLabel = "DIR",
            description = "Where received batches are stored (default ${DEFAULT-VALUE}).")
    Path syncData;

    @Option(names = "--sync-grace", defaultValue = "2m", converter = Durations.class, paramLabel = "D",
            description = "Grace added to the 5-minute silence limit of a stream (default ${DEFAULT-VALUE}).")
    Duration syncGrace;

    @Option(names = "--sync-window", defaultValue = "00:00-00:00", paramLabel = "HH:MM-HH:MM",
            description = "Daily sending window, Japan time, when silence is abnormal; 00:00-00:00 all day (default ${DEFAULT-VALUE}).")
    String syncWindow;

    @Option(names = "--sync-check-interval", defaultValue = "60s", converter = Durations.class, paramLabel = "D",
            description = "How often the streams are checked and alarms raised or cleared (default ${DEFAULT-VALUE}).")
    Duration syncCheckInterval;

    private final CliEnvironment environment;

    @Inject
    ServerCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        KioskPolicy policy;
        KioskConfig kiosk;
        try {
            Duration retention = max(Duration.ofHours(1), max(sessionTtl, completionTimeout).multipliedBy(2));
            policy = new KioskPolicy(challengeTtl, sessionTtl, completionTimeout, retention);
            kiosk = new KioskConfig(trustAnchors.stream().map(Options::absolute).toList(),
                    crls.stream().map(Options::absolute).toList(), crlMaxAge, policy, sweepInterval);
        } catch (IllegalArgumentException e) {
            throw new UsageException("kofu server: " + e.getMessage());
        }
        SyncConfig sync;
        try {
            java.time.LocalTime[] window = MonitoringPolicy.parseWindow(syncWindow);
            MonitoringPolicy monitoring = new MonitoringPolicy(MonitoringPolicy.DEFAULT.silenceLimit(), syncGrace, window[0],
                    window[1], MonitoringPolicy.DEFAULT.zone());
            String password = "";
            if (syncKeystorePassword != null) {
                password = java.nio.file.Files.readString(Options.absolute(syncKeystorePassword)).strip();
            } else if (environment.env().get("KOFU_SYNC_KEYSTORE_PASSWORD") != null) {
                password = environment.env().get("KOFU_SYNC_KEYSTORE_PASSWORD");
            }
            sync = new SyncConfig(java.util.Optional.ofNullable(syncKeystore).map(Options::absolute), password, syncPort,
                    java.util.Optional.ofNullable(syncKeys).map(Options::absolute), Options.absolute(syncData), monitoring,
                    syncCheckInterval, SyncConfig.defaults().maxBatchBytes());
        } catch (IllegalArgumentException e) {
            throw new UsageException("kofu server: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new BadInputException("kofu server: cannot read the keystore password file: " + e.getMessage());
        }
        KofuConfig config = new KofuConfig(KofuConfig.resolveDb(db.url, environment.env()), port, kiosk, sync,
                signing.config("kofu server", environment.env()));
        KofuServer server;
        try {
            server = Kofu.injector(config, environment.clock()).getInstance(KofuServer.class);
        } catch (com.google.inject.CreationException | com.google.inject.ProvisionException e) {
            Throwable cause = Cli.rootOfInterest(e);
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            if (cause instanceof IllegalArgumentException bad) {
                throw new BadInputException("kofu server: " + bad.getMessage());
            }
            throw e;
        }
        int bound = server.start();
        environment.out().println("kofu server listening on port " + bound + " (/health, /metrics, /jlis/v1, /sync/v1/status; "
                + trustAnchors.size() + " trust anchor(s), " + crls.size() + " CRL file(s); "
                + (config.signing().signingTenants().isEmpty() ? "no tenant signs: certificates are unsigned"
                : "signing for tenant(s) " + config.signing().signingTenants()) + ")");
        environment.out().println(server.syncPort() > 0 ? "sync endpoint listening on HTTPS port " + server.syncPort()
                + " (/sync/v1/batches, /sync/v1/heartbeat)" : "sync endpoint off (give --sync-keystore and --sync-keys)");
        environment.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kofu-shutdown"));
        stopped.await();
        return Cli.OK;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
