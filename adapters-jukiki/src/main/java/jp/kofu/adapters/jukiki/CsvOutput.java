package jp.kofu.adapters.jukiki;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.LayoutWriter;
import jp.kofu.core.sync.domain.layout.RowSink;

/**
 * Writes one kofu CSV file through core's {@link LayoutWriter}: UTF-8 without BOM, RFC 4180 (CRLF, fields
 * quoted only when needed), the header row first. The tax adapter has a twin.
 */
final class CsvOutput {

    private CsvOutput() {
    }

    static <T> BatchFile write(Path directory, Layout layout, Iterable<T> records, Function<T, String[]> format)
            throws IOException {
        return LayoutWriter.write(directory, layout, records, format, CsvOutput::open);
    }

    /** As above, the deletion rows ({@link LayoutWriter#deletionRow}) first, with the {@code op} column. */
    static <T> BatchFile write(Path directory, Layout layout, List<String[]> deletions, Iterable<T> records,
            Function<T, String[]> format) throws IOException {
        return LayoutWriter.write(directory, layout.defaultFileName(), layout, deletions, records, format,
                CsvOutput::open);
    }

    private static RowSink open(OutputStream out, List<String> columns) throws IOException {
        CSVPrinter printer = new CSVPrinter(
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), CSVFormat.RFC4180);
        printer.printRecord(columns);
        return new RowSink() {
            @Override
            public void write(String[] cells) throws IOException {
                printer.printRecord((Object[]) cells);
            }

            @Override
            public void close() throws IOException {
                printer.close();
            }
        };
    }
}
