package jp.kofu.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamState;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase.Outcome;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/** {@code kofu sync}: the delta sync (異動データ連携) — apply a batch, show the streams' state. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "apply | status | verify | resend: the 5-minute delta sync.",
        subcommands = {SyncCommand.Apply.class, SyncCommand.Status.class, SyncVerifyCommand.class,
                SyncCommand.Resend.class})
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

    /** {@code kofu sync status}: per tenant and source, where the stream stands. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Per tenant and source: last applied sequence, last received, normal or abnormal and why.")
    static final class Status implements Callable<Integer> {

        @Mixin
        Options.Database db;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        private final CliEnvironment environment;

        @Inject
        Status(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            Injector kofu = environment.kofu(db.url);
            SyncStatePort states = kofu.getInstance(SyncStatePort.class);
            ReplicaWritePort replica = kofu.getInstance(ReplicaWritePort.class);
            TreeSet<String> tenants = new TreeSet<>();
            kofu.getInstance(TenantSettingsPort.class).all().stream().map(TenantSettings::code)
                    .forEach(c -> tenants.add(c.value()));
            states.all().forEach(s -> tenants.add(s.tenant().value()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String code : tenants) {
                LocalGovernmentCode tenant = LocalGovernmentCode.parse(code);
                for (SourceSystem source : SourceSystem.values()) {
                    StreamState s = states.state(tenant, source);
                    OptionalLong last = replica.lastAppliedSequence(tenant, source);
                    if (last.isEmpty() && s.lastReceivedAt().isEmpty() && !s.stopped()) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tenant", code);
                    row.put("source", source.wireName());
                    row.put("lastSequence", last.isPresent() ? last.getAsLong() : null);
                    row.put("lastReceivedAt", s.lastReceivedAt().map(Object::toString).orElse(null));
                    row.put("state", s.stopped() ? "abnormal" : "normal");
                    row.put("why", why(s, last.orElse(0)));
                    rows.add(row);
                }
            }
            if (json) {
                printJson(environment, Map.of("streams", rows));
                return Cli.OK;
            }
            if (rows.isEmpty()) {
                environment.out().println("no sync stream yet (load full batches with kofu load first)");
            }
            for (Map<String, Object> r : rows) {
                environment.out().printf("%s %-6s last %-6s received %-27s %s%s%n", r.get("tenant"), r.get("source"),
                        r.get("lastSequence") == null ? "-" : r.get("lastSequence"),
                        r.get("lastReceivedAt") == null ? "-" : r.get("lastReceivedAt"), r.get("state"),
                        r.get("why") == null ? "" : ": " + r.get("why"));
            }
            return Cli.OK;
        }

        private static String why(StreamState s, long last) {
            if (s.quarantine().isPresent()) {
                StreamState.Quarantine q = s.quarantine().get();
                return "batch " + q.sequence() + " quarantined (" + q.problems().size() + " problem(s), first: "
                        + q.problems().get(0) + ")" + (s.held().isEmpty() ? "" : "; " + s.held().size() + " batch(es) held");
            }
            if (!s.held().isEmpty()) {
                return "batch " + (last + 1) + " is missing; held: " + s.held().keySet();
            }
            return null;
        }
    }

    /** {@code kofu sync verify}: not built yet. */
    @Command(name = "verify", description = "Compare a digest batch with the replica (not built yet).")
    static final class Verify extends NotBuiltCommand {
        @Inject
        Verify(CliEnvironment e) {
            super(e);
        }

        @Override
        String name() {
            return "sync verify";
        }

        @Override
        String comesWith() {
            return "the data-sync issue";
        }
    }

    /** {@code kofu sync resend}: not built yet. */
    @Command(name = "resend", description = "Ask the source to resend batches (not built yet).")
    static final class Resend extends NotBuiltCommand {
        @Inject
        Resend(CliEnvironment e) {
            super(e);
        }

        @Override
        String name() {
            return "sync resend";
        }

        @Override
        String comesWith() {
            return "the data-sync issue";
        }
    }
}
