package jp.kofu.core.sync.domain.layout;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.kofu.core.sync.domain.BatchFile;

/**
 * Writes one data file of a record layout (連携ファイルの書き出し): every written column of the
 * {@link Layout} (all but the operation), one row per record, through a format's {@link RowSink}. The
 * SHA-256 the manifest needs is computed over the bytes as they are written.
 *
 * <p>A delta's file may also carry deletion rows (削除行, {@link #deletionRow}): the file then has the
 * operation column as well, {@code D} on the deletion rows (written first, only their key columns filled)
 * and empty on the upserts. A file without deletions has no operation column, as before.
 */
public final class LayoutWriter {

    private static final int BUFFER = 1 << 16;

    private LayoutWriter() {
    }

    /**
     * Writes the records into {@code directory/}{@link Layout#defaultFileName()}, replacing a file of that
     * name.
     *
     * @param format a record as a row of the layout's columns (indexed as the layout's), see {@link Representable}
     * @return the file written, with its record count and SHA-256, for the manifest
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException from {@code format} when a record cannot be represented
     */
    public static <T> BatchFile write(Path directory, Layout layout, Iterable<T> records, Function<T, String[]> format,
            RowSink.Opener sink) throws IOException {
        return write(directory, layout.defaultFileName(), layout, records, format, sink);
    }

    /**
     * Writes the records into {@code directory/file} (a format naming its files otherwise than the layout,
     * e.g. a fixed-length {@code residents.dat}), replacing a file of that name.
     *
     * @see #write(Path, Layout, Iterable, Function, RowSink.Opener)
     */
    public static <T> BatchFile write(Path directory, String file, Layout layout, Iterable<T> records,
            Function<T, String[]> format, RowSink.Opener sink) throws IOException {
        return write(directory, file, layout, List.of(), records, format, sink);
    }

    /**
     * Writes the deletion rows, then the records, into {@code directory/file}, replacing a file of that
     * name; with the operation column when there is a deletion row.
     *
     * @param deletions rows made by {@link #deletionRow} for this layout (empty for a full batch)
     * @see #write(Path, Layout, Iterable, Function, RowSink.Opener)
     */
    public static <T> BatchFile write(Path directory, String file, Layout layout, List<String[]> deletions,
            Iterable<T> records, Function<T, String[]> format, RowSink.Opener sink) throws IOException {
        int op = layout.operationColumn();
        if (!deletions.isEmpty() && op < 0) {
            throw new IllegalArgumentException(layout.entity() + " has no operation column for deletions");
        }
        List<String> names = new ArrayList<>();
        int[] columns = new int[layout.size()];
        for (int column = 0; column < layout.size(); column++) {
            if (layout.isWritten(column) || (column == op && !deletions.isEmpty())) {
                columns[names.size()] = column;
                names.add(layout.name(column));
            }
        }
        MessageDigest sha256 = sha256();
        long count = 0;
        OutputStream out = new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(file)), BUFFER), sha256);
        RowSink rows;
        try {
            rows = sink.open(out, List.copyOf(names));
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        try (rows) {
            String[] values = new String[names.size()];
            for (String[] row : deletions) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = row[columns[i]];
                }
                rows.write(values);
                count++;
            }
            for (T record : records) {
                String[] row = format.apply(record);
                for (int i = 0; i < values.length; i++) {
                    values[i] = columns[i] == op ? "" : row[columns[i]]; // an upsert's op is empty
                }
                rows.write(values);
                count++;
            }
        }
        return new BatchFile(file, layout.entity(), count, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * A deletion row of the layout: {@code D} in the operation column, the given key columns filled, every
     * other column empty (as docs/formats/README.md section 2 describes a {@code D} row).
     *
     * @param keyColumns the record's key, by column name, as a row of the layout writes it
     * @throws IllegalArgumentException when the layout has no operation column or no such column
     */
    public static String[] deletionRow(Layout layout, Map<String, String> keyColumns) {
        int op = layout.operationColumn();
        if (op < 0) {
            throw new IllegalArgumentException(layout.entity() + " has no operation column for deletions");
        }
        String[] row = new String[layout.size()];
        Arrays.fill(row, "");
        row[op] = "D";
        keyColumns.forEach((name, value) -> {
            int column = layout.indexOf(name);
            if (column < 0) {
                throw new IllegalArgumentException(layout.entity() + " has no column " + name);
            }
            row[column] = value;
        });
        return row;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
