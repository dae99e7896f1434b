package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** A batch directory in a test: written by the writer, then tampered with file by file. */
final class TestBatch {

    static final LocalGovernmentCode KURUME = new LocalGovernmentCode("402036");

    final Path directory;
    List<BatchFile> files;
    BatchKind kind = BatchKind.FULL;

    private TestBatch(Path directory, List<BatchFile> files) {
        this.directory = directory;
        this.files = new ArrayList<>(files);
    }

    static TestBatch written(Path directory, ReplicaContent content) {
        try {
            return new TestBatch(directory, new JukikiCsvWriter().write(directory, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BatchManifest manifest() {
        return new BatchManifest(KURUME, SourceSystem.JUKIKI, 1, kind, Instant.parse("2026-11-26T00:00:00Z"), files);
    }

    ParsedBatch read() throws BatchRejectedException {
        return new JukikiCsvReader().read(directory, manifest());
    }

    ParsedBatch read(CorrespondenceTable table) throws BatchRejectedException {
        return new JukikiCsvReader(table).read(directory, manifest());
    }

    /** The rejection's problems as {@code file:line:column reason}; fails when the batch is accepted. */
    List<String> problems() {
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, this::read);
        assertThat(e).as("the batch is rejected").isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    String content(String file) {
        try {
            return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestBatch replace(String file, String content) {
        return replace(file, content.getBytes(StandardCharsets.UTF_8));
    }

    TestBatch replace(String file, byte[] content) {
        try {
            Files.write(directory.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sets one cell of a data row (1 = first row after the header); the file is rewritten with LF. */
    TestBatch cell(String file, int row, String column, String value) {
        List<List<String>> rows = rows(file);
        int at = rows.get(0).indexOf(column);
        assertThat(at).as("column %s in %s", column, file).isNotNegative();
        rows.get(row).set(at, value);
        return rewrite(file, rows);
    }

    /** Appends a copy of a data row with one cell changed. */
    TestBatch copyRow(String file, int row, String column, String value) {
        List<List<String>> rows = rows(file);
        List<String> copy = new ArrayList<>(rows.get(row));
        copy.set(rows.get(0).indexOf(column), value);
        rows.add(copy);
        return rewrite(file, rows);
    }

    List<List<String>> rows(String file) {
        List<List<String>> rows = new ArrayList<>();
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(content(file)))) {
            for (CSVRecord record : parser) {
                rows.add(new ArrayList<>(record.toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    TestBatch rewrite(String file, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return replace(file, out.toString());
    }
}
