package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import jp.kofu.cli.gaiji.CorrespondenceCsv;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.Trait;
import jp.kofu.cli.generate.VendorGaijiTable;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.UnidentifiedCharacters;
import jp.kofu.core.gaiji.domain.VendorCodeInfo;
import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase;
import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase.Detection;
import jp.kofu.core.gaiji.service.DetectUnidentifiedCharactersService;
import jp.kofu.core.gaiji.service.ReplicaTexts;
import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.port.out.BatchReaderPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.JsonBatchManifestCodec;

/**
 * The 文字同定 workflow through the real command line, CSV adapters, H2 and renderer: scan, propose against
 * the vendor's own code table, review, apply, sheet, preview — and the guard that suppresses residents with
 * an unidentified vendor code and raises an alarm until the table maps it.
 */
class GaijiWorkflowTest {

    private static final String TENANT = "402036";
    private static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse(TENANT);
    private static final LocalDate DATE = LocalDate.of(2026, 11, 26);
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db/kofu");
    }

    private Path write(SyntheticTown town) throws IOException {
        Path out = dir.resolve("town");
        new TownWriter(new JsonBatchManifestCodec()).writeFull(town, out);
        return out;
    }

    private CliRun kofu(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.get(0).equals("gaiji") || all.get(0).equals("load") || all.get(0).equals("issue")) {
            all.add(all.get(0).equals("gaiji") ? 2 : 1, "--db=" + db());
        }
        return CliRun.run(all.toArray(new String[0]));
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            return parser.getRecords();
        }
    }

    /** The proposal as a reviewer finishes it: every row to review gets the MJ id the city chose, confirmed. */
    private static Path reviewed(Path proposal, Map<String, MjId> answers, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                     .setHeader(CorrespondenceCsv.COLUMNS.toArray(new String[0])).get())) {
            for (CSVRecord r : records(proposal)) {
                List<String> cells = new ArrayList<>(r.toList());
                if (r.get("status").equals("review")) {
                    cells.set(CorrespondenceCsv.COLUMNS.indexOf("status"), "confirmed");
                    cells.set(CorrespondenceCsv.COLUMNS.indexOf("mj_id"), answers.get(r.get("vendor_code")).toString());
                    cells.set(CorrespondenceCsv.COLUMNS.indexOf("character"), "");
                }
                csv.printRecord(cells);
            }
        }
        return out;
    }

    /** A resident holding the code whom nothing but characters could refuse. */
    private static Resident issuableWith(SyntheticTown town, String code) {
        return town.content().residents().stream()
                .filter(r -> UnidentifiedCharacters.vendorCodes(r.name()).contains(code))
                .filter(r -> !town.has(r.key(), Trait.REMOVED) && !town.has(r.key(), Trait.MOVE_OUT_PLANNED)
                        && !town.has(r.key(), Trait.SUPPORT_MEASURE) && !town.has(r.key(), Trait.STAFF_STOP))
                .findFirst().orElseThrow();
    }

    private static String mapped(Resident r, Map<String, MjId> answers) {
        List<PrintedChar> chars = new ArrayList<>();
        for (PrintedChar c : r.name().chars()) {
            chars.add(c instanceof PrintedChar.UnidentifiedVendor v
                    ? MjRepertoire.shared().printedChar(answers.get(v.vendorCode())).orElseThrow() : c);
        }
        return PrintedText.of(chars).toUnicode().replaceAll("[\\s\u3000]+", "");
    }

    @Test
    void twoHundredVendorCodesAreProposedFromTheirRegistryKeysReviewedAppliedAndConfirmedOnTheSheet() throws IOException {
        SyntheticTown town = VendorGaijiTable.withVendorCodes(
                new SyntheticTownGenerator().generate(KURUME, 2_000, 20261101L, LocalDate.of(2026, 11, 1)), 200);
        Map<String, MjId> truth = town.vendorCharacters();
        Path batches = write(town);
        assertThat(kofu("load", "--tenant", TENANT, batches.toString()).exitCode()).isZero();

        CliRun scan = kofu("gaiji", "scan", "--tenant", TENANT);
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("unidentified_vendor): 200 codes");
        assertThat(scan.out()).doesNotContain(town.content().residents().get(0).name().toUnicode());

        Path proposal = dir.resolve("proposal.csv");
        CliRun propose = kofu("gaiji", "propose", "--tenant", TENANT, "--vendor-table",
                batches.resolve(VendorGaijiTable.FILE_NAME).toString(), "--out", proposal.toString());
        assertThat(propose.exitCode()).as(propose.err()).isZero();

        Map<String, VendorCodeInfo> vendor = new LinkedHashMap<>();
        VendorGaijiTable.of(town).forEach(v -> vendor.put(v.vendorCode(), v));
        List<CSVRecord> rows = records(proposal);
        assertThat(rows).hasSize(200);
        int proposed = 0;
        for (CSVRecord r : rows) {
            String code = r.get("vendor_code");
            if (vendor.get(code).hasRegistryKey()) {
                assertThat(r.get("status")).as(code).isEqualTo("proposed");
                assertThat(r.get("mj_id")).as(code).isEqualTo(truth.get(code).toString());
                assertThat(r.get("confidence")).isEqualTo("1.00");
                proposed++;
            } else {
                assertThat(r.get("status")).as(code).isEqualTo("review");
            }
            assertThat(Long.parseLong(r.get("occurrences"))).as(code).isPositive();
        }
        assertThat(proposed).isGreaterThan(100);
        assertThat(propose.out()).contains("200 unidentified vendor codes, " + proposed + " proposed");

        CliRun apply = kofu("gaiji", "apply", "--tenant", TENANT, "--actor", "staff-7", "--file",
                reviewed(proposal, truth, dir.resolve("reviewed.csv")).toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("version 1 (new) — 200 added, 0 changed").contains("no unidentified vendor code left");
        assertThat(kofu("gaiji", "scan", "--tenant", TENANT).out()).doesNotContain("unidentified_vendor");

        Path sheet = dir.resolve("sheet.pdf");
        CliRun sheetRun = kofu("gaiji", "sheet", "--tenant", TENANT, "--out", sheet.toString());
        assertThat(sheetRun.exitCode()).as(sheetRun.err()).isZero();
        try (PDDocument pdf = Loader.loadPDF(sheet.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(20);
        }
        String sheetText = Pdfs.text(sheet);
        assertThat(sheetText).contains("文字同定確認票").contains("対照表 第1版").contains("staff-7");
        truth.forEach((code, mj) -> assertThat(sheetText).contains(code).contains(mj.toString()));

        Resident someone = issuableWith(town, rows.get(0).get("vendor_code"));
        Path issued = dir.resolve("issued.pdf");
        CliRun issue = kofu("issue", "--tenant", TENANT, "--resident", someone.key().value(), "--kind", "juminhyo",
                "--out", issued.toString());
        assertThat(issue.exitCode()).as(issue.out() + issue.err()).isZero();
        assertThat(Pdfs.compactText(issued)).contains(mapped(someone, truth));
    }

    @Test
    void anUnidentifiedVendorCodeSuppressesItsResidentsAndRaisesAnAlarmUntilTheTableMapsIt() throws Exception {
        SyntheticTown town = new SyntheticTownGenerator().generate(KURUME, 400, 11, DATE);
        Map<String, MjId> truth = town.vendorCharacters();
        assertThat(truth).isNotEmpty();
        Path batches = write(town);
        assertThat(kofu("load", "--tenant", TENANT, batches.toString()).exitCode()).isZero();
        Injector app = new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), CliRun.CLOCK).kofu(db());
        DetectUnidentifiedCharactersService detector = app.getInstance(DetectUnidentifiedCharactersService.class);
        AlarmPort alarms = app.getInstance(AlarmPort.class);

        Detection detection = detector.detect(KURUME);

        Map<String, Set<PersonKey>> affected = new LinkedHashMap<>();
        ReplicaTexts.forEachText(town.content(), item -> UnidentifiedCharacters.vendorCodes(item.text()).forEach(code ->
                item.person().ifPresent(p -> affected.computeIfAbsent(code, k -> new HashSet<>()).add(p))));
        assertThat(detection.codes()).extracting(DetectUnidentifiedCharactersUseCase.CodeCount::vendorCode)
                .containsExactlyInAnyOrderElementsOf(truth.keySet());
        for (String code : truth.keySet()) {
            Alarm alarm = alarms.active().stream().filter(a -> a.key().equals("gaiji/unidentified/" + code)).findFirst()
                    .orElseThrow();
            assertThat(alarm.tenant()).contains(KURUME);
            assertThat(alarm.where()).isEqualTo("文字同定");
            assertThat(alarm.what()).isEqualTo(code + ": " + affected.get(code).size() + " residents suppressed (未同定外字)");
        }

        // the function the sync's apply calls with a batch's content finds the same codes in it
        ReplicaContent content = ReplicaContent.empty();
        for (BatchReaderPort reader : app.getInstance(Key.get(new TypeLiteral<Set<BatchReaderPort>>() { }))) {
            Path batch = batches.resolve(reader.source().wireName() + "-000001-full");
            BatchManifest manifest = app.getInstance(jp.kofu.core.sync.port.out.BatchManifestPort.class).read(batch);
            content = content.plus(reader.read(batch, manifest).content());
        }
        assertThat(detector.detect(KURUME, content).codes()).extracting(DetectUnidentifiedCharactersUseCase.CodeCount::vendorCode)
                .containsExactlyInAnyOrderElementsOf(truth.keySet());

        String code = truth.keySet().iterator().next();
        Resident someone = issuableWith(town, code);
        CliRun refused = kofu("issue", "--tenant", TENANT, "--resident", someone.key().value(), "--kind", "juminhyo",
                "--out", dir.resolve("refused.pdf").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("UNIDENTIFIED_CHARACTER (未同定外字)");
        CliRun noPreview = kofu("gaiji", "preview", "--tenant", TENANT, "--resident", someone.key().value(), "--kind",
                "juminhyo", "--out", dir.resolve("no-preview.pdf").toString());
        assertThat(noPreview.exitCode()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("no-preview.pdf"))).isFalse();

        Path proposal = dir.resolve("proposal.csv");
        assertThat(kofu("gaiji", "propose", "--tenant", TENANT, "--vendor-table",
                batches.resolve(VendorGaijiTable.FILE_NAME).toString(), "--out", proposal.toString()).exitCode()).isZero();
        CliRun apply = kofu("gaiji", "apply", "--tenant", TENANT, "--file",
                reviewed(proposal, truth, dir.resolve("reviewed.csv")).toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        assertThat(detector.detect(KURUME).isEmpty()).isTrue();
        assertThat(alarms.active()).noneMatch(a -> a.key().startsWith("gaiji/unidentified/"));
        CliRun issued = kofu("issue", "--tenant", TENANT, "--resident", someone.key().value(), "--kind", "juminhyo",
                "--out", dir.resolve("issued.pdf").toString());
        assertThat(issued.exitCode()).as(issued.out() + issued.err()).isZero();
        Path preview = dir.resolve("preview.pdf");
        CliRun previewRun = kofu("gaiji", "preview", "--tenant", TENANT, "--resident", someone.key().value(), "--kind",
                "juminhyo", "--out", preview.toString());
        assertThat(previewRun.exitCode()).as(previewRun.out() + previewRun.err()).isZero();
        assertThat(previewRun.out()).contains("nothing recorded").doesNotContain(someone.name().toUnicode());
        String text = Pdfs.compactText(preview);
        assertThat(text).contains("確認用").contains(mapped(someone, truth)).contains(TENANT + "-00000000");
    }

    @Test
    void badInputAndMisuseGetTheirExitCodes() throws IOException {
        SyntheticTown town = new SyntheticTownGenerator().generate(KURUME, 50, 5, DATE);
        assertThat(kofu("load", "--tenant", TENANT, write(town).toString()).exitCode()).isZero();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "vendor_code,status,mj_id,character,match\n"
                + "U+E011,confirmed,MJ028902,,same\n"
                + "U+E012,confirmed,MJ999999,,same\n"
                + "U+E013,confirmed,MJ032129,U+4E00,same\n"
                + "E014,confirmed,MJ032129,,same\n"
                + "U+E015,maybe,MJ032129,,same\n");

        CliRun apply = kofu("gaiji", "apply", "--tenant", TENANT, "--file", bad.toString());
        CliRun noTable = kofu("gaiji", "sheet", "--tenant", TENANT, "--out", dir.resolve("s.pdf").toString());
        CliRun noSubcommand = CliRun.run("gaiji");
        CliRun badTenant = kofu("gaiji", "scan", "--tenant", "402035");
        CliRun noOut = kofu("gaiji", "propose", "--tenant", TENANT);
        CliRun both = kofu("gaiji", "apply", "--tenant", TENANT, "--reconvert", "--file", bad.toString());

        assertThat(apply.exitCode()).isEqualTo(3);
        assertThat(apply.err()).contains("bad.csv:3:mj_id MJ999999 is not in the MJ character list")
                .contains("bad.csv:4:character").contains("bad.csv:5:vendor_code").contains("bad.csv:6:status");
        assertThat(kofu("gaiji", "sheet", "--tenant", TENANT, "--out", dir.resolve("s.pdf").toString()).exitCode())
                .isEqualTo(2);
        assertThat(noTable.err()).contains("no correspondence table");
        assertThat(noSubcommand.exitCode()).isEqualTo(2);
        assertThat(badTenant.exitCode()).isEqualTo(2);
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void generateWritesTheVendorsCodeTableNextToTheBatches() throws Exception {
        Path out = dir.resolve("generated");
        CliRun run = CliRun.run("generate", "--tenant", TENANT, "--residents", "300", "--seed", "4",
                "--reference-date", DATE.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        SyntheticTown town = new SyntheticTownGenerator().generate(KURUME, 300, 4, DATE);
        assertThat(jp.kofu.cli.gaiji.VendorCodeTableCsv.read(out.resolve(VendorGaijiTable.FILE_NAME)).keySet())
                .containsExactlyElementsOf(town.vendorCharacters().keySet());
    }

    @Test
    void aBatchIsScannedAsItWouldBeLoadedAndReportedAsJson() throws IOException {
        SyntheticTown town = new SyntheticTownGenerator().generate(KURUME, 300, 4, DATE);
        Path batches = write(town);

        CliRun scan = kofu("gaiji", "scan", "--tenant", TENANT, "--batch", batches.toString(), "--json");

        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("\"scanned\" : \"batch town\"");
        for (String code : town.vendorCharacters().keySet()) {
            assertThat(scan.out()).contains("\"vendorCode\" : \"" + code + "\"");
        }
        assertThat(scan.out()).contains("\"kind\" : \"unidentified_vendor\"").contains("\"residents.name\"");
        for (Resident r : town.content().residents()) {
            assertThat(scan.out()).doesNotContain(r.name().toUnicode());
        }
        CliRun missing = kofu("gaiji", "scan", "--tenant", TENANT, "--batch", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
    }
}
