package jp.kofu.adapters.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.layout.FixedLayout;
import jp.kofu.core.sync.domain.layout.Layout;

/**
 * The tax files in the fixed-length layout kofu-fixed-v1: the shipped definitions fit the kofu layouts and
 * are documented field by field, and what the writer writes (signed amounts, SJIS vendor 外字) the reader
 * reads back equal.
 */
class TaxFixedLayoutTest {

    static final BatchFormat FIXED = BatchFormat.fixed("kofu-fixed-v1");
    static final Path DOCS = Path.of("..", "docs", "formats", "fixed");

    @TempDir
    Path dir;

    @Test
    void everyDefinitionFitsItsLayoutAndItsPageListsExactlyItsFields() throws Exception {
        for (Layout layout : List.of(TaxRecordsCsv.LAYOUT, TaxDependantsCsv.LAYOUT)) {
            FixedLayout definition = FixedLayouts.CATALOG.find("kofu-fixed-v1", layout).orElseThrow();
            List<String> documented = new ArrayList<>();
            for (String line : Files.readAllLines(DOCS.resolve(layout.entity() + ".md"), StandardCharsets.UTF_8)) {
                if (line.startsWith("| `")) {
                    String[] cells = line.split("\\|");
                    documented.add(cells[1].strip().replace("`", "") + " " + cells[2].strip() + " " + cells[3].strip());
                }
            }
            assertThat(documented).as(layout.entity()).containsExactlyElementsOf(definition.fields().stream()
                    .map(f -> f.column() + " " + f.offset() + " " + f.length()).toList());
        }
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBackEqual() throws Exception {
        ReplicaContent town = inShiftJis(TaxSamples.town());
        List<BatchFile> files = new TaxCsvWriter().write(dir, town, FIXED);
        BatchManifest manifest = new BatchManifest(TaxTestBatch.KURUME, SourceSystem.TAX, 1, BatchKind.FULL,
                Instant.parse("2026-11-26T00:00:00Z"), files, FIXED);

        assertThat(files).extracting(BatchFile::name).containsExactly("tax_records.dat", "tax_dependants.dat");
        assertThat(new TaxCsvReader().read(dir, manifest).content()).isEqualTo(town);
    }

    @Test
    void theWriterRefusesCharactersOutsideWindows31j() {
        assertThatThrownBy(() -> new TaxCsvWriter().write(dir, TaxSamples.town(), FIXED))
                .hasMessageContaining("address_on_january_1 (text, 240 bytes) has a character not in windows-31j");
    }

    /** The samples with their hard names (𠮷, an IVS, an MJ-only and a U+ vendor 外字) as SJIS vendor 外字. */
    static ReplicaContent inShiftJis(ReplicaContent c) {
        PrintedText hard = PrintedText.parse("{VND:SJIS:F040}田 {VND:SJIS:F041}{VND:SJIS:F042}{VND:SJIS:F043}");
        List<TaxRecord> out = new ArrayList<>();
        for (TaxRecord t : c.taxRecords()) {
            List<TaxRecord.Dependant> dependants = new ArrayList<>();
            for (TaxRecord.Dependant d : t.dependants()) {
                dependants.add(new TaxRecord.Dependant(d.name().equals(TaxSamples.hardName()) ? hard : d.name(),
                        d.relationship(), d.filed()));
            }
            PrintedText address = t.addressOnJanuary1().isEmpty() ? t.addressOnJanuary1()
                    : PrintedText.parse(t.addressOnJanuary1().toTagged().replace(TaxSamples.hardName().toTagged(),
                            hard.toTagged()));
            out.add(new TaxRecord(t.person(), t.fiscalYear(), t.residentOnJanuary1(), address, t.filed(), t.incomes(),
                    t.deductions(), t.taxableIncome(), t.incomeLevy(), t.perCapitaLevy(), dependants, t.version()));
        }
        return TaxSamples.content(out.toArray(TaxRecord[]::new));
    }
}
