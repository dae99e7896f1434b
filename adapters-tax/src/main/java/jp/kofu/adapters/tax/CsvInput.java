package jp.kofu.adapters.tax;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import jp.kofu.core.sync.domain.InputProblem;

/**
 * One data file of a batch opened for reading: UTF-8 without BOM, RFC 4180 CSV, a header row naming the
 * columns of its {@link Layout} in any order. Iterates the data rows with their physical line numbers and
 * reports, into the file's {@link Problems}, everything wrong with the file's structure (header, field
 * count, empty lines, broken quoting, invalid UTF-8). Field values are checked by {@link Cells}.
 */
final class CsvInput implements Closeable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path path;
    private final String file;
    private final Layout layout;
    private final Problems problems;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final int[] position;
    private int headerSize;
    private CSVRecord current;
    private long line;
    private long records;
    private final List<Long> emptyLines = new ArrayList<>();
    private boolean unreadable;
    private long skipped;

    private CsvInput(Path path, String file, Layout layout, Problems problems, CSVParser parser) {
        this.path = path;
        this.file = file;
        this.layout = layout;
        this.problems = problems;
        this.parser = parser;
        this.rows = parser.iterator();
        this.position = new int[layout.size()];
        Arrays.fill(position, -1);
    }

    /**
     * Opens the file and reads its header.
     *
     * @return the input positioned before the first data row, or {@code null} when the file cannot be read
     *     or its header is unusable (the reasons are in {@code problems})
     */
    static CsvInput open(Path directory, String file, Layout layout, Problems problems) {
        Path path = directory.resolve(file);
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in.mark(BOM.length);
            byte[] start = in.readNBytes(BOM.length);
            if (Arrays.equals(start, BOM)) {
                problems.add(file, 1, "", "starts with a byte order mark (BOM); the kofu layout is UTF-8 without BOM");
            } else {
                in.reset();
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CSVParser parser = CSVFormat.RFC4180.parse(new InputStreamReader(in, utf8));
            CsvInput input = new CsvInput(path, file, layout, problems, parser);
            if (!input.readHeader()) {
                input.close();
                return null;
            }
            return input;
        } catch (NoSuchFileException e) {
            closeQuietly(in);
            problems.add(InputProblem.ofFile(file, "is missing from the batch directory"));
            return null;
        } catch (IOException e) {
            closeQuietly(in);
            problems.add(InputProblem.ofFile(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
    }

    private boolean readHeader() {
        CSVRecord header = nextRecord(1);
        if (header == null) {
            if (!unreadable) {
                problems.add(file, 1, "", "is empty (expected a header row with the column names)");
            }
            return false;
        }
        headerSize = header.size();
        boolean anyKnown = false;
        for (String name : header) {
            anyKnown |= layout.indexOf(name) >= 0;
        }
        if (!anyKnown) {
            problems.add(file, 1, "", "is not a header row: no known column name (expected "
                    + String.join(",", layout.names()) + ")");
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            int column = layout.indexOf(name);
            if (column < 0) {
                problems.add(file, 1, Cells.isQuotable(name) ? name : "column " + (i + 1), "unknown column");
                ok = false;
            } else if (position[column] >= 0) {
                problems.add(file, 1, name, "column appears twice in the header");
                ok = false;
            } else {
                position[column] = i;
            }
        }
        for (int column = 0; column < layout.size(); column++) {
            if (layout.isRequired(column) && position[column] < 0) {
                problems.add(file, 1, layout.name(column), "required column missing from the header");
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Advances to the next data row that has as many fields as the header. Rows with another count are
     * reported and skipped (they still count as records); empty lines are reported unless only empty lines
     * follow them to the end of the file.
     */
    boolean next() {
        while (true) {
            long start = parser.getCurrentLineNumber() + 1;
            CSVRecord record = nextRecord(start);
            if (record == null) {
                current = null;
                return false;
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                emptyLines.add(start);
                continue;
            }
            for (Long empty : emptyLines) {
                problems.add(file, empty, "", "empty line (a row needs " + headerSize + " fields)");
            }
            emptyLines.clear();
            records++;
            line = start;
            if (record.size() != headerSize) {
                problems.add(file, start, "", "has " + record.size() + " fields, the header has " + headerSize);
                skipped++;
                continue;
            }
            current = record;
            return true;
        }
    }

    private CSVRecord nextRecord(long start) {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            reportUnreadable(e, start);
            return null;
        }
    }

    /** Reports why the parser gave up; nothing after that point of the file can be trusted. */
    private void reportUnreadable(RuntimeException e, long start) {
        unreadable = true;
        Throwable cause = e.getCause() == null ? e : e.getCause();
        while (cause.getCause() != null && !(cause instanceof CharacterCodingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException) {
            reportInvalidUtf8();
            return;
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            problems.add(file, start, "", "quoted field not closed: the '\"' opened on this line has no closing '\"'");
        } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
            long at = lineFrom(message, start);
            problems.add(file, at, "", "character after a closing quote (a '\"' inside a quoted field must be doubled)");
        } else {
            problems.add(file, start, "", "malformed CSV; the rest of the file was not read");
        }
    }

    private static long lineFrom(String message, long fallback) {
        int at = message.indexOf("line: ");
        if (at < 0) {
            return fallback;
        }
        int i = at + 6;
        long n = 0;
        while (i < message.length() && Character.isDigit(message.charAt(i))) {
            n = n * 10 + message.charAt(i++) - '0';
        }
        return n > 0 ? n : fallback;
    }

    /**
     * The decoder reads ahead in blocks, so the parser's line is not where the bad byte is: find it by
     * decoding the file again (only on this error path).
     */
    private void reportInvalidUtf8() {
        try {
            byte[] bytes = Files.readAllBytes(path);
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(1 << 16);
            while (true) {
                CoderResult result = utf8.decode(in, out, true);
                if (result.isError()) {
                    int bad = in.position();
                    long lineNo = 1;
                    int lineStart = 0;
                    for (int i = 0; i < bad; i++) {
                        if (bytes[i] == '\n') {
                            lineNo++;
                            lineStart = i + 1;
                        }
                    }
                    problems.add(file, lineNo, "", String.format(
                            "invalid UTF-8 (byte 0x%02X at byte %d of the line); the rest of the file was not read",
                            bytes[bad] & 0xFF, bad - lineStart + 1));
                    return;
                }
                if (result.isUnderflow()) {
                    break;
                }
                out.clear();
            }
        } catch (IOException e) {
            // fall through to the generic report
        }
        problems.add(InputProblem.ofFile(file, "invalid UTF-8; the file was not read to the end"));
    }

    /** Physical 1-based line where the current row starts. */
    long line() {
        return line;
    }

    /**
     * Whether every row of the file was read (its header was usable, nothing stopped the parser and no row
     * was skipped for its field count).
     */
    boolean readToEnd() {
        return current == null && !unreadable && skipped == 0;
    }

    /** Data rows seen so far, well-formed or not. */
    long records() {
        return records;
    }

    String file() {
        return file;
    }

    Layout layout() {
        return layout;
    }

    /** The current row's value of the column; empty when the header does not have the column. */
    String get(int column) {
        int at = position[column];
        return at < 0 ? "" : current.get(at);
    }

    /** A problem of the current row, in the column or, with a negative column, the row as a whole. */
    void problem(int column, String reason) {
        problems.add(file, line, column < 0 ? "" : layout.name(column), reason);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // read-only file: nothing was lost
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only file: nothing was lost
            }
        }
    }
}
