package jp.kofu.adapters.tax;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one data file of the kofu CSV layout (連携ファイルレイアウト). Columns are referred to by
 * the index {@link #required} or {@link #optional} returned, so rows are read by position once the header
 * has been mapped, without a name lookup per cell.
 *
 * <p>A <em>required</em> column must be in the header and hold a value on every row; an <em>optional</em>
 * column may be left out of the header altogether, which is the same as leaving it empty on every row.
 */
final class Layout {

    private final String entity;
    private final String defaultFileName;
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> required = new ArrayList<>();

    Layout(String entity, String defaultFileName) {
        this.entity = entity;
        this.defaultFileName = defaultFileName;
    }

    int required(String name) {
        return add(name, true);
    }

    int optional(String name) {
        return add(name, false);
    }

    private int add(String name, boolean isRequired) {
        if (names.contains(name)) {
            throw new IllegalStateException("column " + name + " defined twice");
        }
        names.add(name);
        required.add(isRequired);
        return names.size() - 1;
    }

    String entity() {
        return entity;
    }

    String defaultFileName() {
        return defaultFileName;
    }

    int size() {
        return names.size();
    }

    String name(int column) {
        return names.get(column);
    }

    boolean isRequired(int column) {
        return required.get(column);
    }

    int indexOf(String name) {
        return names.indexOf(name);
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
