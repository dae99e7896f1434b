package jp.kofu.core.sync.domain.layout;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Where {@link LayoutWriter} writes the rows of one data file (行の書き出し先): a format adapter encoding them
 * as CSV, or as fixed-length records.
 */
public interface RowSink extends Closeable {

    /** Writes one row; the array is reused for the next row, so it must not be kept. */
    void write(String[] cells) throws IOException;

    /** Flushes and closes the stream the sink was opened on. */
    @Override
    void close() throws IOException;

    /** Starts a file on a stream, writing whatever precedes the rows (a CSV header of the column names). */
    @FunctionalInterface
    interface Opener {
        RowSink open(OutputStream out, List<String> columns) throws IOException;
    }
}
