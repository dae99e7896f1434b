package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.replica.domain.ReplicaContent;
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
        for (Layout layout : List.of(ResidentsCsv.LAYOUT, HouseholdsCsv.LAYOUT, SealsCsv.LAYOUT,
                SuppressionFlagsCsv.LAYOUT, CardholdersCsv.LAYOUT)) {
            assertThat(documentedColumns(layout.defaultFileName())).as(layout.defaultFileName())
                    .containsExactlyElementsOf(layout.names());
        }
    }

    @Test
    void theReadmeListsEveryFile() throws IOException {
        String readme = Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8);

        for (String entity : JukikiLayout.ENTITIES) {
            assertThat(readme).contains("| `" + JukikiLayout.fileName(entity) + "` | jukiki |");
        }
    }

    @Test
    void theExamplesTogetherAreAValidFullBatch() throws Exception {
        List<BatchFile> files = new ArrayList<>();
        for (String entity : JukikiLayout.ENTITIES) {
            String file = JukikiLayout.fileName(entity);
            if (entity.equals(JukikiLayout.SEAL_IMAGES)) {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(file)))) {
                    for (String name : List.of("0000010001.png", "0000010002.png")) {
                        zip.putNextEntry(new ZipEntry(name));
                        zip.write(Samples.png());
                    }
                }
            } else {
                Files.writeString(dir.resolve(file), example(file), StandardCharsets.UTF_8);
            }
            files.add(new BatchFile(file, entity, 0, "0".repeat(64)));
        }
        BatchManifest manifest = new BatchManifest(TestBatch.KURUME, SourceSystem.JUKIKI, 1, BatchKind.FULL,
                java.time.Instant.parse("2026-11-26T09:00:00Z"), files);

        ReplicaContent content = new JukikiCsvReader().read(dir, manifest).content();

        assertThat(content.residents()).hasSize(3);
        assertThat(content.residents().get(1).name().toTagged()).isEqualTo("𠮷田 葛\uDB40\uDD00子");
        assertThat(content.residents().get(1).addressBeforeMoveIn().toUnicode()).endsWith("{旧}");
        assertThat(content.residents().get(2).foreign()).isPresent();
        assertThat(content.households()).hasSize(2);
        assertThat(content.seals()).hasSize(2);
        assertThat(content.suppressionFlags()).hasSize(2);
        assertThat(content.cardholders()).hasSize(2);
    }

    /** The column names of the page's field table, in the table's order. */
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
