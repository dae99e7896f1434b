package jp.kofu.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.MonitoringPolicy;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamStatus;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase.Outcome;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase;
import jp.kofu.core.sync.port.in.MonitorSyncUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.server.sync.SyncStatusJson;

/** {@code kofu sync}: the delta sync (異動データ連携) — apply a batch, show the streams' state. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "apply | status | verify | resend: the 5-minute delta sync.",
        subcommands = {SyncCommand.Apply.class, SyncCommand.Status.class, SyncVerifyCommand.class,
                ResendCommand.class})
final class SyncCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Inject
    SyncCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        environment.err().println("kofu sync: missing subcommand: apply, status, verify or resend (see 'kofu sync --help')");
        return Cli.USAGE;
    }

    private static void printJson(CliEnvironment environment, Object doc) {
        try {
            environment.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code kofu sync apply BATCH}: exactly once, in order, whole or not at all. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Apply one delta batch. Exit 0 applied or already applied; 1 held (gap, or stream",
                    "stopped by a quarantined batch); 3 quarantined, with file:line:column reason lines on stderr."})
    static final class Apply implements Callable<Integer> {

        @Mixin
        Options.Database db;

        @Option(names = "--tenant", paramLabel = "CODE", converter = Options.TenantConverter.class,
                description = "The receiving tenant; default: the manifest's, which the database must serve.")
        LocalGovernmentCode tenant;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Parameters(paramLabel = "BATCH", description = "The batch directory (with manifest.json).")
        Path batch;

        private final CliEnvironment environment;

        @Inject
        Apply(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws BatchRejectedException {
            Injector kofu = environment.kofu(db.url);
            Path directory = Options.absolute(batch);
            LocalGovernmentCode receiving = tenant;
            if (receiving == null) {
                // without --tenant the manifest names it; a tenant this database does not serve is refused
                receiving = kofu.getInstance(BatchManifestPort.class).read(directory).tenant();
                if (kofu.getInstance(TenantSettingsPort.class).find(receiving).isEmpty()) {
                    throw new BatchRejectedException(new InputProblem(BatchManifest.FILE_NAME, 0, "tenant",
                            "batch belongs to tenant " + receiving + ", which this database does not serve "
                                    + "(load its full batches first, or pass --tenant)"));
                }
            }
            Outcome outcome = kofu.getInstance(ApplyBatchUseCase.class)
                    .apply(new ApplyBatchUseCase.Command(receiving, directory));
            print(outcome);
            if (outcome instanceof ApplyBatchUseCase.Quarantined q) {
                q.problems().forEach(p -> environment.err().println(p));
                return Cli.BAD_INPUT;
            }
            if (outcome instanceof ApplyBatchUseCase.Held || outcome instanceof ApplyBatchUseCase.StreamStopped) {
                return Cli.REFUSED;
            }
            return Cli.OK;
        }

        private void print(Outcome outcome) {
            List<Outcome> all = new ArrayList<>();
            all.add(outcome);
            if (outcome instanceof ApplyBatchUseCase.Applied a) {
                all.addAll(a.followers());
            }
            if (json) {
                List<Map<String, Object>> docs = new ArrayList<>();
                for (Outcome o : all) {
                    docs.add(toJson(o));
                }
                Map<String, Object> doc = docs.get(0);
                doc.put("followers", docs.subList(1, docs.size()));
                printJson(environment, doc);
                return;
            }
            for (Outcome o : all) {
                (o instanceof ApplyBatchUseCase.Applied || o instanceof ApplyBatchUseCase.AlreadyApplied
                        ? environment.out() : environment.err()).println(o.message());
            }
        }

        private static Map<String, Object> toJson(Outcome o) {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (o instanceof ApplyBatchUseCase.Applied a) {
                doc.put("outcome", "applied");
                doc.put("source", a.source().wireName());
                doc.put("sequence", a.sequence());
                doc.put("upserted", a.upserted());
                doc.put("deleted", a.deleted());
                doc.put("ignoredAsOlder", a.ignoredAsOlder());
            } else if (o instanceof ApplyBatchUseCase.AlreadyApplied a) {
                doc.put("outcome", "already-applied");
                doc.put("source", a.source().wireName());
                doc.put("sequence", a.sequence());
                doc.put("lastApplied", a.lastApplied());
            } else if (o instanceof ApplyBatchUseCase.Held h) {
                doc.put("outcome", "held");
                doc.put("source", h.source().wireName());
                doc.put("sequence", h.sequence());
                doc.put("missing", h.missing());
            } else if (o instanceof ApplyBatchUseCase.StreamStopped s) {
                doc.put("outcome", "stream-stopped");
                doc.put("source", s.source().wireName());
                doc.put("sequence", s.sequence());
                doc.put("quarantinedSequence", s.quarantinedSequence());
            } else if (o instanceof ApplyBatchUseCase.Quarantined q) {
                doc.put("outcome", "quarantined");
                doc.put("source", q.source().map(SourceSystem::wireName).orElse(null));
                doc.put("sequence", q.sequence());
                doc.put("problems", q.problems().stream().map(InputProblem::toString).toList());
            }
            doc.put("message", o.message());
            return doc;
        }
    }

    /** {@code kofu sync status}: per tenant and source, where the stream stands (連携状況). */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Per tenant and source: last applied sequence and time, last received batch, last relay",
                    "heartbeat, lag, and normal or abnormal with why (quarantine, gap naming the missing number, no",
                    "batch or heartbeat for longer than the limit plus grace inside the sending window)."})
    static final class Status implements Callable<Integer> {

        @Mixin
        Options.Database db;

        @Option(names = "--json", description = "Print one JSON document (the same as GET /sync/v1/status).")
        boolean json;

        @Option(names = "--silence-limit", defaultValue = "5m", converter = Durations.class, paramLabel = "D",
                description = "Longest expected silence of a stream (default ${DEFAULT-VALUE}).")
        java.time.Duration silenceLimit;

        @Option(names = "--grace", defaultValue = "2m", converter = Durations.class, paramLabel = "D",
                description = "Added to the limit before a silent stream is abnormal (default ${DEFAULT-VALUE}).")
        java.time.Duration grace;

        @Option(names = "--window", defaultValue = "00:00-00:00", paramLabel = "HH:MM-HH:MM",
                description = "The daily sending window, Japan time; 00:00-00:00 is all day (default ${DEFAULT-VALUE}).")
        String window;

        private final CliEnvironment environment;

        @Inject
        Status(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            MonitoringPolicy policy;
            try {
                java.time.LocalTime[] w = MonitoringPolicy.parseWindow(window);
                policy = new MonitoringPolicy(silenceLimit, grace, w[0], w[1], MonitoringPolicy.DEFAULT.zone());
            } catch (IllegalArgumentException e) {
                throw new UsageException("kofu sync status: " + e.getMessage());
            }
            Injector kofu = environment.kofu(db.url);
            List<StreamStatus> streams = kofu.getInstance(MonitorSyncUseCase.class).status(policy);
            if (json) {
                printJson(environment, SyncStatusJson.document(streams, policy, environment.clock().instant()));
                return Cli.OK;
            }
            if (streams.isEmpty()) {
                environment.out().println("no sync stream yet (load full batches with kofu load first)");
            }
            for (StreamStatus s : streams) {
                environment.out().printf("%s %-6s last %-6s applied %-20s received %-20s heartbeat %-20s lag %-8s %s%s%n",
                        s.tenant(), s.source().wireName(),
                        s.lastAppliedSequence().isPresent() ? s.lastAppliedSequence().getAsLong() : "-",
                        time(s.lastAppliedAt()), time(s.lastReceivedAt()), time(s.lastHeartbeatAt()),
                        s.lag().map(d -> d.toSeconds() + "s").orElse("-")
                                + (s.sequenceLag() > 0 ? "/" + s.sequenceLag() + "seq" : ""),
                        s.health() == StreamStatus.Health.NORMAL ? "normal" : "abnormal",
                        s.why() == null ? "" : ": " + s.why());
            }
            return Cli.OK;
        }

        private static String time(java.util.Optional<java.time.Instant> at) {
            return at.map(i -> i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).orElse("-");
        }
    }
}
