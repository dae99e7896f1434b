package jp.kofu.adapters.tax;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jp.kofu.core.sync.domain.BatchFile;

/**
 * Writes one data file of the kofu layout: UTF-8 without BOM, RFC 4180 (CRLF, fields quoted only when
 * needed), the header row first. Every column of the layout but {@code op} is written: what a writer holds
 * are records to upsert. The SHA-256 is computed over the bytes as they are written.
 */
final class CsvOutput {

    private CsvOutput() {
    }

    static <T> BatchFile write(Path directory, Layout layout, Iterable<T> records, Function<T, String[]> format)
            throws IOException {
        int[] columns = layout.names().stream().filter(n -> !n.equals("op")).mapToInt(layout::indexOf).toArray();
        String file = layout.defaultFileName();
        MessageDigest sha256 = sha256();
        long count = 0;
        OutputStream out = new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(directory.resolve(file)), 1 << 16), sha256);
        try (CSVPrinter printer = new CSVPrinter(
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), CSVFormat.RFC4180)) {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = layout.name(columns[i]);
            }
            printer.printRecord(values);
            for (T record : records) {
                String[] row = format.apply(record);
                for (int i = 0; i < columns.length; i++) {
                    values[i] = row[columns[i]];
                }
                printer.printRecord(values);
                count++;
            }
        }
        return new BatchFile(file, layout.entity(), count, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
