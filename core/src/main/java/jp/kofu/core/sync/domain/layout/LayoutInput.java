package jp.kofu.core.sync.domain.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One data file opened for reading against its {@link Layout}: maps the source's cells to the layout's
 * columns (by the header row, or in layout order when the source has none), iterates the data rows with
 * their physical line numbers and reports, into the file's {@link Problems}, everything wrong with the
 * file's structure that its source does not see itself: the header, field counts, empty lines.
 */
final class LayoutInput {

    private final RowSource source;
    private final Layout layout;
    private final Problems problems;
    /** Per layout column, its position in the source's rows, or -1 when the file does not have it. */
    private final int[] position;
    /** The number of cells a row must have, and what fixes it (for the problem's wording). */
    private int width;
    private String widthSetBy;
    private final List<Long> emptyLines = new ArrayList<>();
    private String[] current;
    private long line;
    private long records;
    private long skipped;
    private boolean ended;

    private LayoutInput(RowSource source, Layout layout, Problems problems) {
        this.source = source;
        this.layout = layout;
        this.problems = problems;
        this.position = new int[layout.size()];
        Arrays.fill(position, -1);
    }

    /**
     * Prepares the reading of the source's rows.
     *
     * @return the input positioned before the first data row, or null when the header is unusable (the
     *     reasons are in {@code problems})
     */
    static LayoutInput open(RowSource source, Layout layout, Problems problems) {
        LayoutInput in = new LayoutInput(source, layout, problems);
        if (source.firstRowIsHeader()) {
            return in.readHeader() ? in : null;
        }
        for (int column = 0; column < layout.size(); column++) {
            in.position[column] = column;
        }
        in.width = layout.size();
        in.widthSetBy = "the layout";
        return in;
    }

    private boolean readHeader() {
        String[] header = source.next();
        String file = source.file();
        if (header == null) {
            if (!source.stoppedEarly()) {
                problems.add(file, 1, "", "is empty (expected a header row with the column names)");
            }
            return false;
        }
        long at = source.line();
        width = header.length;
        widthSetBy = "the header";
        boolean anyKnown = false;
        for (String name : header) {
            anyKnown |= layout.indexOf(name) >= 0;
        }
        if (!anyKnown) {
            problems.add(file, at, "", "is not a header row: no known column name (expected "
                    + String.join(",", layout.names()) + ")");
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < width; i++) {
            String name = header[i];
            int column = layout.indexOf(name);
            if (column < 0) {
                problems.add(file, at, Cells.isQuotable(name) ? name : "column " + (i + 1), "unknown column");
                ok = false;
            } else if (position[column] >= 0) {
                problems.add(file, at, name, "column appears twice in the header");
                ok = false;
            } else {
                position[column] = i;
            }
        }
        for (int column = 0; column < layout.size(); column++) {
            if (layout.isRequired(column) && position[column] < 0) {
                problems.add(file, at, layout.name(column), "required column missing from the header");
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Advances to the next data row that has as many cells as the header (or layout). Rows with another
     * count are reported and skipped (they still count as records); empty lines are reported unless only
     * empty lines follow them to the end of the file.
     */
    boolean next() {
        while (true) {
            String[] row = source.next();
            if (row == null) {
                current = null;
                ended = true;
                return false;
            }
            if (row.length == 1 && row[0] != null && row[0].isEmpty() && !source.rowFailed()) {
                emptyLines.add(source.line());
                continue;
            }
            if (!emptyLines.isEmpty()) {
                for (Long empty : emptyLines) {
                    problems.add(source.file(), empty, "", "empty line (a row needs " + width + " fields)");
                }
                emptyLines.clear();
            }
            records++;
            line = source.line();
            if (source.rowFailed()) {
                skipped++;
                continue;
            }
            if (row.length != width) {
                problems.add(source.file(), line, "", "has " + row.length + " fields, " + widthSetBy + " has " + width);
                skipped++;
                continue;
            }
            current = row;
            return true;
        }
    }

    /** Physical 1-based line where the current row starts. */
    long line() {
        return line;
    }

    /**
     * Whether every row of the file was read: its header was usable, nothing stopped the source and no row
     * was skipped for its field count or a failure of its source.
     */
    boolean readToEnd() {
        return ended && !source.stoppedEarly() && skipped == 0;
    }

    /** Data rows seen so far, well-formed or not. */
    long records() {
        return records;
    }

    String file() {
        return source.file();
    }

    Layout layout() {
        return layout;
    }

    /** The current row's value of the column; empty when the file does not have the column. */
    String get(int column) {
        int at = position[column];
        return at < 0 ? "" : current[at];
    }

    /** A problem of the current row, in the column or, with a negative column, the row as a whole. */
    void problem(int column, String reason) {
        problems.add(source.file(), line, column < 0 ? "" : layout.name(column), reason);
    }
}
