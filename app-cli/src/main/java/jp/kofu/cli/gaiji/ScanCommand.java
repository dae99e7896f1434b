package jp.kofu.cli.gaiji;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.core.gaiji.domain.CharacterKind;
import jp.kofu.core.gaiji.domain.CodePoints;
import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.port.in.ScanCharactersUseCase;
import jp.kofu.core.gaiji.port.in.ScanCharactersUseCase.Finding;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.gaiji.service.ScanCharactersService;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * {@code kofu gaiji scan}: every distinct vendor 外字 code and every other character to check in the
 * replica (or in batches), with counts and item names — never a name, an address or a key.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"List every vendor 外字 code and every other character to check (MJ-only, variation "
                + "sequences, beyond the BMP, outside JIS X 0208) in the replica or in batches,",
                "with occurrences, persons and the items they occur in (no personal data)."})
public final class ScanCommand extends GaijiSubcommand {

    @Option(names = "--batch", paramLabel = "DIR",
            description = "Scan the batch in DIR (or every batch directly below it) instead of the replica.")
    Path batch;

    @Option(names = "--limit", defaultValue = "30", paramLabel = "N",
            description = "Characters listed per kind in the text output (default 30; --json lists all).")
    int limit;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws BatchRejectedException {
        ScanCharactersUseCase.Report report;
        String what;
        if (batch != null) {
            ReplicaContent content = BatchContent.read(kofu(), batch.toAbsolutePath().normalize());
            report = new ScanCharactersService(NoReplica.INSTANCE).scan(content);
            what = "batch " + batch.getFileName();
        } else {
            report = kofu().getInstance(ScanCharactersService.class).scan(tenant);
            what = "replica";
        }
        if (json) {
            Json.print(environment.out(), document(tenant, what, report));
            return GaijiOptions.OK;
        }
        environment.out().printf("scanned tenant %s %s: %,d text items, %,d distinct characters to check%n", tenant,
                what, report.itemsScanned(), report.findings().size());
        for (CharacterKind kind : CharacterKind.values()) {
            List<Finding> findings = report.of(kind);
            if (findings.isEmpty()) {
                continue;
            }
            long persons = kind == CharacterKind.UNIDENTIFIED_VENDOR
                    ? findings.stream().mapToLong(Finding::persons).sum() : -1;
            environment.out().printf("%s (%s): %,d%s%n", kind.japanese(), kind.name().toLowerCase(java.util.Locale.ROOT),
                    findings.size(), persons >= 0 ? " codes, up to " + persons + " residents suppressed (未同定外字)" : "");
            for (int i = 0; i < findings.size() && i < limit; i++) {
                Finding f = findings.get(i);
                environment.out().printf("  %-12s %-22s %-9s occurrences %,6d  persons %,5d  %s%n", f.label(),
                        CodePoints.notation(f.character()), f.mj().map(Object::toString).orElse(""), f.occurrences(),
                        f.persons(), fields(f.fields()));
            }
            if (findings.size() > limit) {
                environment.out().printf("  … %,d more (--limit or --json)%n", findings.size() - limit);
            }
        }
        return GaijiOptions.OK;
    }

    private static String fields(Map<TextField, Long> fields) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(fields).forEach((f, n) -> parts.add(f.wireName() + "(" + n + ")"));
        return String.join(" ", parts);
    }

    private static Map<String, Object> document(LocalGovernmentCode tenant, String what,
                                                ScanCharactersUseCase.Report report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenant", tenant.value());
        doc.put("scanned", what);
        doc.put("items", report.itemsScanned());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            f.vendorCode().ifPresent(c -> one.put("vendorCode", c));
            if (f.vendorCode().isEmpty()) {
                one.put("character", f.character().toTagged());
                one.put("codePoints", CodePoints.notation(f.character()));
            }
            f.mj().ifPresent(m -> one.put("mj", m.toString()));
            one.put("occurrences", f.occurrences());
            one.put("persons", f.persons());
            Map<String, Long> fields = new TreeMap<>();
            f.fields().forEach((k, v) -> fields.put(k.wireName(), v));
            one.put("fields", fields);
            findings.add(one);
        }
        doc.put("findings", findings);
        return doc;
    }

    /** Scanning a batch never reads the replica. */
    private enum NoReplica implements ReplicaTextPort {
        INSTANCE;

        @Override
        public void forEachText(LocalGovernmentCode tenant, boolean onlyUnidentified, Consumer<TextItem> visitor) {
            throw new IllegalStateException("a batch scan does not read the replica");
        }

        @Override
        public Reconversion reconvert(LocalGovernmentCode tenant, CorrespondenceTable table) {
            throw new IllegalStateException("a batch scan does not write the replica");
        }
    }
}
