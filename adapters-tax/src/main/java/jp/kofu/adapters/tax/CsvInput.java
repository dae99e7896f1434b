package jp.kofu.adapters.tax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import jp.kofu.core.sync.domain.layout.Problems;
import jp.kofu.core.sync.domain.layout.RowSource;
import jp.kofu.core.sync.domain.layout.TextFile;

/**
 * The rows of one kofu CSV file (UTF-8 without BOM, RFC 4180) for core's layout kit, which maps the header
 * and checks the cells. Reports what only the CSV parser sees: broken quoting. The resident-record adapter
 * has a twin, since adapters may not depend on each other.
 */
final class CsvInput implements RowSource {

    private final TextFile text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long line;
    private boolean stopped;

    private CsvInput(TextFile text) throws IOException {
        this.text = text;
        this.parser = CSVFormat.RFC4180.parse(text.reader());
        this.records = parser.iterator();
    }

    /** Opens the file, or reports why it cannot and returns null. */
    static CsvInput open(Path directory, String file, Problems problems) {
        TextFile text = TextFile.open(directory, file, StandardCharsets.UTF_8, problems);
        try {
            return text == null ? null : new CsvInput(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the parser reads nothing before the first row
        }
    }

    @Override
    public String[] next() {
        line = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? records.next().values() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            stopped = true;
            if (!text.reportUndecodable(e)) {
                String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                if (message.contains("EOF reached before encapsulated token finished")) {
                    text.problem(line, "quoted field not closed: the '\"' opened on this line has no closing '\"'");
                } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
                    // the parser is still on the stray character's line, below the row's start in a multi-line field
                    text.problem(Math.max(line, parser.getCurrentLineNumber()),
                            "character after a closing quote (a '\"' inside a quoted field must be doubled)");
                } else {
                    text.problem(line, "malformed CSV; the rest of the file was not read");
                }
            }
            return null;
        }
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String file() {
        return text.name();
    }

    @Override
    public boolean stoppedEarly() {
        return stopped;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // read-only file: nothing was lost
        }
    }
}
