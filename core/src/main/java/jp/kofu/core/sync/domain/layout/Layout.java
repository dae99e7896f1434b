package jp.kofu.core.sync.domain.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one data file of an interchange record layout (連携ファイルレイアウト), e.g. kofu's
 * {@code residents.csv}. Columns are referred to by the index {@link #required}, {@link #optional} or
 * {@link #operation} returned, so that rows are read by position once the header has been mapped, without
 * a name lookup per cell.
 *
 * <p>A <em>required</em> column must be in the header and hold a value on every row; an <em>optional</em>
 * column may be left out of the header altogether, which is the same as leaving it empty on every row. The
 * <em>operation</em> column ({@code op}: upsert or delete) is optional when reading; a writer writes it
 * only into a file that carries deletion rows ({@link LayoutWriter}), so a file of upserts only has no
 * {@code op} column.
 *
 * <p>A layout is defined once, by the static initializer of the class describing its file, and only read
 * afterwards; it is then safe to share between threads.
 */
public final class Layout {

    private enum Kind { REQUIRED, OPTIONAL, OPERATION }

    private final String entity;
    private final String defaultFileName;
    private final List<String> names = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();

    /**
     * @param entity what the file holds, as the batch manifest names it (e.g. {@code residents})
     * @param defaultFileName the name a writer gives the file (e.g. {@code residents.csv})
     */
    public Layout(String entity, String defaultFileName) {
        this.entity = entity;
        this.defaultFileName = defaultFileName;
    }

    /** Adds a required column and returns its index. */
    public int required(String name) {
        return add(name, Kind.REQUIRED);
    }

    /** Adds an optional column and returns its index. */
    public int optional(String name) {
        return add(name, Kind.OPTIONAL);
    }

    /** Adds the row's operation column (optional when read, written only beside deletions) and returns its index. */
    public int operation(String name) {
        return add(name, Kind.OPERATION);
    }

    private int add(String name, Kind kind) {
        if (names.contains(name)) {
            throw new IllegalStateException("column " + name + " defined twice");
        }
        names.add(name);
        kinds.add(kind);
        return names.size() - 1;
    }

    public String entity() {
        return entity;
    }

    public String defaultFileName() {
        return defaultFileName;
    }

    /** The number of columns. */
    public int size() {
        return names.size();
    }

    public String name(int column) {
        return names.get(column);
    }

    public boolean isRequired(int column) {
        return kinds.get(column) == Kind.REQUIRED;
    }

    /** Whether a writer writes the column into a file of upserts only: every column but the operation. */
    public boolean isWritten(int column) {
        return kinds.get(column) != Kind.OPERATION;
    }

    /** The index of the operation column, or -1 when the layout has none. */
    public int operationColumn() {
        return kinds.indexOf(Kind.OPERATION);
    }

    /** The column's index, or -1 when the layout has no column of that name. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /** Every column name, in the order of definition. */
    public List<String> names() {
        return List.copyOf(names);
    }
}
