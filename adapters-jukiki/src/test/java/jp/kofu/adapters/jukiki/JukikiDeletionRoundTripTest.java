package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;

/**
 * Deletions (削除) written by {@link JukikiCsvWriter} as {@code op} D rows, in the CSV layout and in
 * kofu-fixed-v1, come back from {@link JukikiCsvReader} as the same keys beside the same upserts.
 */
class JukikiDeletionRoundTripTest {

    static final Deletions DELETED = new Deletions(Set.of(new PersonKey("Z0009")), Set.of(new HouseholdId("HZ9")),
            Set.of(new Deletions.SealKey(new PersonKey("Z0009"), "S-99")),
            Set.of(new Deletions.FlagKey(new PersonKey("Z0008"), SuppressionFlag.Kind.SUPPORT_MEASURE,
                    LocalDate.of(2025, 4, 1)), new Deletions.FlagKey(new PersonKey("Z0007"),
                    SuppressionFlag.Kind.STAFF_STOP, LocalDate.of(2024, 1, 2))),
            Set.of(new Deletions.CardKey(Samples.ISSUER, new BigInteger("9000000123"))), Set.of());

    @TempDir
    Path dir;

    /** Upserts that fit both layouts: the sample's flags and cardholder links. */
    private static ReplicaContent upserts() {
        ReplicaContent town = Samples.town();
        return new ReplicaContent(List.of(), List.of(), List.of(), town.suppressionFlags(), town.cardholders(),
                List.of());
    }

    private static BatchFormat format(String name) {
        return name.equals("csv") ? BatchFormat.CSV : BatchFormat.fixed("kofu-fixed-v1");
    }

    private ParsedBatch read(List<BatchFile> files, BatchKind kind, BatchFormat format) throws BatchRejectedException {
        return new JukikiCsvReader().read(dir, new BatchManifest(TestBatch.KURUME, SourceSystem.JUKIKI, 2, kind,
                Instant.parse("2026-11-26T00:05:00Z"), files, format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fixed"})
    void deletionRowsOfEveryEntityReadBackAsTheSameKeysBesideTheUpserts(String layout) throws Exception {
        BatchFormat format = format(layout);
        List<BatchFile> files = new JukikiCsvWriter().write(dir, upserts(), format, DELETED);

        ParsedBatch parsed = read(files, BatchKind.DELTA, format);

        assertThat(parsed.deletions()).isEqualTo(DELETED);
        assertThat(parsed.content()).isEqualTo(upserts());
        BatchFile flags = files.stream().filter(f -> f.entity().equals("suppression_flags")).findFirst().orElseThrow();
        assertThat(flags.records()).isEqualTo(2L + upserts().suppressionFlags().size());
    }

    @Test
    void aCsvDeletionRowHoldsOnlyItsKeyAndTheUpsertsAnEmptyOp() throws Exception {
        new JukikiCsvWriter().write(dir, upserts(), BatchFormat.CSV, DELETED);

        List<String> lines = Files.readAllLines(dir.resolve("cardholders.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("op,issuer,serial,person_key,version");
        assertThat(lines.get(1)).isEqualTo("D,\"" + Samples.ISSUER + "\",9000000123,,");
        // an empty first cell is written quoted (RFC 4180 printer), which reads as empty
        assertThat(lines.subList(2, lines.size())).isNotEmpty().allMatch(l -> l.startsWith("\"\","));
        // a file without deletions keeps its header without op
        new JukikiCsvWriter().write(dir.resolve("none"), upserts(), BatchFormat.CSV, Deletions.none());
        assertThat(Files.readAllLines(dir.resolve("none/cardholders.csv")).get(0))
                .isEqualTo("issuer,serial,person_key,version");
    }

    @Test
    void aFixedDeletionRecordHasDInItsOpByteAndBlanksBesideItsKey() throws Exception {
        new JukikiCsvWriter().write(dir, upserts(), BatchFormat.fixed("kofu-fixed-v1"), DELETED);

        String records = Files.readString(dir.resolve("cardholders.dat"), java.nio.charset.Charset.forName("windows-31j"));
        String first = records.substring(0, records.indexOf("\r\n"));
        assertThat(first).hasSize(226).startsWith("D" + Samples.ISSUER);
        assertThat(first.substring(161, 201)).isEqualTo("0".repeat(30) + "9000000123");
        assertThat(first.substring(201)).isBlank();
        assertThat(records.substring(records.indexOf("\r\n") + 2)).startsWith(" ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fixed"})
    void aFullBatchWithDeletionRowsIsRefused(String layout) throws Exception {
        BatchFormat format = format(layout);
        List<BatchFile> files = new JukikiCsvWriter().write(dir, upserts(), format, DELETED);

        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class,
                () -> read(files, BatchKind.FULL, format));

        assertThat(e).isNotNull();
        assertThat(e.problems()).isNotEmpty();
    }
}
