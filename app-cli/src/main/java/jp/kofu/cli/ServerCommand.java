package jp.kofu.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import jp.kofu.server.http.KofuServer;

/** {@code kofu server}: runs the issuance server until the process is stopped. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the issuance server (/health, /metrics; the J-LIS interface and console come later).")
final class ServerCommand implements Callable<Integer> {

    @Mixin
    Options.Database db;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    private final CliEnvironment environment;

    @Inject
    ServerCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        KofuServer server = environment.kofu(db.url, port).getInstance(KofuServer.class);
        int bound = server.start();
        environment.out().println("kofu server listening on port " + bound + " (/health, /metrics)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kofu-shutdown"));
        stopped.await();
        return Cli.OK;
    }
}
