package jp.kofu.core.sync.domain.layout;

import java.util.ArrayList;
import java.util.List;

import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;

/**
 * The problems (不備) found while reading a batch, capped so that a file with a systematic error (say, a
 * wrong date format in every one of 300,000 rows) still gives a readable rejection: the first
 * {@value #LIMIT} are listed, the rest are counted in one closing entry.
 *
 * <p>Not thread-safe: one collector per file being read, merged with {@link #addAll} afterwards.
 */
public final class Problems {

    /** How many problems a rejection lists. */
    public static final int LIMIT = 200;

    private final List<InputProblem> listed = new ArrayList<>();
    private long total;
    private String firstUnlistedFile;

    public void add(InputProblem problem) {
        total++;
        if (listed.size() < LIMIT) {
            listed.add(problem);
        } else if (firstUnlistedFile == null) {
            firstUnlistedFile = problem.file();
        }
    }

    /** A problem at a line (0 for the whole file) and column (empty for the whole row). */
    public void add(String file, long line, String column, String reason) {
        add(new InputProblem(file, line, column, reason));
    }

    /** Appends another collector's problems after this one's, keeping the overall count exact. */
    public void addAll(Problems other) {
        for (InputProblem p : other.listed) {
            add(p);
        }
        long unlisted = other.total - other.listed.size();
        if (unlisted > 0) {
            total += unlisted;
            if (firstUnlistedFile == null) {
                firstUnlistedFile = other.firstUnlistedFile;
            }
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** Every problem found, listed or not. */
    public long total() {
        return total;
    }

    /** The problems as a rejection lists them: the first {@value #LIMIT}, then how many more there were. */
    public List<InputProblem> toList() {
        List<InputProblem> all = new ArrayList<>(listed);
        if (total > listed.size()) {
            all.add(InputProblem.ofFile(firstUnlistedFile,
                    (total - listed.size()) + " more problems not listed (only the first " + LIMIT + " are)"));
        }
        return all;
    }

    /** Rejects the batch with {@link #toList()} when there is any problem. */
    public void throwIfAny() throws BatchRejectedException {
        if (total > 0) {
            throw new BatchRejectedException(toList());
        }
    }
}
