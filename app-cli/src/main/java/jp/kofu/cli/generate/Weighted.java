package jp.kofu.cli.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A weighted choice (重み付き抽選) over a fixed list: cumulative weights and a binary search, so a draw
 * costs O(log n) and never allocates.
 *
 * @param <T> the kind of item
 */
final class Weighted<T> {

    private final List<T> items;
    private final long[] cumulative;

    private Weighted(List<T> items, long[] cumulative) {
        this.items = items;
        this.cumulative = cumulative;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Equal weights. */
    static <T> Weighted<T> uniform(List<T> items) {
        Builder<T> b = builder();
        for (T t : items) {
            b.add(t, 1);
        }
        return b.build();
    }

    T pick(SplittableRandom rnd) {
        long total = cumulative[cumulative.length - 1];
        long x = rnd.nextLong(total);
        int i = Arrays.binarySearch(cumulative, x + 1);
        if (i < 0) {
            i = -i - 1;
        }
        return items.get(i);
    }

    List<T> items() {
        return items;
    }

    int size() {
        return items.size();
    }

    /** Collects items with their weights; items of weight 0 are dropped. */
    static final class Builder<T> {
        private final List<T> items = new ArrayList<>();
        private final List<Long> weights = new ArrayList<>();

        Builder<T> add(T item, long weight) {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            if (weight > 0) {
                items.add(item);
                weights.add(weight);
            }
            return this;
        }

        Weighted<T> build() {
            if (items.isEmpty()) {
                throw new IllegalStateException("nothing to choose from");
            }
            long[] cum = new long[weights.size()];
            long sum = 0;
            for (int i = 0; i < cum.length; i++) {
                sum += weights.get(i);
                cum[i] = sum;
            }
            return new Weighted<>(List.copyOf(items), cum);
        }
    }
}
