package jp.kofu.adapters.jukiki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.layout.FixedRecordSink;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.LayoutWriter;
import jp.kofu.core.sync.domain.layout.Representable;

/**
 * Writes the resident-record system's data files (住民記録システム連携ファイル) in the kofu CSV layout, or a
 * fixed-length layout (固定長) by its record definitions: the
 * synthetic town generator and the relay use it to produce batches that {@link JukikiCsvReader} reads.
 *
 * <p>Text items are written in the tagged form of {@code PrintedText}, with two exceptions that keep a
 * round trip through the reader (with the same correspondence table) exact: an unidentified vendor character
 * whose code is a private-use code point ({@code {VND:U+E012}}) is written as that raw code point, as the
 * vendor would have, and a character that is itself a private-use code point (an MJ+ GJ character, say) is
 * written as a {@code {U+XXXX}} tag. A file of upserts only has no {@code op} column; a delta's deletions
 * ({@link Deletions}) are written as {@code op} {@code D} rows holding only the record's key, before the
 * upserts (docs/formats/README.md section 2).
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
        return write(directory, content, format, Deletions.none());
    }

    /**
     * Writes a delta batch's files: as above, each file also carrying the deletion rows of its entity
     * ({@code op} {@code D}, only the key columns filled), before its upserts. Tax deletions are ignored.
     * A full batch has no deletions (the reader refuses them there).
     *
     * @throws IllegalArgumentException also when a deleted key cannot be represented
     */
    public List<BatchFile> write(Path directory, ReplicaContent content, BatchFormat format, Deletions deletions)
            throws IOException {
        Files.createDirectories(directory);
        List<SealRegistration> seals = content.seals();
        SealImagesZip.Written images = SealImagesZip.write(directory, seals);
        List<Integer> sealIndexes = IntStream.range(0, seals.size()).boxed().toList();
        return List.of(
                file(format, directory, ResidentsCsv.LAYOUT, deletionRows(ResidentsCsv.LAYOUT, deletions.residents(),
                        k -> Map.of("person_key", k.value())), content.residents(), ResidentsCsv::format),
                file(format, directory, HouseholdsCsv.LAYOUT, deletionRows(HouseholdsCsv.LAYOUT,
                        deletions.households(), k -> Map.of("household_id", k.value())),
                        content.households(), HouseholdsCsv::format),
                file(format, directory, SealsCsv.LAYOUT, deletionRows(SealsCsv.LAYOUT, deletions.seals(),
                        k -> Map.of("person_key", k.person().value(), "registration_number", k.registrationNumber())),
                        sealIndexes, i -> SealsCsv.format(seals.get(i), images.entryNames().get(i))),
                images.file(),
                file(format, directory, SuppressionFlagsCsv.LAYOUT, deletionRows(SuppressionFlagsCsv.LAYOUT,
                        deletions.suppressionFlags(), k -> Map.of("person_key", k.person().value(),
                                "kind", SuppressionFlagsCsv.KIND_CODES.codeOf(k.kind()),
                                "from_date", Representable.date(k.from(), "from_date", k.person()))),
                        content.suppressionFlags(), SuppressionFlagsCsv::format),
                file(format, directory, CardholdersCsv.LAYOUT, deletionRows(CardholdersCsv.LAYOUT,
                        deletions.cardholders(), k -> Map.of("issuer", k.issuer(), "serial", k.serial().toString())),
                        content.cardholders(), CardholdersCsv::format));
    }

    /** The deletion rows of one entity, in a stable order (by their cells) so equal batches are equal bytes. */
    private static <K> List<String[]> deletionRows(Layout layout, Set<K> keys, Function<K, Map<String, String>> key) {
        return keys.stream().map(k -> LayoutWriter.deletionRow(layout, key.apply(k)))
                .sorted(Comparator.comparing(row -> String.join("\u0000", row))).toList();
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
