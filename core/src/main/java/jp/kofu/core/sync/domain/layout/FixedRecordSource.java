package jp.kofu.core.sync.domain.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import jp.kofu.core.sync.domain.InputProblem;

/**
 * The rows of one fixed-length file (固定長ファイル) for {@link LayoutReader}: windows-31j records of the
 * {@link FixedLayout}'s length, each ended by CRLF, no header. Each record becomes a row of the kofu
 * {@link Layout}'s columns in the layout's order (columns without a field are empty). What only the codec
 * sees is reported here as {@code file:record:field reason} — a record of the wrong length, a byte that is not
 * windows-31j, a field ending inside a double-byte character, a malformed number or date, an unknown vendor
 * code — and the record is not handed on.
 *
 * <p>Not thread-safe: one instance per file being read.
 */
public final class FixedRecordSource implements RowSource {

    private static final int BUFFER = 1 << 16;

    private final String file;
    private final FixedLayout definition;
    private final Problems problems;
    private final InputStream in;
    /** Per field, its column in the kofu layout. */
    private final int[] columns;
    private final int width;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private byte[] record;
    private long line;
    /** The last two bytes of the line read last, for telling CRLF from LF. */
    private int lastTwo;
    private boolean failed;
    private boolean ended;
    private boolean stopped;

    private FixedRecordSource(String file, FixedLayout definition, Layout layout, Problems problems, InputStream in) {
        this.file = file;
        this.definition = definition;
        this.problems = problems;
        this.in = in;
        this.width = layout.size();
        this.columns = new int[definition.fields().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = layout.indexOf(definition.fields().get(i).column());
        }
        this.record = new byte[definition.recordLength() + 2];
    }

    /**
     * The opener of a layout's files with this definition.
     *
     * @throws IllegalArgumentException when the definition does not fit the layout
     */
    public static RowSource.Opener opener(FixedLayout definition, Layout layout) {
        definition.requireFits(layout);
        return new RowSource.Opener() {
            @Override
            public RowSource open(Path directory, String file, Problems problems) {
                return FixedRecordSource.open(directory, file, definition, layout, problems);
            }

            @Override
            public long expectedRows(long fileBytes) {
                return fileBytes / (definition.recordLength() + 2) + 1;
            }
        };
    }

    private static FixedRecordSource open(Path directory, String file, FixedLayout definition, Layout layout,
            Problems problems) {
        try {
            return new FixedRecordSource(file, definition, layout, problems,
                    Files.newInputStream(directory.resolve(file)));
        } catch (NoSuchFileException e) {
            problems.add(InputProblem.ofFile(file, "is missing from the batch directory"));
            return null;
        } catch (IOException e) {
            problems.add(InputProblem.ofFile(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public boolean firstRowIsHeader() {
        return false;
    }

    @Override
    public String[] next() {
        failed = false;
        int length = readRecord();
        if (length < 0) {
            return null;
        }
        line++;
        int expected = definition.recordLength();
        boolean crlf = length >= 2 && lastTwo == 0x0D0A;
        boolean lf = (lastTwo & 0xFF) == '\n';
        int body = crlf ? length - 2 : lf ? length - 1 : length;
        if (body == 0 && lf) {
            return new String[] {""}; // an empty line: the reader reports it (or ignores it at the end)
        }
        if (!crlf || body != expected) {
            problems.add(file, line, "", "record is " + body + " bytes" + (crlf ? "" : lf
                    ? " ended by LF without CR" : " without the closing CRLF") + "; " + definition.id() + " "
                    + definition.entity() + " records are " + expected + " bytes, each ended by CRLF");
            failed = true;
            return new String[width];
        }
        String[] row = new String[width];
        Arrays.fill(row, "");
        for (int i = 0; i < columns.length; i++) {
            FixedLayout.Field field = definition.fields().get(i);
            try {
                row[columns[i]] = FixedFields.read(record, field);
            } catch (FixedFields.BadField e) {
                problems.add(file, line, field.column(), e.getMessage());
                failed = true;
            }
        }
        return row;
    }

    /**
     * Reads up to and including the next LF into {@link #record}; bytes beyond its size (a record far too
     * long) are counted, not kept, and {@link #lastTwo} holds the line's last two bytes.
     *
     * @return the bytes of the line, or -1 at the end of the file
     */
    private int readRecord() {
        int n = 0;
        lastTwo = 0;
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    return n == 0 ? -1 : n;
                }
            }
            int start = position;
            int lf = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    lf = i;
                    break;
                }
            }
            int end = lf < 0 ? limit : lf + 1;
            int take = end - start;
            if (n < record.length) {
                System.arraycopy(buffer, start, record, n, Math.min(take, record.length - n));
            }
            for (int i = Math.max(start, end - 2); i < end; i++) {
                lastTwo = (lastTwo << 8 | buffer[i] & 0xFF) & 0xFFFF;
            }
            n += take;
            position = end;
            if (lf >= 0) {
                return n;
            }
        }
    }

    private boolean fill() {
        try {
            int read = in.read(buffer);
            if (read <= 0) {
                ended = true;
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (IOException e) {
            problems.add(file, line + 1, "", "cannot be read (" + e.getClass().getSimpleName()
                    + "); the rest of the file was not read");
            ended = true;
            stopped = true;
            return false;
        }
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public boolean stoppedEarly() {
        return stopped;
    }

    @Override
    public boolean rowFailed() {
        return failed;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read-only file: nothing was lost
        }
    }
}
