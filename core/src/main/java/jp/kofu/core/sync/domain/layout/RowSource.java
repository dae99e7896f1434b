package jp.kofu.core.sync.domain.layout;

import java.nio.file.Path;

/**
 * The rows of one data file (行の読み出し元), as a format adapter tokenizes them: CSV, or fixed-length records.
 * A row is its cell strings and the physical line it starts on; rows are handed over without a wrapper
 * object, since a town's files have millions of them.
 * The source reports into the file's {@link Problems} what only it can see (broken quoting, an undecodable
 * byte, a record of the wrong length); {@link LayoutReader} does the rest.
 *
 * <p>An empty line is yielded as a row of one empty cell (what RFC 4180 makes of it), so that the reader
 * can report it.
 */
public interface RowSource extends AutoCloseable {

    /** The file name, relative to its batch, as problems name it. */
    String file();

    /**
     * The cells of the next row, in the file's order and none null, or null at the end of the file or where
     * the rest of it cannot be read (then {@link #stoppedEarly()} holds and the reason has been reported).
     * The array is handed over, not copied: the source must not change it afterwards.
     */
    String[] next();

    /**
     * The 1-based physical line where the row {@link #next()} returned last starts; the header, if any, is
     * line 1, and a CSV field spanning lines makes the next row start further down.
     */
    long line();

    /** Whether the source stopped before the end of the file because the rest cannot be read. */
    boolean stoppedEarly();

    /**
     * Whether the first row names the columns (a CSV header); when not, every row holds the layout's columns
     * in the layout's order (a fixed-length record definition).
     */
    default boolean firstRowIsHeader() {
        return true;
    }

    /**
     * Whether the row {@link #next()} returned last could not be tokenized and its problems have been
     * reported (a fixed-length record of the wrong length, a field that is not windows-31j): the reader skips
     * it, like a row with the wrong number of fields.
     */
    default boolean rowFailed() {
        return false;
    }

    /** Releases the file; a source only reads, so nothing can be lost. */
    @Override
    void close();

    /** Opens a file of a batch directory, or reports why it cannot and returns null. */
    @FunctionalInterface
    interface Opener {
        RowSource open(Path directory, String file, Problems problems);

        /**
         * About how many rows a file of this many bytes holds, to size the reader's key map; 0 for the
         * reader's own guess (a CSV row's typical size).
         */
        default long expectedRows(long fileBytes) {
            return 0;
        }
    }
}
