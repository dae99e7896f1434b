package jp.kofu.cli.gaiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.core.gaiji.domain.CharacterKind;
import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.VendorCodeInfo;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase.CodeUse;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase.Decision;
import jp.kofu.core.gaiji.port.in.ScanCharactersUseCase;
import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.gaiji.service.ProposeIdentificationService;
import jp.kofu.core.gaiji.service.ScanCharactersService;
import jp.kofu.core.sync.domain.BatchRejectedException;

/**
 * {@code kofu gaiji propose}: MJ candidates for every vendor code of the replica (or of batches) that the
 * tenant's correspondence table does not map yet, written as a 対照表 CSV for review.
 */
@Command(name = "propose", mixinStandardHelpOptions = true,
        description = {"Propose MJ characters for the unidentified vendor codes of the replica (or of batches), "
                + "from the vendor's code table (住基ネット統一文字コード, 戸籍統一文字番号, UCS+IVS) and the MJ shrink map,",
                "and write them as a correspondence-table CSV for review (docs/formats/correspondence-table.md)."})
public final class ProposeCommand extends GaijiSubcommand {

    @Option(names = "--vendor-table", paramLabel = "FILE.csv",
            description = "The vendor's 外字 code table (vendor_code,juki_code,koseki_no,ucs,substitute,note).")
    Path vendorTable;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the proposal.")
    Path out;

    @Option(names = "--batch", paramLabel = "DIR", description = "Take the codes from batches instead of the replica.")
    Path batch;

    @Option(names = "--include-unused",
            description = "Also propose for codes of the vendor table that do not occur in the data.")
    boolean includeUnused;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws IOException, BatchRejectedException {
        if (includeUnused && vendorTable == null) {
            return usage("propose", "--include-unused needs --vendor-table");
        }
        Map<String, VendorCodeInfo> vendor = vendorTable == null ? Map.of() : VendorCodeTableCsv.read(vendorTable);
        Injector kofu = kofu();
        ScanCharactersService scanner = kofu.getInstance(ScanCharactersService.class);
        ScanCharactersUseCase.Report report = batch != null
                ? scanner.scan(BatchContent.read(kofu, batch.toAbsolutePath().normalize()))
                : scanner.scan(tenant);
        CorrespondenceTable table = kofu.getInstance(CorrespondenceTablePort.class).current(tenant);
        List<CodeUse> codes = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (ScanCharactersUseCase.Finding f : report.of(CharacterKind.UNIDENTIFIED_VENDOR)) {
            String code = f.vendorCode().orElseThrow();
            if (table.lookup(code).isEmpty() && listed.add(code)) {
                codes.add(new CodeUse(code, f.occurrences(), f.persons(), f.fields().keySet()));
            }
        }
        if (includeUnused) {
            for (String code : vendor.keySet()) {
                if (table.lookup(code).isEmpty() && listed.add(code)) {
                    codes.add(new CodeUse(code, 0, 0, Set.of()));
                }
            }
        }
        codes.sort(java.util.Comparator.comparing(CodeUse::vendorCode));
        ProposeIdentificationUseCase.Proposal proposal = new ProposeIdentificationService()
                .propose(new ProposeIdentificationUseCase.Command(codes, vendor));
        Path file = out.toAbsolutePath().normalize();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        CorrespondenceCsv.write(file, proposal);
        long proposed = proposal.count(Decision.PROPOSED);
        long review = proposal.count(Decision.REVIEW);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("tenant", tenant.value());
            doc.put("tableVersion", table.version());
            doc.put("codes", codes.size());
            doc.put("proposed", proposed);
            doc.put("review", review);
            doc.put("file", file.toString());
            Json.print(environment.out(), doc);
        } else {
            environment.out().printf("tenant %s (table version %d): %d unidentified vendor codes, %d proposed from a "
                    + "registry key, %d to review%n", tenant, table.version(), codes.size(), proposed, review);
            if (vendorTable == null && !codes.isEmpty()) {
                environment.out().println("  no --vendor-table: every code needs review");
            }
            environment.out().println(file);
        }
        return GaijiOptions.OK;
    }
}
