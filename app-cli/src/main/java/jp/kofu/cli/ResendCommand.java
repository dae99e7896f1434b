package jp.kofu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.cli.relay.Outbox;
import jp.kofu.cli.relay.ResendRequest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.JsonBatchManifestCodec;

/**
 * {@code kofu sync resend}: asks the relay (連携用サーバ) to resend its kept batches of a stream from a number on
 * (再送依頼), by writing a request into the outbox it watches; the server treats batches it already applied
 * as no-ops.
 */
@Command(name = "resend", mixinStandardHelpOptions = true,
        description = {"Ask the relay to resend its kept batches (outbox sent/) of a stream from SEQ on: writes a",
                "request into OUTBOX/resend-requests/ that the relay handles on its next pass. Exit 0 requested;",
                "1 no kept batch from SEQ; 3 no such outbox."})
final class ResendCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "SEQ", description = "The first sequence number to resend.")
    long from;

    @Option(names = "--tenant", required = true, paramLabel = "CODE", converter = Options.TenantConverter.class,
            description = "The tenant.")
    LocalGovernmentCode tenant;

    @Option(names = "--source", required = true, paramLabel = "jukiki|tax", description = "The source system.")
    String source;

    @Option(names = "--outbox", required = true, paramLabel = "DIR", description = "The relay's outbox.")
    Path outbox;

    private final CliEnvironment environment;

    @Inject
    ResendCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        SourceSystem system;
        ResendRequest request;
        try {
            system = SourceSystem.fromWireName(source);
            request = new ResendRequest(tenant, system, from, environment.clock().instant());
        } catch (IllegalArgumentException e) {
            throw new UsageException("kofu sync resend: " + e.getMessage());
        }
        Path dir = Options.absolute(outbox);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("kofu sync resend: the outbox " + dir + " is not a directory");
        }
        List<Outbox.Kept> kept = new Outbox(dir).kept(new JsonBatchManifestCodec(), tenant, system, from);
        if (kept.isEmpty()) {
            environment.err().println("kofu sync resend: the relay keeps no " + system.wireName() + " batch of tenant "
                    + tenant + " from " + from + " (in " + dir.resolve(Outbox.SENT) + "); nothing requested");
            return Cli.REFUSED;
        }
        Path file = request.write(dir);
        environment.out().println("resend of " + kept.size() + " " + system.wireName() + " batch(es) "
                + kept.get(0).manifest().sequence() + ".." + kept.get(kept.size() - 1).manifest().sequence()
                + " requested (" + dir.relativize(file) + "); the relay sends them on its next pass");
        return Cli.OK;
    }
}
