package jp.kofu.core.sync.domain.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written {@link RowSource} over rows held in memory, one row per physical line: what a format
 * adapter would yield, without a format.
 */
final class InMemoryRows implements RowSource {

    private final String file;
    private final List<String[]> rows = new ArrayList<>();
    private int next;
    private long line;
    private boolean header = true;
    private long stopAtLine = -1;
    private boolean stopped;
    boolean closed;

    private InMemoryRows(String file) {
        this.file = file;
    }

    /** Rows of comma-separated cells (no quoting), the first on line 1; "" is an empty line. */
    static InMemoryRows of(String file, String... lines) {
        InMemoryRows source = new InMemoryRows(file);
        for (String line : lines) {
            source.rows.add(line.split(",", -1));
        }
        return source;
    }

    /** Rows given cell by cell, the first on line 1. */
    static InMemoryRows ofCells(String file, List<String[]> cells) {
        InMemoryRows source = new InMemoryRows(file);
        source.rows.addAll(cells);
        return source;
    }

    /** Every row holds the layout's columns in order; there is no header row. */
    InMemoryRows withoutHeader() {
        header = false;
        return this;
    }

    /** Gives up at the line, as a source does when the rest of its file cannot be read. */
    InMemoryRows stoppingAtLine(long line) {
        stopAtLine = line;
        return this;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public String[] next() {
        if (next == rows.size()) {
            return null;
        }
        line = ++next;
        if (line == stopAtLine) {
            stopped = true;
            return null;
        }
        return rows.get(next - 1);
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public boolean stoppedEarly() {
        return stopped;
    }

    @Override
    public boolean firstRowIsHeader() {
        return header;
    }

    @Override
    public void close() {
        closed = true;
    }
}
