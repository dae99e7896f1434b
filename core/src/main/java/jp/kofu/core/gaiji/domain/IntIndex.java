package jp.kofu.core.gaiji.domain;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A read-only multimap from int keys to int values (rows) held in two parallel sorted arrays: what the MJ
 * repertoire's lookups use instead of boxed hash maps (a few hundred kilobytes per key instead of several
 * megabytes). Lookups are binary searches. Immutable after construction.
 */
final class IntIndex {

    private static final int[] NONE = new int[0];

    private final int[] keys;
    private final int[] values;

    private IntIndex(int[] keys, int[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * Builds the index from parallel arrays; entries whose key is negative are skipped. Values of one key
     * keep their order (ascending, since rows are added in order).
     */
    static IntIndex of(int[] keyByRow) {
        int n = 0;
        for (int k : keyByRow) {
            if (k >= 0) {
                n++;
            }
        }
        long[] packed = new long[n];
        int i = 0;
        for (int row = 0; row < keyByRow.length; row++) {
            if (keyByRow[row] >= 0) {
                packed[i++] = (long) keyByRow[row] << 32 | row;
            }
        }
        return ofPacked(packed);
    }

    /** Builds the index from {@code key << 32 | value} pairs (keys and values non-negative). */
    static IntIndex ofPacked(long[] packed) {
        Arrays.sort(packed);
        int[] keys = new int[packed.length];
        int[] values = new int[packed.length];
        for (int i = 0; i < packed.length; i++) {
            keys[i] = (int) (packed[i] >>> 32);
            values[i] = (int) packed[i];
        }
        return new IntIndex(keys, values);
    }

    /** The values of the key, ascending; empty when none. */
    int[] all(int key) {
        int first = first(key);
        if (first < 0) {
            return NONE;
        }
        int end = first;
        while (end < keys.length && keys[end] == key) {
            end++;
        }
        return Arrays.copyOfRange(values, first, end);
    }

    /** The first value of the key, or -1. */
    int one(int key) {
        int first = first(key);
        return first < 0 ? -1 : values[first];
    }

    int size() {
        return keys.length;
    }

    /**
     * An index built on first use: most processes use two or three of the repertoire's keys, and sorting
     * them all would double its start-up time. Thread-safe.
     */
    static final class Lazy {
        private final Supplier<IntIndex> build;
        private volatile IntIndex index;

        Lazy(Supplier<IntIndex> build) {
            this.build = build;
        }

        IntIndex get() {
            IntIndex i = index;
            if (i == null) {
                synchronized (this) {
                    i = index;
                    if (i == null) {
                        i = build.get();
                        index = i;
                    }
                }
            }
            return i;
        }
    }

    private int first(int key) {
        int at = Arrays.binarySearch(keys, key);
        if (at < 0) {
            return -1;
        }
        while (at > 0 && keys[at - 1] == key) {
            at--;
        }
        return at;
    }
}
