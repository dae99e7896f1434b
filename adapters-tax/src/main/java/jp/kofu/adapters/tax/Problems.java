package jp.kofu.adapters.tax;

import java.util.ArrayList;
import java.util.List;

import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;

/**
 * The problems (不備) found while reading a batch, capped so that a file with a systematic error (say, a
 * wrong date format in every one of 300,000 rows) still gives a readable rejection: the first
 * {@value #LIMIT} are listed, the rest are counted in one closing entry.
 */
final class Problems {

    static final int LIMIT = 200;

    private final List<InputProblem> listed = new ArrayList<>();
    private long total;
    private String firstUnlistedFile;

    void add(InputProblem problem) {
        total++;
        if (listed.size() < LIMIT) {
            listed.add(problem);
        } else if (firstUnlistedFile == null) {
            firstUnlistedFile = problem.file();
        }
    }

    void add(String file, long line, String column, String reason) {
        add(new InputProblem(file, line, column, reason));
    }

    /** Appends another collector's problems after this one's, keeping the overall count exact. */
    void addAll(Problems other) {
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

    boolean isEmpty() {
        return total == 0;
    }

    long total() {
        return total;
    }

    void throwIfAny() throws BatchRejectedException {
        if (total == 0) {
            return;
        }
        List<InputProblem> all = new ArrayList<>(listed);
        if (total > listed.size()) {
            all.add(InputProblem.ofFile(firstUnlistedFile,
                    (total - listed.size()) + " more problems not listed (only the first " + LIMIT + " are)"));
        }
        throw new BatchRejectedException(all);
    }
}
