package jp.kofu.adapters.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;

/**
 * Deleted tax records (課税情報の削除) written by {@link TaxCsvWriter} as {@code op} D rows of
 * {@code tax_records}, in the CSV layout and in kofu-fixed-v1, come back from {@link TaxCsvReader} as the same
 * keys beside the same upserts.
 */
class TaxDeletionRoundTripTest {

    static final Deletions DELETED = new Deletions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of(new Deletions.TaxKey(new PersonKey("Z0009"), 2025), new Deletions.TaxKey(new PersonKey("Z0008"), 2024)));

    @TempDir
    Path dir;

    private static ReplicaContent upserts() {
        return TaxSamples.content(TaxSamples.nonTaxable("A0001", 2025), TaxSamples.nonTaxable("A0002", 2025));
    }

    private static BatchFormat format(String name) {
        return name.equals("csv") ? BatchFormat.CSV : BatchFormat.fixed("kofu-fixed-v1");
    }

    private ParsedBatch read(List<BatchFile> files, BatchKind kind, BatchFormat format) throws BatchRejectedException {
        return new TaxCsvReader().read(dir, new BatchManifest(TaxTestBatch.KURUME, SourceSystem.TAX, 2, kind,
                Instant.parse("2026-11-26T00:05:00Z"), files, format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fixed"})
    void deletedTaxRecordsReadBackAsTheSameKeysBesideTheUpserts(String layout) throws Exception {
        BatchFormat format = format(layout);
        List<BatchFile> files = new TaxCsvWriter().write(dir, upserts(), format, DELETED);

        ParsedBatch parsed = read(files, BatchKind.DELTA, format);

        assertThat(parsed.deletions()).isEqualTo(DELETED);
        assertThat(parsed.content()).isEqualTo(upserts());
        assertThat(files.get(0).records()).isEqualTo(4L);
    }

    @Test
    void aCsvDeletionRowHoldsOnlyPersonAndFiscalYear() throws Exception {
        new TaxCsvWriter().write(dir, upserts(), BatchFormat.CSV, DELETED);

        List<String> lines = Files.readAllLines(dir.resolve("tax_records.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> first = List.of(lines.get(1).split(",", -1));
        assertThat(header).contains("op");
        assertThat(first.get(header.indexOf("op"))).isEqualTo("D");
        assertThat(first.get(header.indexOf("person_key"))).isEqualTo("Z0008");
        assertThat(first.get(header.indexOf("fiscal_year"))).isEqualTo("2024");
        assertThat(first.stream().filter(cell -> !cell.isEmpty())).hasSize(3);
        // the upserts' op is empty (an empty first cell is written quoted by the RFC 4180 printer)
        assertThat(List.of(lines.get(3).split(",", -1)).get(header.indexOf("op"))).isIn("", "\"\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fixed"})
    void aFullBatchWithDeletionRowsIsRefused(String layout) throws Exception {
        BatchFormat format = format(layout);
        List<BatchFile> files = new TaxCsvWriter().write(dir, upserts(), format, DELETED);

        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class,
                () -> read(files, BatchKind.FULL, format));

        assertThat(e).isNotNull();
        assertThat(e.problems()).isNotEmpty();
    }
}
