package jp.kofu.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jdbi.v3.core.argument.Argument;

/**
 * Binding and reading of the date and time columns (日付・時刻列) through the JDBC 4.2 java.time mappings,
 * which H2 and PostgreSQL both implement, so that no value passes through {@code java.sql.Timestamp} and the
 * JVM's default time zone.
 */
final class Arguments {

    private Arguments() {
    }

    /** A TIMESTAMP WITH TIME ZONE in UTC, or SQL NULL when absent. */
    static Argument timestamp(Instant at) {
        if (at == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        OffsetDateTime utc = micros(at).atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Optional<LocalDate> optionalDate(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(date(rs, column));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Both databases keep microseconds; cutting here makes them agree instead of rounding differently. */
    static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
