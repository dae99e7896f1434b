package jp.kofu.adapters.persistence;

import java.sql.SQLException;

/** Recognises database errors by their SQLSTATE (SQL状態コード), which H2 and PostgreSQL share. */
final class SqlErrors {

    /** integrity constraint violation: unique or primary key. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /** Whether the failure, or anything it was caused by, is a unique or primary key violation. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
