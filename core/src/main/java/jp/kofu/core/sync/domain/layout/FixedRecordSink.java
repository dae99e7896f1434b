package jp.kofu.core.sync.domain.layout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import jp.kofu.core.sync.domain.BatchFile;

/**
 * Writes the rows of one file as fixed-length records (固定長レコードの書き出し) of a {@link FixedLayout}:
 * windows-31j, each record its definition's length and ended by CRLF, no header. A value the field cannot
 * hold — longer than the field, a character outside windows-31j that is not a {@code SJIS:XXXX} vendor 外字,
 * a code the vendor's code table lacks, a non-empty column without a field — makes the writer fail on that
 * record (naming the record number and the column, never the value): nothing is truncated.
 *
 * <p>Not thread-safe: one instance per file being written.
 */
public final class FixedRecordSink implements RowSink {

    private final OutputStream out;
    private final FixedLayout definition;
    private final List<String> columns;
    /** Per written column, its field, or null when the definition has none. */
    private final FixedLayout.Field[] fields;
    private final byte[] record;
    private long count;

    private FixedRecordSink(OutputStream out, FixedLayout definition, List<String> columns) {
        this.out = out;
        this.definition = definition;
        this.columns = columns;
        this.fields = new FixedLayout.Field[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = definition.field(columns.get(i));
        }
        this.record = new byte[definition.recordLength() + 2];
    }

    /**
     * Writes the records into {@code directory/}{@link FixedLayout#fileName()}, replacing a file of that
     * name, through {@link LayoutWriter} (so with the SHA-256 for the manifest).
     *
     * @throws IllegalArgumentException when the definition does not fit the layout, or a record cannot be
     *     represented
     */
    public static <T> BatchFile write(Path directory, FixedLayout definition, Layout layout, Iterable<T> records,
            Function<T, String[]> format) throws IOException {
        return write(directory, definition, layout, List.of(), records, format);
    }

    /**
     * As above, the deletion rows ({@link LayoutWriter#deletionRow}) first: their {@code op} field holds the
     * vendor's code for {@code D}, the upserts' {@code op} field is blank.
     *
     * @throws IllegalArgumentException also when there are deletions and the definition has no {@code op} field
     */
    public static <T> BatchFile write(Path directory, FixedLayout definition, Layout layout, List<String[]> deletions,
            Iterable<T> records, Function<T, String[]> format) throws IOException {
        definition.requireFits(layout);
        return LayoutWriter.write(directory, definition.fileName(), layout, deletions, records, format,
                (out, columns) -> new FixedRecordSink(out, definition, columns));
    }

    @Override
    public void write(String[] cells) throws IOException {
        count++;
        java.util.Arrays.fill(record, 0, definition.recordLength(), (byte) ' ');
        for (int i = 0; i < cells.length; i++) {
            FixedLayout.Field field = fields[i];
            String cell = cells[i];
            if (field == null) {
                if (!cell.isEmpty()) {
                    throw new IllegalArgumentException("record " + count + ": column " + columns.get(i)
                            + " holds a value but " + definition.id() + " " + definition.entity() + " has no field for it");
                }
                continue;
            }
            try {
                FixedFields.write(cell, field, record);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("record " + count + ": " + field.column() + " ("
                        + field.type().wireName() + ", " + field.length() + " bytes) " + e.getMessage(), e);
            }
        }
        record[definition.recordLength()] = '\r';
        record[definition.recordLength() + 1] = '\n';
        out.write(record);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
