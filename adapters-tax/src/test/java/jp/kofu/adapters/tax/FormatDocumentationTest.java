package jp.kofu.adapters.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.layout.Layout;

/** docs/formats describes exactly the columns this module reads, and its examples are valid input. */
class FormatDocumentationTest {

    static final Path DOCS = Path.of("..", "docs", "formats");

    @TempDir
    Path dir;

    @Test
    void everyColumnOfEveryFileIsInItsPageAndNothingElseIs() throws IOException {
        for (Layout layout : List.of(TaxRecordsCsv.LAYOUT, TaxDependantsCsv.LAYOUT)) {
            assertThat(documentedColumns(layout.defaultFileName())).as(layout.defaultFileName())
                    .containsExactlyElementsOf(layout.names());
        }
    }

    @Test
    void theReadmeListsEveryFile() throws IOException {
        String readme = Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8);

        for (String entity : TaxLayout.ENTITIES) {
            assertThat(readme).contains("| `" + TaxLayout.fileName(entity) + "` | tax |");
        }
    }

    @Test
    void theExamplesTogetherAreAValidFullBatch() throws Exception {
        List<BatchFile> files = new ArrayList<>();
        for (String entity : TaxLayout.ENTITIES) {
            String file = TaxLayout.fileName(entity);
            Files.writeString(dir.resolve(file), example(file), StandardCharsets.UTF_8);
            files.add(new BatchFile(file, entity, 0, "0".repeat(64)));
        }
        BatchManifest manifest = new BatchManifest(TaxTestBatch.KURUME, SourceSystem.TAX, 1, BatchKind.FULL,
                java.time.Instant.parse("2026-11-26T09:00:00Z"), files);

        List<TaxRecord> records = new TaxCsvReader().read(dir, manifest).content().taxRecords();

        assertThat(records).hasSize(3);
        assertThat(records.get(0).totalIncome()).isEqualTo(3_860_000 - 250_000);
        assertThat(records.get(0).dependants()).hasSize(2);
        assertThat(records.get(1).nonTaxable()).isTrue();
        assertThat(records.get(2).residentOnJanuary1()).isFalse();
    }

    static List<String> documentedColumns(String file) throws IOException {
        List<String> columns = new ArrayList<>();
        for (String line : Files.readAllLines(DOCS.resolve(file + ".md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| `")) {
                columns.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        return columns;
    }

    static String example(String file) throws IOException {
        String page = Files.readString(DOCS.resolve(file + ".md"), StandardCharsets.UTF_8);
        int start = page.indexOf("```csv\n") + 7;
        return page.substring(start, page.indexOf("```", start));
    }
}
