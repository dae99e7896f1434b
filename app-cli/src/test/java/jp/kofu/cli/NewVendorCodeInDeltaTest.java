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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.adapters.jukiki.JukikiCsvWriter;
import jp.kofu.cli.gaiji.CorrespondenceCsv;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.SyntheticTownGenerator;
import jp.kofu.cli.generate.Trait;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.JsonBatchManifestCodec;

/**
 * A delta batch brings a vendor 外字 the tenant's 対照表 does not know: the resident is stored, refused with
 * 未同定外字, an alarm names the code and the count; once the reviewed table is applied the resident is
 * issuable and the 確認用 preview renders the identified character.
 */
class NewVendorCodeInDeltaTest {

    private static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");
    private static final String NEW_CODE = "U+E0F7";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** One environment for every command: one application graph, so its in-memory alarms stay observable. */
    private final CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
            Map.of(), CliRun.CLOCK);

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db/kofu");
    }

    private CliRun run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int code = Cli.execute(environment, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void aNewVendorCodeInADeltaIsSuppressedAndAlarmedUntilTheTableMapsIt() throws Exception {
        Path town = dir.resolve("town");
        assertThat(run("generate", "--tenant", "402036", "--residents", "60", "--seed", "9", "--reference-date",
                "2026-11-26", "--out", town.toString()).exitCode()).isZero();
        assertThat(run("load", "--db", db(), "--tenant", "402036", town.toString()).exitCode()).isZero();
        SyntheticTown generated = new SyntheticTownGenerator().generate(KURUME, 60, 9, LocalDate.parse("2026-11-26"));
        Resident before = generated.content().residents().stream()
                .filter(r -> generated.has(r.key(), Trait.ORDINARY_ADULT)).findFirst().orElseThrow();
        String key = before.key().value();
        assertThat(run("issue", "--db", db(), "--tenant", "402036", "--resident", key, "--kind", "juminhyo",
                "--out", dir.resolve("before.pdf").toString()).exitCode()).isZero();

        // the resident-record system renames the resident with a 外字 nobody has identified yet
        Resident renamed = withName(before, PrintedText.parse("高{VND:" + NEW_CODE + "}　花子"));
        Path delta = Files.createDirectories(dir.resolve("in/jukiki-000002-delta"));
        List<BatchFile> files = new JukikiCsvWriter().write(delta, new ReplicaContent(List.of(renamed), List.of(), List.of(),
                List.of(), List.of(), List.of()));
        new JsonBatchManifestCodec().write(delta, new BatchManifest(KURUME, SourceSystem.JUKIKI, 2, BatchKind.DELTA,
                Instant.parse("2026-11-26T03:05:00Z"), files));
        assertThat(Files.readString(delta.resolve("residents.csv"))).contains("\uE0F7");

        CliRun applied = run("sync", "apply", "--db", db(), delta.toString());
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        AlarmPort alarms = environment.kofu(db()).getInstance(AlarmPort.class);
        Alarm alarm = alarms.active().stream().filter(a -> a.key().equals("gaiji/unidentified/" + NEW_CODE))
                .findFirst().orElseThrow();
        assertThat(alarm.tenant()).contains(KURUME);
        assertThat(alarm.what()).isEqualTo(NEW_CODE + ": 1 residents suppressed (未同定外字)");

        CliRun refused = run("issue", "--db", db(), "--tenant", "402036", "--resident", key, "--kind", "juminhyo");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("UNIDENTIFIED_CHARACTER (未同定外字)");

        Path proposal = dir.resolve("proposal.csv");
        assertThat(run("gaiji", "propose", "--db=" + db(), "--tenant", "402036", "--out", proposal.toString()).exitCode())
                .isZero();
        Path reviewed = confirm(proposal, NEW_CODE, "MJ010906", dir.resolve("reviewed.csv"));
        CliRun apply = run("gaiji", "apply", "--db=" + db(), "--tenant", "402036", "--file", reviewed.toString());
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();

        assertThat(alarms.active()).noneMatch(a -> a.key().equals("gaiji/unidentified/" + NEW_CODE));
        assertThat(run("issue", "--db", db(), "--tenant", "402036", "--resident", key, "--kind", "juminhyo",
                "--out", dir.resolve("after.pdf").toString()).exitCode()).isZero();
        Path preview = dir.resolve("preview.pdf");
        CliRun previewed = run("gaiji", "preview", "--db=" + db(), "--tenant", "402036", "--resident", key, "--kind",
                "juminhyo", "--out", preview.toString());
        assertThat(previewed.exitCode()).as(previewed.out() + previewed.err()).isZero();
        String mj010906 = jp.kofu.core.gaiji.domain.MjRepertoire.shared()
                .printedChar(jp.kofu.core.gaiji.domain.MjId.parse("MJ010906")).orElseThrow().toUnicode();
        assertThat(Pdfs.compactText(preview)).contains("確認用").contains("高" + mj010906 + "花子");
    }

    private static Resident withName(Resident r, PrintedText name) {
        return new Resident(r.key(), r.household(), name, r.nameKana(), r.formerSurname(), r.formerSurnameKana(), r.alias(),
                r.birthDate(), r.sex(), r.relationship(), r.address(), r.addressSupplement(), r.domicile(), r.domicileHead(),
                r.becameResidentOn(), r.addressSetOn(), r.notifiedOn(), r.addressBeforeMoveIn(), r.addressBeforeChange(),
                r.entryReason(), r.individualNumber(), r.residentRecordCode(), r.status(), r.foreign(), r.version() + 1);
    }

    /** The proposal as the city confirms it: the new code identified as the given MJ character. */
    private static Path confirm(Path proposal, String code, String mjId, Path out) throws IOException {
        CSVFormat read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(proposal, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(read).get();
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                     .setHeader(CorrespondenceCsv.COLUMNS.toArray(new String[0])).get())) {
            boolean found = false;
            for (CSVRecord r : parser.getRecords()) {
                if (!r.get("vendor_code").equals(code)) {
                    continue;
                }
                List<String> cells = new ArrayList<>(r.toList());
                cells.set(CorrespondenceCsv.COLUMNS.indexOf("status"), CorrespondenceCsv.CONFIRMED);
                cells.set(CorrespondenceCsv.COLUMNS.indexOf("mj_id"), mjId);
                cells.set(CorrespondenceCsv.COLUMNS.indexOf("character"), "");
                csv.printRecord(cells);
                found = true;
            }
            assertThat(found).as("the proposal lists " + code).isTrue();
        }
        return out;
    }
}
