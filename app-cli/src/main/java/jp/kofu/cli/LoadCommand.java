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

import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.port.in.LoadInitialReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/** {@code kofu load}: the initial replica (当初複製データ) from full batches, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load the initial replica from full batches (all or nothing).",
                "DIR is a batch directory or a directory of batches; its full batches are loaded together."})
final class LoadCommand implements Callable<Integer> {

    @Mixin
    Options.Database db;

    @Option(names = "--tenant", required = true, paramLabel = "CODE", converter = Options.TenantConverter.class,
            description = "地方公共団体コード with check digit (Kurume: 402036).")
    LocalGovernmentCode tenant;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Parameters(paramLabel = "DIR", description = "Batch directory, or a directory of batch directories.")
    Path directory;

    private final CliEnvironment environment;

    @Inject
    LoadCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws BatchRejectedException {
        Injector kofu = environment.kofu(db.url);
        List<Path> full = fullBatches(kofu.getInstance(BatchManifestPort.class), Options.absolute(directory));
        environment.err().println("loading " + full.size() + " batch(es) for tenant " + tenant + " …");
        LoadInitialReplicaUseCase.Report report = kofu.getInstance(LoadInitialReplicaUseCase.class)
                .load(new LoadInitialReplicaUseCase.Command(tenant, full));
        TenantSettingsPort tenants = kofu.getInstance(TenantSettingsPort.class);
        if (tenants.find(tenant).isEmpty()) {
            tenants.save(TenantSettings.defaultsFor(tenant));
        }
        print(report);
        return Cli.OK;
    }

    /** The full batches below the directory; a batch whose manifest is broken is kept, to be reported. */
    static List<Path> fullBatches(BatchManifestPort manifests, Path directory) {
        List<Path> full = new ArrayList<>();
        for (Path batch : Batches.find(directory)) {
            try {
                if (manifests.read(batch).kind() == BatchKind.FULL) {
                    full.add(batch);
                }
            } catch (BatchRejectedException e) {
                full.add(batch);
            }
        }
        if (full.isEmpty()) {
            throw new BadInputException(directory + ": no full batch (no " + BatchManifest.FILE_NAME
                    + " of kind full here or in its sub-directories)");
        }
        return full;
    }

    private void print(LoadInitialReplicaUseCase.Report report) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("tenant", tenant.value());
            Map<String, Long> sequences = new LinkedHashMap<>();
            report.sequences().forEach((s, n) -> sequences.put(s.wireName(), n));
            doc.put("sequences", sequences);
            doc.put("records", new java.util.TreeMap<>(report.recordsPerEntity()));
            doc.put("parseMillis", report.parsing().toMillis());
            doc.put("writeMillis", report.writing().toMillis());
            try {
                environment.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        environment.out().printf("loaded tenant %s: %,d records in %.2f s (check and parse %.2f s, write %.2f s)%n",
                tenant, report.totalRecords(), (report.parsing().toMillis() + report.writing().toMillis()) / 1000.0,
                report.parsing().toMillis() / 1000.0, report.writing().toMillis() / 1000.0);
        new java.util.TreeMap<>(report.recordsPerEntity()).forEach((entity, n) ->
                environment.out().printf("  %-18s %,10d%n", entity, n));
        report.sequences().forEach((s, n) -> environment.out().printf("  sequence %-9s %d%n", s.wireName(), n));
    }
}
