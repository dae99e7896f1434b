package jp.kofu.adapters.jukiki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.layout.FixedRecordSink;
import jp.kofu.core.sync.domain.layout.Layout;

/**
 * Writes the resident-record system's data files (住民記録システム連携ファイル) in the kofu CSV layout, or a
 * fixed-length layout (固定長) by its record definitions: the
 * synthetic town generator and the relay use it to produce batches that {@link JukikiCsvReader} reads.
 *
 * <p>Text items are written in the tagged form of {@code PrintedText}, with two exceptions that keep a
 * round trip through the reader (with the same correspondence table) exact: an unidentified vendor character
 * whose code is a private-use code point ({@code {VND:U+E012}}) is written as that raw code point, as the
 * vendor would have, and a character that is itself a private-use code point (an MJ+ GJ character, say) is
 * written as a {@code {U+XXXX}} tag. The {@code op} column is not written; every row is an upsert.
 *
 * <p>Stateless and thread-safe.
 */
public final class JukikiCsvWriter {

    /**
     * Writes {@code residents.csv}, {@code households.csv}, {@code seals.csv}, {@code seal_images.zip},
     * {@code suppression_flags.csv} and {@code cardholders.csv} (each CSV with its header and the archive
     * even when empty) into the directory, creating it if needed and replacing files of those names. Each
     * distinct seal image is stored once. Tax records in the content are ignored.
     *
     * @return the files written, in that order, with their record counts and SHA-256, for the manifest
     * @throws IOException when a file cannot be written
     * @throws IllegalArgumentException when a record cannot be represented (see docs/formats)
     */
    public List<BatchFile> write(Path directory, ReplicaContent content) throws IOException {
        return write(directory, content, BatchFormat.CSV);
    }

    /**
     * Writes the same files in the batch format: as above for CSV; for a fixed-length layout, each file with
     * the layout's definition (e.g. {@code residents.dat} of kofu-fixed-v1, docs/formats/fixed/), the seal
     * images still as {@code seal_images.zip}. The manifest must then name the format.
     *
     * @throws IllegalArgumentException also when the layout has no definition for a file, or a value does not
     *     fit its fixed-length field (too long, a character outside windows-31j that is not a SJIS vendor 外字)
     */
    public List<BatchFile> write(Path directory, ReplicaContent content, BatchFormat format) throws IOException {
        Files.createDirectories(directory);
        List<SealRegistration> seals = content.seals();
        SealImagesZip.Written images = SealImagesZip.write(directory, seals);
        List<Integer> sealIndexes = IntStream.range(0, seals.size()).boxed().toList();
        return List.of(
                file(format, directory, ResidentsCsv.LAYOUT, content.residents(), ResidentsCsv::format),
                file(format, directory, HouseholdsCsv.LAYOUT, content.households(), HouseholdsCsv::format),
                file(format, directory, SealsCsv.LAYOUT, sealIndexes,
                        i -> SealsCsv.format(seals.get(i), images.entryNames().get(i))),
                images.file(),
                file(format, directory, SuppressionFlagsCsv.LAYOUT, content.suppressionFlags(),
                        SuppressionFlagsCsv::format),
                file(format, directory, CardholdersCsv.LAYOUT, content.cardholders(), CardholdersCsv::format));
    }

    private static <T> BatchFile file(BatchFormat format, Path directory, Layout layout, Iterable<T> records,
            Function<T, String[]> row) throws IOException {
        if (format.isCsv()) {
            return CsvOutput.write(directory, layout, records, row);
        }
        return FixedRecordSink.write(directory, FixedLayouts.CATALOG.require(format.layout().orElseThrow(), layout), layout,
                records, row);
    }
}
