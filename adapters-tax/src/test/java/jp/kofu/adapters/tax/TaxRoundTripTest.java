package jp.kofu.adapters.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.domain.TaxRecord.Income;
import jp.kofu.core.replica.domain.TaxRecord.IncomeKind;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.out.BatchReaderPort;

class TaxRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void whatTheWriterWritesTheReaderReadsBackEqual() throws Exception {
        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.town());

        assertThat(batch.read().content()).isEqualTo(TaxSamples.town());
    }

    @Test
    void theWriterListsBothFilesWithTheirRecordCountsAndSha256() throws Exception {
        List<BatchFile> files = new TaxCsvWriter().write(dir, TaxSamples.town());

        assertThat(files).extracting(BatchFile::name, BatchFile::entity, BatchFile::records).containsExactly(
                tuple("tax_records.csv", "tax_records", 4L), tuple("tax_dependants.csv", "tax_dependants", 7L));
        for (BatchFile file : files) {
            byte[] bytes = Files.readAllBytes(dir.resolve(file.name()));
            assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void theReaderCountsTheDataRowsOfBothFiles() throws Exception {
        assertThat(TaxTestBatch.written(dir, TaxSamples.town()).read().recordsPerFile())
                .isEqualTo(Map.of("tax_records.csv", 4L, "tax_dependants.csv", 7L));
    }

    @Test
    void incomesAndDeductionsAreFixedColumnsPerKindAndAbsentKindsAreEmpty() throws Exception {
        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.content(TaxSamples.salaried("A0003", 2026)));

        List<List<String>> rows = batch.rows("tax_records.csv");
        List<String> header = rows.get(0);
        List<String> row = rows.get(1);

        assertThat(row.get(header.indexOf("salary_revenue"))).isEqualTo("4000000");
        assertThat(row.get(header.indexOf("salary_income"))).isEqualTo("2760000");
        assertThat(row.get(header.indexOf("pension_revenue"))).isEmpty();
        assertThat(row.get(header.indexOf("basic_deduction"))).isEqualTo("430000");
        assertThat(row.get(header.indexOf("medical_deduction"))).isEmpty();
        assertThat(batch.rows("tax_dependants.csv")).containsExactly(
                List.of("person_key", "fiscal_year", "seq", "name", "relationship", "filed"),
                List.of("A0003", "2026", "1", "山田 太郎", "子", "0"));
    }

    @Test
    void aZeroAmountIsKeptApartFromAnAbsentOne() throws Exception {
        TaxRecord zero = new TaxRecord(new PersonKey("A1"), 2026, true, null, true,
                List.of(new Income(IncomeKind.MISCELLANEOUS, 0, 0)), List.of(), 0, 0, 0, List.of(), 1);

        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.content(zero));

        assertThat(batch.read().content().taxRecords()).containsExactly(zero);
    }

    @Test
    void dependantsAreAttachedInTheOrderOfTheirSeqWhateverTheRowOrder() throws Exception {
        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.town());
        List<List<String>> rows = batch.rows("tax_dependants.csv");
        List<List<String>> reversed = new java.util.ArrayList<>(rows.subList(1, rows.size()));
        java.util.Collections.reverse(reversed);
        reversed.add(0, rows.get(0));
        batch.rewrite("tax_dependants.csv", reversed);

        assertThat(batch.read().content()).isEqualTo(TaxSamples.town());
    }

    @Test
    void incomeLinesInAnotherOrderComeBackInTheOrderOfTheKinds() throws Exception {
        TaxRecord swapped = new TaxRecord(new PersonKey("A1"), 2026, true, null, true,
                List.of(new Income(IncomeKind.PENSION, 2_000_000, 800_000), new Income(IncomeKind.SALARY, 1_000_000, 450_000)),
                List.of(), 0, 0, 0, List.of(), 1);

        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.content(swapped));

        assertThat(batch.read().content().taxRecords().get(0).incomes()).extracting(Income::kind)
                .containsExactly(IncomeKind.SALARY, IncomeKind.PENSION);
    }

    @Test
    void aRecordWithDependantsAndItsLinesInAnyOrderReadsBackEqual() throws Exception {
        // the generator builds salary, pension, business in that order: once the cause of tax records not
        // reading back equal after a load
        TaxRecord record = new TaxRecord(new PersonKey("A1"), 2026, true, null, true,
                List.of(new Income(IncomeKind.SALARY, 3_000_000, 2_020_000), new Income(IncomeKind.PENSION, 2_000_000, 800_000),
                        new Income(IncomeKind.BUSINESS, 1_000_000, 300_000)),
                List.of(new TaxRecord.Deduction(TaxRecord.DeductionKind.SPOUSE, 330_000),
                        new TaxRecord.Deduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 400_000)),
                1_000_000, 60_000, 5_000,
                List.of(new TaxRecord.Dependant(jp.kofu.core.gaiji.domain.PrintedText.plain("山田 花子"), "妻", true),
                        new TaxRecord.Dependant(jp.kofu.core.gaiji.domain.PrintedText.plain("山田 一郎"), "子", false)), 3);

        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.content(record));

        assertThat(batch.read().content().taxRecords()).containsExactly(record);
    }

    @Test
    void twoIncomeLinesOfOneKindCannotBeWritten() {
        TaxRecord twice = new TaxRecord(new PersonKey("A1"), 2026, true, null, true,
                List.of(new Income(IncomeKind.SALARY, 1, 1), new Income(IncomeKind.SALARY, 2, 2)),
                List.of(), 0, 0, 0, List.of(), 1);

        assertThatThrownBy(() -> new TaxCsvWriter().write(dir, TaxSamples.content(twice)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TaxRecord[A1, 2026]: two incomes of kind SALARY; the kofu layout holds one per kind");
    }

    @Test
    void aPrivateUseCharacterIsConvertedWithTheTenantsTable() throws Exception {
        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.town());
        PrintedChar mapped = new PrintedChar.VariationSequence(0x845B, 0xE0102);

        TaxRecord read = batch.read(new CorrespondenceTable(1, Map.of("U+E012", mapped))).content().taxRecords().get(0);

        assertThat(batch.content("tax_records.csv")).contains("\uE012").doesNotContain("{VND:");
        assertThat(read.addressOnJanuary1().chars()).last().isEqualTo(mapped);
        assertThat(read.dependants().get(0).name().chars()).last().isEqualTo(mapped);
    }

    @Test
    void anEmptySourceIsTwoFilesWithOnlyTheirHeader() throws Exception {
        TaxTestBatch batch = TaxTestBatch.written(dir, ReplicaContent.empty());

        assertThat(batch.content("tax_dependants.csv")).isEqualTo("person_key,fiscal_year,seq,name,relationship,filed\r\n");
        assertThat(batch.read().content()).isEqualTo(ReplicaContent.empty());
    }

    @Test
    void aDeltaBatchMayCarryTaxRecordsAlone() throws Exception {
        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.content(TaxSamples.nonTaxable("A0002", 2026)));
        batch.kind = BatchKind.DELTA;
        batch.files = List.of(batch.files.get(0));

        assertThat(batch.read().content().taxRecords()).containsExactly(TaxSamples.nonTaxable("A0002", 2026));
    }

    @Test
    void theModuleContributesATaxReaderToTheSetOfBatchReaders() throws Exception {
        Set<BatchReaderPort> readers = Guice.createInjector(new TaxModule())
                .getInstance(Key.get(new TypeLiteral<Set<BatchReaderPort>>() { }));

        assertThat(readers).singleElement().extracting(BatchReaderPort::source).isEqualTo(SourceSystem.TAX);
        TaxTestBatch batch = TaxTestBatch.written(dir, TaxSamples.town());
        assertThat(readers.iterator().next().read(dir, batch.manifest()).content()).isEqualTo(TaxSamples.town());
    }
}
