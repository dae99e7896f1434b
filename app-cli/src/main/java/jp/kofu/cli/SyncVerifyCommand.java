package jp.kofu.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase.Difference;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase.EntityResult;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase.Report;
import jp.kofu.core.sync.port.out.BatchManifestPort;

/**
 * {@code kofu sync verify DIGEST…}: compares the replica with digest batches (照合データ), per entity, and
 * names the first differing keys — keys only, never personal data. Exit 0 all match, 1 a mismatch (records
 * or applied sequence), 3 a malformed digest ({@code file:line:field reason} on stderr), 4 infrastructure.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare the replica with digest batches (照合データ): per entity match or mismatch with the",
                "record counts and up to 10 differing keys (missing in replica / extra in replica / different).",
                "Exit 0 all match; 1 mismatch (records or applied sequence); 3 malformed digest; 4 infrastructure."})
final class SyncVerifyCommand implements Callable<Integer> {

    @Mixin
    Options.Database db;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Parameters(paramLabel = "DIGEST", arity = "1..*",
            description = "A digest batch directory, or a directory whose digest batches are all verified.")
    List<Path> digests;

    private final CliEnvironment environment;

    @Inject
    SyncVerifyCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Injector kofu = environment.kofu(db.url);
        BatchManifestPort manifests = kofu.getInstance(BatchManifestPort.class);
        List<Path> batches = new ArrayList<>();
        for (Path given : digests) {
            batches.addAll(digestBatches(manifests, Options.absolute(given)));
        }
        VerifyReplicaUseCase verify = kofu.getInstance(VerifyReplicaUseCase.class);
        List<Report> reports = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path batch : batches) {
            try {
                reports.add(verify.verify(new VerifyReplicaUseCase.Command(batch)));
            } catch (BatchRejectedException e) {
                for (InputProblem p : e.problems()) {
                    problems.add(batch.getFileName() + "/" + p);
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(environment.err()::println);
            environment.err().println("kofu sync verify: malformed digest, nothing compared (" + problems.size()
                    + " problem" + (problems.size() == 1 ? "" : "s") + ")");
            return Cli.BAD_INPUT;
        }
        boolean allMatch = reports.stream().allMatch(Report::matches);
        if (json) {
            printJson(reports, allMatch);
        } else {
            reports.forEach(this::print);
        }
        return allMatch ? Cli.OK : Cli.REFUSED;
    }

    /** The directory itself when it is a batch, else its digest batches; a broken manifest is kept, to be reported. */
    private static List<Path> digestBatches(BatchManifestPort manifests, Path directory) {
        List<Path> found = Batches.find(directory);
        if (found.size() == 1 && found.get(0).equals(directory)) {
            return found;
        }
        List<Path> digests = new ArrayList<>();
        for (Path batch : found) {
            try {
                if (manifests.read(batch).kind() == BatchKind.DIGEST) {
                    digests.add(batch);
                }
            } catch (BatchRejectedException e) {
                digests.add(batch);
            }
        }
        if (digests.isEmpty()) {
            throw new BadInputException(directory + ": no digest batch (no manifest.json of kind digest here or in its sub-directories)");
        }
        return digests;
    }

    private void print(Report r) {
        var out = environment.out();
        out.printf("tenant %s %s: digest as of sequence %d, replica at sequence %s%s%n", r.tenant(), r.source().wireName(),
                r.digestSequence(), r.replicaSequence().isPresent() ? Long.toString(r.replicaSequence().getAsLong()) : "none",
                r.sequenceMatches() ? "" : " — SEQUENCE MISMATCH");
        for (EntityResult e : r.entities()) {
            if (e.matches()) {
                out.printf(Locale.ROOT, "  %-18s match     %,d records%n", e.entity(), e.replica().records());
                continue;
            }
            out.printf(Locale.ROOT, "  %-18s MISMATCH  digest %,d records, replica %,d: %,d missing in replica, %,d extra in replica, %,d different%n",
                    e.entity(), e.digest().records(), e.replica().records(), e.missing(), e.extra(), e.different());
            for (Difference d : e.firstDifferences()) {
                out.printf("      %s  %s%n", d.key(), d.kind().text());
            }
        }
        out.printf("%s %s: %s%n", r.tenant(), r.source().wireName(), r.matches() ? "all entities match"
                : "MISMATCH (the replica differs from the source)");
        environment.err().printf(Locale.ROOT, "%s %s: digest checked in %.2f s, replica hashed in %.2f s%n", r.tenant(),
                r.source().wireName(), r.digestChecking().toMillis() / 1000.0, r.replicaHashing().toMillis() / 1000.0);
    }

    private void printJson(List<Report> reports, boolean allMatch) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Report r : reports) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("tenant", r.tenant().value());
            doc.put("source", r.source().wireName());
            doc.put("digestSequence", r.digestSequence());
            doc.put("replicaSequence", r.replicaSequence().isPresent() ? r.replicaSequence().getAsLong() : null);
            doc.put("sequenceMatches", r.sequenceMatches());
            doc.put("matches", r.matches());
            List<Map<String, Object>> entities = new ArrayList<>();
            for (EntityResult e : r.entities()) {
                Map<String, Object> entity = new LinkedHashMap<>();
                entity.put("entity", e.entity());
                entity.put("matches", e.matches());
                entity.put("digestRecords", e.digest().records());
                entity.put("replicaRecords", e.replica().records());
                entity.put("digestSha256", e.digest().sha256());
                entity.put("replicaSha256", e.replica().sha256());
                entity.put("missingInReplica", e.missing());
                entity.put("extraInReplica", e.extra());
                entity.put("different", e.different());
                List<Map<String, Object>> diffs = new ArrayList<>();
                for (Difference d : e.firstDifferences()) {
                    diffs.add(Map.of("key", d.key(), "kind", d.kind().text()));
                }
                entity.put("firstDifferences", diffs);
                entities.add(entity);
            }
            doc.put("entities", entities);
            doc.put("digestCheckMillis", r.digestChecking().toMillis());
            doc.put("replicaHashMillis", r.replicaHashing().toMillis());
            docs.add(doc);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("matches", allMatch);
        root.put("digests", docs);
        try {
            environment.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
