package jp.kofu.adapters.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.SourceSystem;

/** Every kind of bad tax input gives its own {@code file:line:column reason}, and nothing of the batch. */
class TaxMalformedInputTest {

    @TempDir
    Path dir;

    TaxTestBatch batch;

    @BeforeEach
    void writeAGoodTown() {
        batch = TaxTestBatch.written(dir, TaxSamples.town());
    }

    @Test
    void aFiscalYearMustBeFourDigitsWithinCoresRange() {
        batch.cell("tax_records.csv", 1, "fiscal_year", "R8")
                .cell("tax_records.csv", 2, "fiscal_year", "1988");

        assertThat(batch.problems()).containsExactly(
                "tax_records.csv:2:fiscal_year malformed fiscal year 'R8' (expected four digits, e.g. 2026)",
                "tax_records.csv:3:fiscal_year fiscal year 1988 out of range (1989 to 2200)");
    }

    @Test
    void amountsAreWholeYenWithoutSeparators() {
        batch.cell("tax_records.csv", 1, "taxable_income", "3,456,000")
                .cell("tax_records.csv", 2, "income_levy", "-1")
                .cell("tax_records.csv", 4, "salary_income", "12.5");

        assertThat(batch.problems()).containsExactly(
                "tax_records.csv:2:taxable_income malformed number '3,456,000' (expected a non-negative integer, digits only)",
                "tax_records.csv:3:income_levy malformed number '-1' (expected a non-negative integer, digits only)",
                "tax_records.csv:5:salary_income malformed number '12.5' (expected an integer, digits with an optional "
                        + "leading '-')");
    }

    @Test
    void anIncomeMayBeALossButADeductionMayNot() {
        batch.cell("tax_records.csv", 3, "business_revenue", "100")
                .cell("tax_records.csv", 3, "business_income", "-300000")
                .cell("tax_records.csv", 3, "medical_deduction", "-5");

        assertThat(batch.problems()).containsExactly(
                "tax_records.csv:4:medical_deduction malformed number '-5' (expected a non-negative integer, digits only)");
    }

    @Test
    void anIncomeNeedsBothItsRevenueAndItsIncome() {
        batch.cell("tax_records.csv", 4, "salary_revenue", "");

        assertThat(batch.problems()).containsExactly(
                "tax_records.csv:5:salary_revenue required because salary_income is given");
    }

    @Test
    void flagsAreOneOrZero() {
        batch.cell("tax_records.csv", 1, "filed", "yes").cell("tax_dependants.csv", 1, "filed", "");

        assertThat(batch.problems()).containsExactly(
                "tax_records.csv:2:filed unknown flag 'yes' (expected 1 or 0)",
                "tax_dependants.csv:2:filed required value missing");
    }

    @Test
    void aBrokenTagInAnAddressIsLocatedNotQuoted() {
        batch.cell("tax_records.csv", 4, "address_on_january_1", "久留米市{東町");

        assertThat(batch.problems()).containsExactly(
                "tax_records.csv:5:address_on_january_1 '{' without a closing '}' at character 5");
    }

    @Test
    void aDuplicateTaxRecordOrDependantPointsToTheFirst() {
        batch.copyRow("tax_records.csv", 3, "version", "3").copyRow("tax_dependants.csv", 1, "name", "別人");

        assertThat(batch.problems()).containsExactly(
                "tax_records.csv:6:person_key duplicate tax record (same person_key and fiscal_year), first on line 4",
                "tax_dependants.csv:9:seq duplicate dependant (same person_key, fiscal_year and seq), first on line 2");
    }

    @Test
    void aDependantOfATaxRecordNotInTheBatchIsReported() {
        batch.cell("tax_dependants.csv", 7, "fiscal_year", "2024");

        assertThat(batch.problems()).containsExactly(
                "tax_dependants.csv:8:person_key tax record of person A0003 for fiscal year 2024 is not in tax_records.csv");
    }

    @Test
    void aDependantOfATaxRecordWithAnotherProblemIsNotReportedTwice() {
        batch.cell("tax_records.csv", 4, "version", "new");

        assertThat(batch.problems()).containsExactly(
                "tax_records.csv:5:version malformed version 'new' (expected a non-negative integer)");
    }

    @Test
    void seqIsAPositiveNumber() {
        batch.cell("tax_dependants.csv", 1, "seq", "0").cell("tax_dependants.csv", 2, "seq", "first");

        assertThat(batch.problems()).containsExactly(
                "tax_dependants.csv:2:seq seq 0 out of range (1 to 999)",
                "tax_dependants.csv:3:seq malformed number 'first' (expected a non-negative integer, digits only)");
    }

    @Test
    void aDeleteOpIsNotAllowedInAFullBatch() {
        List<List<String>> rows = batch.rows("tax_records.csv");
        rows.get(0).add("op");
        for (int i = 1; i < rows.size(); i++) {
            rows.get(i).add(i == 2 ? "D" : "U");
        }
        batch.rewrite("tax_records.csv", rows);

        assertThat(batch.problems()).containsExactly("tax_records.csv:3:op op 'D' (delete) is not allowed in a full batch");
    }

    @Test
    void headerProblemsAreReportedOnLine1() {
        batch.replace("tax_records.csv", "person_key,fiscal_year,resident_on_january_1,filed,taxable_income,"
                + "income_levy,per_capita_levy,version,salary_revenu\n");

        assertThat(batch.problems()).containsExactly("tax_records.csv:1:salary_revenu unknown column");
    }

    @Test
    void aMissingRequiredColumnIsReportedOnLine1() {
        batch.replace("tax_dependants.csv", "person_key,fiscal_year,name,filed\n");

        assertThat(batch.problems()).containsExactly("tax_dependants.csv:1:seq required column missing from the header");
    }

    @Test
    void aFullBatchNeedsBothFiles() {
        batch.files = new ArrayList<>(batch.files.subList(0, 1));

        assertThat(batch.problems()).containsExactly("manifest.json a full batch needs a file for entity tax_dependants "
                + "(a tax_dependants.csv with only its header when there are none)");
    }

    @Test
    void dependantsCannotComeWithoutTheirRecords() {
        batch.kind = BatchKind.DELTA;
        batch.files = new ArrayList<>(batch.files.subList(1, 2));

        assertThat(batch.problems()).containsExactly("manifest.json tax_dependants.csv needs the tax records it belongs "
                + "to: the batch lists no file for entity tax_records");
    }

    @Test
    void aResidentRecordBatchIsNotReadAsATaxBatch() {
        BatchManifest jukiki = new BatchManifest(TaxTestBatch.KURUME, SourceSystem.JUKIKI, 1, BatchKind.FULL,
                batch.manifest().createdAt(), batch.files);

        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class,
                () -> new TaxCsvReader().read(dir, jukiki));

        assertThat(e).hasMessage("manifest.json source is jukiki; this reader reads tax batches");
    }

    @Test
    void problemsAreCappedAt200AndTheRestCounted() {
        List<List<String>> rows = batch.rows("tax_records.csv");
        List<String> template = rows.get(4);
        int year = rows.get(0).indexOf("fiscal_year");
        int version = rows.get(0).indexOf("version");
        for (int i = 0; i < 300; i++) {
            List<String> row = new ArrayList<>(template);
            row.set(0, "B" + i);
            row.set(year, "2026");
            row.set(version, "?");
            rows.add(row);
        }
        batch.rewrite("tax_records.csv", rows);

        List<String> problems = batch.problems();

        assertThat(problems).hasSize(201).last()
                .isEqualTo("tax_records.csv 100 more problems not listed (only the first 200 are)");
    }
}
