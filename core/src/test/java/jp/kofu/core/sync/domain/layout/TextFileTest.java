package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.sync.domain.InputProblem;

/** A file's bytes are decoded strictly, and an undecodable byte is found by line. */
class TextFileTest {

    @TempDir
    Path dir;

    final Problems problems = new Problems();

    static String readAll(Reader reader) {
        try (reader) {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                sb.append(buffer, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aByteOrderMarkIsReportedAndSkipped() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "\uFEFFkey\nA1\n", StandardCharsets.UTF_8);

        TextFile file = TextFile.open(dir, "a.csv", StandardCharsets.UTF_8, problems);

        assertThat(readAll(file.reader())).isEqualTo("key\nA1\n");
        assertThat(problems.toList()).extracting(InputProblem::toString).containsExactly(
                "a.csv:1 starts with a byte order mark (BOM); the kofu layout is UTF-8 without BOM");
    }

    @Test
    void aMissingFileIsReported() {
        assertThat(TextFile.open(dir, "a.csv", StandardCharsets.UTF_8, problems)).isNull();

        assertThat(problems.toList()).extracting(InputProblem::toString)
                .containsExactly("a.csv is missing from the batch directory");
    }

    @Test
    void anUndecodableByteIsLocatedByLineAndByteWithinTheLine() throws IOException {
        Files.write(dir.resolve("a.csv"), "key,name\nA1,山田\n".getBytes(Charset.forName("Shift_JIS")));
        TextFile file = TextFile.open(dir, "a.csv", StandardCharsets.UTF_8, problems);

        UncheckedIOException failure = null;
        try {
            readAll(file.reader());
        } catch (UncheckedIOException e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        assertThat(file.reportUndecodable(failure)).isTrue();
        assertThat(problems.toList()).extracting(InputProblem::toString).containsExactly(
                "a.csv:2 invalid UTF-8 (byte 0x8E at byte 4 of the line); the rest of the file was not read");
    }

    @Test
    void aShiftJisFileNamesItsOwnEncoding() throws IOException {
        Files.write(dir.resolve("a.dat"), new byte[] {'A', '1', '\n', 'B', (byte) 0x81, '\n'});
        TextFile file = TextFile.open(dir, "a.dat", Charset.forName("Shift_JIS"), problems);

        assertThat(file.reportUndecodable(new IllegalStateException(new java.nio.charset.MalformedInputException(1))))
                .isTrue();
        assertThat(problems.toList()).extracting(InputProblem::toString).containsExactly(
                "a.dat:2 invalid Shift_JIS (byte 0x81 at byte 2 of the line); the rest of the file was not read");
    }

    @Test
    void anotherFailureIsLeftToTheFormat() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "key\n");
        TextFile file = TextFile.open(dir, "a.csv", StandardCharsets.UTF_8, problems);

        assertThat(file.reportUndecodable(new IllegalStateException("EOF reached before encapsulated token finished")))
                .isFalse();
        assertThat(problems.isEmpty()).isTrue();
        file.problem(3, "quoted field not closed");
        assertThat(problems.toList()).extracting(InputProblem::toString).containsExactly("a.csv:3 quoted field not closed");
    }
}
