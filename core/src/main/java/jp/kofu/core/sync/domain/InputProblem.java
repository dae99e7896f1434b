package jp.kofu.core.sync.domain;

/**
 * One problem found in an input file: where and why. Rendered as {@code file:line:column reason}, the
 * form editors and integrators jump to. The reason never quotes personal data.
 *
 * @param file the file name (relative to the batch)
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column the column (field) name, or empty
 * @param reason what is wrong
 */
public record InputProblem(String file, long line, String column, String reason) {

    public InputProblem {
        file = file == null ? "" : file;
        column = column == null ? "" : column;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a problem needs a reason");
        }
    }

    public static InputProblem ofFile(String file, String reason) {
        return new InputProblem(file, 0, "", reason);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (!column.isEmpty()) {
            sb.append(':').append(column);
        }
        return sb.append(' ').append(reason).toString();
    }
}
