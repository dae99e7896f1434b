package jp.kofu.adapters.tax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.layout.FixedRecordSink;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.LayoutWriter;

/**
 * Writes the tax system's data files (税システム連携ファイル) in the kofu CSV layout: the synthetic town
 * generator and the relay use it to produce batches that {@link TaxCsvReader} reads.
 *
 * <p>Text items are written in the tagged form of {@code PrintedText}, with two exceptions that keep a
 * round trip through the reader (with the same correspondence table) exact: an unidentified vendor character
 * whose code is a private-use code point ({@code {VND:U+E012}}) is written as that raw code point, as the
 * vendor would have, and a character that is itself a private-use code point is written as a
 * {@code {U+XXXX}} tag. The layout holds one income line and one deduction per kind, and the reader returns
 * them in the order of the kinds ({@code TaxRecord.IncomeKind}, {@code TaxRecord.DeductionKind}) — the
 * canonical order {@code TaxRecord} itself keeps, so every record reads back equal. A file of upserts
 * only has no {@code op} column; a delta's deleted tax records ({@link Deletions#taxRecords()}) are written
 * as {@code op} {@code D} rows of {@code tax_records} holding only the key, before the upserts (their
 * dependants are not sent).
 *
 * <p>Stateless and thread-safe.
 */
public final class TaxCsvWriter {

    /**
     * Writes {@code tax_records.csv} and {@code tax_dependants.csv} (each with its header, even when empty)
     * into the directory, creating it if needed and replacing files of those names. Other entities of the
     * content are ignored.
     *
     * @return the files written, in that order, with their record counts and SHA-256, for the manifest
     * @throws IOException when a file cannot be written
     * @throws IllegalArgumentException when a record cannot be represented (two income lines or deductions
     *     of one kind, an empty dependant name, control or private-use characters in a relationship)
     */
    public List<BatchFile> write(Path directory, ReplicaContent content) throws IOException {
        return write(directory, content, BatchFormat.CSV);
    }

    /**
     * Writes the same files in the batch format: as above for CSV; for a fixed-length layout, each file with
     * the layout's definition (e.g. {@code tax_records.dat} of kofu-fixed-v1, docs/formats/fixed/). The
     * manifest must then name the format.
     *
     * @throws IllegalArgumentException also when the layout has no definition for a file, or a value does not
     *     fit its fixed-length field
     */
    public List<BatchFile> write(Path directory, ReplicaContent content, BatchFormat format) throws IOException {
        return write(directory, content, format, Deletions.none());
    }

    /**
     * Writes a delta batch's files: as above, {@code tax_records} also carrying a deletion row
     * ({@code op} {@code D}, {@code person_key} and {@code fiscal_year}) per deleted tax record, before the
     * upserts. Deletions of other entities are ignored. A full batch has no deletions.
     */
    public List<BatchFile> write(Path directory, ReplicaContent content, BatchFormat format, Deletions deletions)
            throws IOException {
        Files.createDirectories(directory);
        List<String[]> dependants = new ArrayList<>();
        for (TaxRecord t : content.taxRecords()) {
            TaxDependantsCsv.format(t, dependants);
        }
        List<String[]> deleted = deletions.taxRecords().stream()
                .sorted(Comparator.comparing((Deletions.TaxKey k) -> k.person().value())
                        .thenComparingInt(Deletions.TaxKey::fiscalYear))
                .map(k -> LayoutWriter.deletionRow(TaxRecordsCsv.LAYOUT,
                        Map.of("person_key", k.person().value(), "fiscal_year", Integer.toString(k.fiscalYear()))))
                .toList();
        return List.of(
                file(format, directory, TaxRecordsCsv.LAYOUT, deleted, content.taxRecords(), TaxRecordsCsv::format),
                file(format, directory, TaxDependantsCsv.LAYOUT, List.of(), dependants, Function.identity()));
    }

    private static <T> BatchFile file(BatchFormat format, Path directory, Layout layout, List<String[]> deletions,
            Iterable<T> records, Function<T, String[]> row) throws IOException {
        if (format.isCsv()) {
            return CsvOutput.write(directory, layout, deletions, records, row);
        }
        return FixedRecordSink.write(directory, FixedLayouts.CATALOG.require(format.layout().orElseThrow(), layout), layout,
                deletions, records, row);
    }
}
