package jp.kofu.adapters.tax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading one data file gave: its well-formed records with the line each came from, the number of
 * data rows, and its problems.
 *
 * @param <T> the record type
 */
final class Parsed<T> {

    final String file;
    final List<T> records = new ArrayList<>();
    final Problems problems = new Problems();
    private long[] lines = new long[1024];
    private final Map<Object, Long> firstLineOfKey;
    long rows;
    /**
     * Whether every row of the file was seen with a well-formed key (usable header, no unreadable part, no
     * row skipped, no malformed key), so that its keys can be used to check references from other files.
     */
    boolean complete;
    /** Whether some row's key was missing or malformed: what it was meant to be is unknown. */
    boolean unknownKeys;
    /** Another file read along with this one (the seal images with the seals). */
    Parsed<?> companion;

    Parsed(String file) {
        this(file, 16);
    }

    /** With room for about {@code expectedRows} keys, so the key map does not grow row by row. */
    Parsed(String file, long expectedRows) {
        this.file = file;
        this.firstLineOfKey = new HashMap<>((int) Math.min(Math.max(expectedRows * 4 / 3 + 1, 16), 1 << 23));
    }

    /** A generous guess at the rows of a CSV file from its size: no row of the kofu layout is under 64 bytes. */
    static long expectedRows(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file) / 64;
        } catch (java.io.IOException e) {
            return 16;
        }
    }

    void add(T record, long line) {
        int i = records.size();
        if (i == lines.length) {
            lines = Arrays.copyOf(lines, i * 2);
        }
        lines[i] = line;
        records.add(record);
    }

    long lineOf(int index) {
        return lines[index];
    }

    /**
     * Remembers the key of a row whose key cells are well-formed (even if other cells are not, so that
     * references to it are not reported as a second problem); when it was seen before, returns the line it
     * was first seen on, else 0.
     */
    long firstLineOf(Object key, long line) {
        Long first = firstLineOfKey.putIfAbsent(key, line);
        return first == null ? 0 : first;
    }

    /** Whether a row had the key (for references from other files). */
    boolean hasKey(Object key) {
        return firstLineOfKey.containsKey(key);
    }
}
