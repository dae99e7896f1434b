package jp.kofu.core.sync.domain;

import java.util.List;

/**
 * A batch (or an input file) was rejected whole (一括不受理): nothing of it was applied. Carries every
 * problem found, each with its file, line and field.
 */
public class BatchRejectedException extends Exception {

    private final transient List<InputProblem> problems;

    public BatchRejectedException(List<InputProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public BatchRejectedException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String summary(List<InputProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one problem");
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }
}
