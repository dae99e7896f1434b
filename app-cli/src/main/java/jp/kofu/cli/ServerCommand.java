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
import jp.kofu.server.http.KofuServer;
import jp.kofu.server.wiring.KioskConfig;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;

/** {@code kofu server}: runs the issuance server until the process is stopped. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Run the issuance server: /health, /metrics and the J-LIS kiosk interface under /jlis/v1.",
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
        KofuConfig config = new KofuConfig(KofuConfig.resolveDb(db.url, environment.env()), port, kiosk,
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
        environment.out().println("kofu server listening on port " + bound + " (/health, /metrics, /jlis/v1; "
                + trustAnchors.size() + " trust anchor(s), " + crls.size() + " CRL file(s); "
                + (config.signing().signingTenants().isEmpty() ? "no tenant signs: certificates are unsigned"
                : "signing for tenant(s) " + config.signing().signingTenants()) + ")");
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
