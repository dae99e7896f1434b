package jp.kofu.core.sync.domain.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading one data file gave (読込結果): its well-formed records with the line each came from, the
 * number of data rows, the keys seen, and its problems.
 *
 * <p>Keys are remembered for every row whose key cells are well-formed, even when other cells are not, so
 * that a row with one problem does not make every reference to it from another file a second problem.
 *
 * <p>Not thread-safe: filled by one thread, then handed over (e.g. through a {@code Future}).
 *
 * @param <T> the record type
 */
public final class Parsed<T> {

    private final String file;
    private final List<T> records = new ArrayList<>();
    private final List<T> recordsView = Collections.unmodifiableList(records);
    private final Problems problems = new Problems();
    private final Map<Object, Long> firstLineOfKey;
    private long[] lines = new long[1024];
    private long rows;
    private boolean readToEnd;
    private boolean unknownKeys;

    public Parsed(String file) {
        this(file, 16);
    }

    /** With room for about {@code expectedRows} keys, so the key map does not grow row by row. */
    public Parsed(String file, long expectedRows) {
        this.file = file;
        this.firstLineOfKey = new HashMap<>((int) Math.min(Math.max(expectedRows * 4 / 3 + 1, 16), 1 << 23));
    }

    /** The file name, as problems name it. */
    public String file() {
        return file;
    }

    /** The well-formed records, in the order of their rows. */
    public List<T> records() {
        return recordsView;
    }

    public Problems problems() {
        return problems;
    }

    /** Data rows of the file, well-formed or not (what the manifest counts). */
    public long rows() {
        return rows;
    }

    /**
     * Whether every row of the file was seen with a well-formed key (usable header, no unreadable part, no
     * row skipped, no malformed key), so that its keys can be used to check references from other files.
     */
    public boolean complete() {
        return readToEnd && !unknownKeys;
    }

    /** Records the end of the reading: how many data rows there were, and whether all could be read. */
    public void finish(long rows, boolean readToEnd) {
        this.rows = rows;
        this.readToEnd = readToEnd;
    }

    public void add(T record, long line) {
        int i = records.size();
        if (i == lines.length) {
            lines = Arrays.copyOf(lines, i * 2);
        }
        lines[i] = line;
        records.add(record);
    }

    /** The line the record at the index came from. */
    public long lineOf(int index) {
        return lines[index];
    }

    /**
     * Remembers a row's key; when it was seen before, returns the line it was first seen on, else 0.
     */
    public long firstLineOf(Object key, long line) {
        Long first = firstLineOfKey.putIfAbsent(key, line);
        return first == null ? 0 : first;
    }

    /**
     * Remembers the current row's key and reports {@code duplicate <what>, first on line <n>} in the column
     * when an earlier row had it.
     *
     * @return whether the key was new
     */
    public boolean checkUnique(Cells row, int column, Object key, String what) {
        long first = firstLineOf(key, row.line());
        if (first > 0) {
            row.problem(column, "duplicate " + what + ", first on line " + first);
            return false;
        }
        return true;
    }

    /** Notes that some row's key was missing or malformed: what it was meant to be is unknown. */
    public void markUnknownKey() {
        unknownKeys = true;
    }

    /** Whether a row had the key (for references from other files). */
    public boolean hasKey(Object key) {
        return firstLineOfKey.containsKey(key);
    }
}
