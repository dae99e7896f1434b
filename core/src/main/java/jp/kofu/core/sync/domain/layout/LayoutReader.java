package jp.kofu.core.sync.domain.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.VendorTextConverter;

/**
 * Reads data files of a record layout (連携ファイルの読込) for one tenant: every row of a file is parsed and
 * every problem collected, so that a batch is accepted or rejected whole. The tokenizing is the
 * {@link RowSource}'s; the header mapping, field counts, empty lines and cell checks are done here.
 *
 * <p>Immutable and thread-safe: the files of a batch may be read in parallel.
 */
public final class LayoutReader {

    /** A generous guess at a data row's size, to size a file's key map before reading it. */
    private static final int TYPICAL_ROW_BYTES = 64;

    private final VendorTextConverter converter;

    /** A reader converting vendor 外字 with the tenant's correspondence table (対照表). */
    public LayoutReader(CorrespondenceTable table) {
        this.converter = new VendorTextConverter(Objects.requireNonNull(table, "table"));
    }

    /**
     * Opens a file of a batch directory and reads it whole.
     *
     * @return the file's records, keys and problems (a file that cannot be opened has only the problem)
     */
    public <T> Parsed<T> read(Path directory, String file, Layout layout, RowSource.Opener opener,
            RowParser<T> parser) {
        Parsed<T> parsed = new Parsed<>(file, expectedRows(directory.resolve(file), opener));
        return read(opener.open(directory, file, parsed.problems()), layout, parsed, parser);
    }

    /**
     * Reads every row of the source into {@code into}, then closes the source. A null source (one that
     * could not be opened, which has been reported) gives {@code into} as it is.
     */
    public <T> Parsed<T> read(RowSource source, Layout layout, Parsed<T> into, RowParser<T> parser) {
        if (source == null) {
            return into;
        }
        try (source) {
            LayoutInput in = LayoutInput.open(source, layout, into.problems());
            if (in == null) {
                return into;
            }
            Cells cells = new Cells(in, converter);
            while (in.next()) {
                readRow(cells, into, parser);
            }
            into.finish(in.records(), in.readToEnd());
        }
        return into;
    }

    /**
     * One row; a method of its own so that the JIT compiles it once from the profile of every file read
     * in parallel, instead of recompiling a large on-stack replacement of the loop as each file's parser
     * shows up (measured: that made a cold JVM's first tax batch a third more CPU).
     */
    private static <T> void readRow(Cells cells, Parsed<T> into, RowParser<T> parser) {
        cells.startRow();
        T record;
        try {
            record = parser.parse(cells, into);
        } catch (IllegalArgumentException e) {
            // a domain rule the parser does not check itself; core keeps personal data out of it
            cells.problem(Cells.WHOLE_ROW, "rejected by kofu's domain rules: " + e.getMessage());
            record = null;
        }
        if (record != null && cells.rowOk()) {
            into.add(record, cells.line());
        }
    }

    private static long expectedRows(Path file, RowSource.Opener opener) {
        try {
            long bytes = Files.size(file);
            long rows = opener.expectedRows(bytes);
            return rows > 0 ? rows : bytes / TYPICAL_ROW_BYTES;
        } catch (IOException e) {
            return 16;
        }
    }
}
