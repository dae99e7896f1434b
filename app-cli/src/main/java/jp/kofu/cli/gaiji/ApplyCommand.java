package jp.kofu.cli.gaiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.port.in.ApplyCorrespondenceTableUseCase;
import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase.CodeCount;
import jp.kofu.core.gaiji.service.ApplyCorrespondenceTableService;
import jp.kofu.core.sync.domain.BatchRejectedException;

/**
 * {@code kofu gaiji apply}: imports a reviewed 対照表 CSV as the tenant's next table version (audit-logged)
 * and re-converts the replica's records that hold the newly mapped vendor codes; or, with
 * {@code --reconvert}, re-applies the current version after a load.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Import a reviewed correspondence-table CSV as the tenant's next version (rows in status "
                + "proposed or confirmed; review rows are skipped),",
                "then re-convert the replica's records holding the newly mapped vendor codes. --reconvert re-applies "
                        + "the current version (after a load)."})
public final class ApplyCommand extends GaijiSubcommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    /** Either a file to import or a re-conversion. */
    static final class What {
        @Option(names = "--file", paramLabel = "FILE.csv", description = "The reviewed correspondence-table CSV.")
        Path file;

        @Option(names = "--reconvert", description = "Re-apply the current table version to the replica.")
        boolean reconvert;
    }

    @Option(names = "--actor", paramLabel = "NAME",
            description = "Who imports, for the audit log (default: $KOFU_ACTOR, else $USER, else kofu-cli).")
    String actor;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws IOException, BatchRejectedException {
        ApplyCorrespondenceTableService service = kofu().getInstance(ApplyCorrespondenceTableService.class);
        ApplyCorrespondenceTableUseCase.Result result;
        List<String> skipped = List.of();
        if (what.reconvert) {
            result = service.reconvert(tenant);
        } else {
            CorrespondenceCsv.Import read = CorrespondenceCsv.read(what.file, MjRepertoire.shared());
            skipped = read.skipped();
            result = service.apply(new ApplyCorrespondenceTableUseCase.Command(tenant, read.entries(), actor(),
                    what.file.getFileName().toString()));
        }
        print(result, skipped);
        return GaijiOptions.OK;
    }

    private String actor() {
        if (actor != null && !actor.isBlank()) {
            return actor;
        }
        return environment.env().getOrDefault("KOFU_ACTOR", environment.env().getOrDefault("USER", "kofu-cli"));
    }

    private void print(ApplyCorrespondenceTableUseCase.Result r, List<String> skipped) {
        List<CodeCount> left = r.stillUnidentified().codes();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("tenant", tenant.value());
            doc.put("version", r.version());
            doc.put("created", r.created());
            doc.put("added", r.added());
            doc.put("changed", r.changed());
            doc.put("unchanged", r.unchanged());
            doc.put("skipped", skipped);
            doc.put("personsReconverted", r.personsReconverted());
            doc.put("itemsReconverted", r.itemsReconverted());
            List<Map<String, Object>> codes = new ArrayList<>();
            for (CodeCount c : left) {
                codes.add(Map.of("vendorCode", c.vendorCode(), "persons", c.persons(), "occurrences", c.occurrences()));
            }
            doc.put("stillUnidentified", codes);
            Json.print(environment.out(), doc);
            return;
        }
        environment.out().printf("tenant %s: correspondence table version %d%s — %d added, %d changed, %d unchanged, "
                        + "%d skipped (review)%n", tenant, r.version(), r.created() ? " (new)" : " (unchanged)",
                r.added().size(), r.changed().size(), r.unchanged(), skipped.size());
        environment.out().printf("  re-converted: %,d persons, %,d text items%n", r.personsReconverted(),
                r.itemsReconverted());
        if (!r.changed().isEmpty()) {
            environment.out().println("  changed mappings reach records converted earlier only when their source "
                    + "sends them again (reload the full batch): " + String.join(", ", r.changed()));
        }
        if (left.isEmpty()) {
            environment.out().println("  no unidentified vendor code left in the replica");
        } else {
            environment.out().printf("  still unidentified: %d codes%n", left.size());
            for (CodeCount c : left) {
                environment.out().printf("    %-12s %,d residents suppressed (未同定外字)%n", c.vendorCode(), c.persons());
            }
        }
    }
}
