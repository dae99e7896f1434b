package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.sync.domain.BatchFile;

/**
 * The writer writes every column but the operation, through the format's sink, and sums what it wrote; with
 * deletion rows, the operation column too ({@code D} on them, empty on the upserts).
 */
class LayoutWriterTest {

    static final Layout LAYOUT = new Layout("things", "things.txt");
    static final int OP = LAYOUT.operation("op");
    static final int KEY = LAYOUT.required("key");
    static final int NAME = LAYOUT.optional("name");

    @TempDir
    Path dir;

    /** A format of its own: cells joined by '|', one line per row, the column names first. */
    static RowSink pipes(OutputStream out, List<String> columns) throws IOException {
        out.write((String.join("|", columns) + "\n").getBytes(StandardCharsets.UTF_8));
        return new RowSink() {
            @Override
            public void write(String[] cells) throws IOException {
                out.write((String.join("|", cells) + "\n").getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    static String[] row(String key, String name) {
        String[] row = new String[LAYOUT.size()];
        row[OP] = "never written";
        row[KEY] = key;
        row[NAME] = name;
        return row;
    }

    @Test
    void everyColumnButTheOperationIsWrittenAndTheFileIsCountedAndSummed() throws Exception {
        BatchFile written = LayoutWriter.write(dir, LAYOUT, List.of("A1", "A2"), k -> row(k, "山田"),
                LayoutWriterTest::pipes);

        byte[] bytes = Files.readAllBytes(dir.resolve("things.txt"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("key|name\nA1|山田\nA2|山田\n");
        assertThat(written).isEqualTo(new BatchFile("things.txt", "things", 2,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
        assertThat(LAYOUT.isWritten(OP)).isFalse();
        assertThat(LAYOUT.isRequired(OP)).isFalse();
    }

    @Test
    void noRecordsIsAFileWithOnlyItsHeader() throws Exception {
        BatchFile written = LayoutWriter.write(dir, LAYOUT, List.<String>of(), k -> row(k, ""), LayoutWriterTest::pipes);

        assertThat(Files.readString(dir.resolve("things.txt"))).isEqualTo("key|name\n");
        assertThat(written.records()).isZero();
    }

    @Test
    void deletionRowsComeFirstWithTheOperationColumnDAndOnlyTheirKey() throws Exception {
        String[] deletion = LayoutWriter.deletionRow(LAYOUT, java.util.Map.of("key", "A9"));
        BatchFile written = LayoutWriter.write(dir, "things.txt", LAYOUT, List.<String[]>of(deletion),
                List.of("A1"), k -> row(k, "山田"), LayoutWriterTest::pipes);

        assertThat(Files.readString(dir.resolve("things.txt"))).isEqualTo("op|key|name\nD|A9|\n|A1|山田\n");
        assertThat(written.records()).isEqualTo(2);
    }

    @Test
    void aDeletionRowNamesOnlyColumnsOfTheLayoutWithAnOperation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> LayoutWriter.deletionRow(LAYOUT, java.util.Map.of("nope", "A9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        Layout withoutOp = new Layout("plain", "plain.txt");
        withoutOp.required("key");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> LayoutWriter.deletionRow(withoutOp, java.util.Map.of("key", "A9")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
