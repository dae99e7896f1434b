package jp.kofu.cli.gaiji;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The CSV dialect of the 文字同定 files: RFC 4180, UTF-8, a header line, cells trimmed. */
final class Csv {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(false).get();

    private Csv() {
    }

    static CSVParser parser(Reader in) throws IOException {
        return CSVParser.builder().setReader(in).setFormat(READ).get();
    }

    /** The text without a leading byte-order mark (spreadsheets write one). */
    static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The cell, or "" when the column is absent or the row is short. */
    static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).trim() : "";
    }

    static Optional<String> optional(CSVRecord r, String column) {
        String v = get(r, column);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
