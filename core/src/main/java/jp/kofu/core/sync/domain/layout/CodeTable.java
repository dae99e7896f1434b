package jp.kofu.core.sync.domain.layout;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A code table (コード表): the codes a column may hold and the value each stands for, e.g. {@code 1} for
 * male and {@code 2} for female. Small by nature, so looked up by a scan rather than hashing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <E> what the codes stand for
 */
public final class CodeTable<E> {

    private final String[] codes;
    private final Object[] values;

    private CodeTable(String[] codes, Object[] values) {
        this.codes = codes;
        this.values = values;
    }

    /**
     * The table of the given code → value entries, in the order a problem lists the codes.
     *
     * @throws IllegalArgumentException when there is no entry, or a code or value appears twice
     */
    @SafeVarargs
    public static <E> CodeTable<E> of(Map.Entry<String, E>... entries) {
        if (entries.length == 0) {
            throw new IllegalArgumentException("a code table needs at least one code");
        }
        String[] codes = new String[entries.length];
        Object[] values = new Object[entries.length];
        for (int i = 0; i < entries.length; i++) {
            codes[i] = Objects.requireNonNull(entries[i].getKey(), "code");
            values[i] = Objects.requireNonNull(entries[i].getValue(), "value");
            for (int j = 0; j < i; j++) {
                if (codes[j].equals(codes[i]) || values[j].equals(values[i])) {
                    throw new IllegalArgumentException("code " + codes[i] + " or its value appears twice");
                }
            }
        }
        return new CodeTable<>(codes, values);
    }

    /** What the code stands for, or null when the table has no such code. */
    @SuppressWarnings("unchecked")
    public E valueOf(String code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(code)) {
                return (E) values[i];
            }
        }
        return null;
    }

    /**
     * The code that stands for the value (the writer's side of {@link #valueOf}).
     *
     * @throws IllegalArgumentException when no code stands for it
     */
    public String codeOf(E value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(value)) {
                return codes[i];
            }
        }
        throw new IllegalArgumentException("no code for " + value);
    }

    public List<String> codes() {
        return List.of(codes);
    }

    /** The codes as a problem lists them: {@code a, b or c}. */
    public String alternatives() {
        return Cells.alternatives(List.of(codes));
    }
}
