package jp.kofu.core.sync.domain.layout;

/**
 * Builds one record (レコード) from the current row of a file, for {@link LayoutReader}.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface RowParser<T> {

    /**
     * Reads the row's cells into a record, or returns null after reporting why it cannot. May also check the
     * row's key against the file's earlier rows ({@link Parsed#checkUnique}). An
     * {@link IllegalArgumentException} from a domain type's constructor is reported as the row's problem.
     *
     * @param row the cells of the current row
     * @param file what the file has given so far
     */
    T parse(Cells row, Parsed<T> file);
}
