package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.SourceSystem;

/** Every kind of bad input gives its own {@code file:line:column reason}, and nothing of the batch. */
class JukikiMalformedInputTest {

    @TempDir
    Path dir;

    TestBatch batch;

    @BeforeEach
    void writeAGoodTown() {
        batch = TestBatch.written(dir, Samples.town());
    }

    // ------------------------------------------------------------ values

    @Test
    void aMalformedDateIsQuotedWithTheExpectedFormat() {
        batch.cell("residents.csv", 2, "became_resident_on", "2024-13-01");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:3:became_resident_on malformed date '2024-13-01' (expected yyyy-MM-dd)");
    }

    @Test
    void aDayThatDoesNotExistIsAMalformedDate() {
        batch.cell("suppression_flags.csv", 1, "from_date", "2023-02-29");

        assertThat(batch.problems()).containsExactly(
                "suppression_flags.csv:2:from_date malformed date '2023-02-29' (expected yyyy-MM-dd)");
    }

    @Test
    void aMalformedBirthDateIsNotQuotedBecauseItIsPersonalData() {
        batch.cell("residents.csv", 1, "birth_date", "1980/02/29");

        assertThat(batch.problems()).containsExactly("residents.csv:2:birth_date malformed date "
                + "(expected yyyy-MM-dd; the value is personal data and not shown)");
    }

    @Test
    void aMissingRequiredValueIsNamed() {
        batch.cell("residents.csv", 1, "name", "");

        assertThat(batch.problems()).containsExactly("residents.csv:2:name required value missing");
    }

    @Test
    void aMalformedTagIsDescribedByItsPositionWithoutQuotingTheText() {
        batch.cell("residents.csv", 1, "name", "𠮷田{花子}");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:name unknown tag (expected {MJnnnnnn}, {U+XXXX} or {VND:code}) at character 3");
    }

    @Test
    void everyKindOfBrokenTagHasItsOwnReason() {
        batch.cell("residents.csv", 1, "name", "山{MJ12}")
                .cell("residents.csv", 2, "name", "山田}")
                .cell("residents.csv", 3, "name", "山田{MJ000001")
                .cell("households.csv", 1, "head_name", "\uDB40\uDD00山")
                .cell("households.csv", 2, "head_name", "{U+GGGG}");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:name malformed MJ tag (expected MJ and six digits, e.g. {MJ012345}) at character 2",
                "residents.csv:3:name '}' outside a tag (write {U+007D} for a literal '}') at character 3",
                "residents.csv:4:name '{' without a closing '}' at character 3",
                "households.csv:2:head_name variation selector without a base character at character 1",
                "households.csv:3:head_name malformed code point tag (expected U+ and 4 to 6 hex digits, e.g. {U+007B}) "
                        + "at character 1");
    }

    @Test
    void aControlCharacterInATextIsRefusedWithItsPosition() {
        batch.cell("residents.csv", 1, "address", "久留米市\t城南町");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:address control character U+0009 at character 5 (write {U+0009} if it is meant)");
    }

    @Test
    void aPrivateUseCharacterInAPlainColumnIsRefused() {
        batch.cell("residents.csv", 2, "article_30_45_category", "中長期\uE012");

        assertThat(batch.problems()).containsExactly("residents.csv:3:article_30_45_category "
                + "private-use character at character 4 (this column takes no 外字)");
    }

    @Test
    void unknownCodesListTheCodesExpected() {
        batch.cell("residents.csv", 1, "sex", "F")
                .cell("residents.csv", 2, "status", "active")
                .cell("seals.csv", 1, "status", "valid")
                .cell("suppression_flags.csv", 1, "kind", "dv");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:sex unknown code 'F' (expected 1 or 2)",
                "residents.csv:3:status unknown code 'active' (expected resident, move_out_planned or removed)",
                "seals.csv:2:status unknown code 'valid' (expected registered, abolished or lost)",
                "suppression_flags.csv:2:kind unknown code 'dv' (expected support_measure or staff_stop)");
    }

    @Test
    void aTextInACodeColumnIsMeasuredNotQuoted() {
        batch.cell("residents.csv", 1, "sex", "女性 です");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:sex unknown code (5 characters, not shown) (expected 1 or 2)");
    }

    @Test
    void individualNumbersAndResidentRecordCodesAreNeverQuoted() {
        batch.cell("residents.csv", 1, "individual_number", "123456789012")
                .cell("residents.csv", 1, "resident_record_code", "1234567890")
                .cell("residents.csv", 2, "individual_number", "1234-5678-9012");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:individual_number individual number has a wrong check digit (the value is not shown)",
                "residents.csv:2:resident_record_code malformed resident record code "
                        + "(expected 11 digits; the value is not shown)",
                "residents.csv:3:individual_number malformed individual number (expected 12 digits; the value is not shown)");
    }

    @Test
    void malformedKeysVersionsAndNumbersAreNamed() {
        batch.cell("residents.csv", 1, "person_key", "A 0001")
                .cell("residents.csv", 2, "version", "-1")
                .cell("seals.csv", 1, "width_mm", "15,5")
                .cell("seals.csv", 2, "height_mm", "60")
                .cell("cardholders.csv", 1, "serial", "0x1F")
                .cell("cardholders.csv", 2, "serial", "000");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:person_key malformed key (6 characters, not shown) (expected 1-20 letters, digits or '-')",
                "residents.csv:3:version malformed version '-1' (expected a non-negative integer)",
                "seals.csv:2:width_mm malformed number '15,5' (expected a decimal number such as 15 or 15.5)",
                "seals.csv:3:height_mm size 60 mm out of range (more than 0, at most 50)",
                "cardholders.csv:2:serial malformed serial '0x1F' (expected a positive decimal integer)",
                "cardholders.csv:3:serial serial must be positive");
    }

    @Test
    void aSealsRowMustNameAPngEntryOfTheArchive() throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("seal_images.zip")))) {
            zip.putNextEntry(new ZipEntry("A0001.png"));
            zip.write(Samples.png());
            zip.putNextEntry(new ZipEntry("gif.png"));
            zip.write("GIF89a".getBytes(StandardCharsets.US_ASCII));
        }
        batch.cell("seals.csv", 1, "image_entry", "gif.png")
                .cell("seals.csv", 2, "image_entry", "A0002.png")
                .copyRow("seals.csv", 1, "image_entry", "../A0001.png");

        assertThat(batch.problems()).containsExactly(
                "seals.csv:2:image_entry entry 'gif.png' in seal_images.zip is not a PNG image (no PNG signature)",
                "seals.csv:3:image_entry no entry 'A0002.png' in seal_images.zip",
                "seals.csv:4:image_entry malformed entry name '../A0001.png' "
                        + "(expected a file name of letters, digits, '.', '_' or '-', without folders)");
    }

    @Test
    void anArchiveThatIsNoZipIsReportedOnceNotForEverySeal() {
        batch.replace("seal_images.zip", "A0001.png,A0002.png\n");

        assertThat(batch.problems()).containsExactly("seal_images.zip is not a readable ZIP archive");
    }

    @Test
    void sealsWithoutTheirArchiveAreReportedOnce() {
        batch.kind = BatchKind.DELTA;
        batch.files.removeIf(f -> f.entity().equals("seal_images"));

        assertThat(batch.problems()).containsExactly(
                "seals.csv names seal images, but the batch lists no file for entity seal_images");
    }

    @Test
    void aFlagCannotEndBeforeItStarts() {
        batch.cell("suppression_flags.csv", 2, "until_date", "2023-12-31");

        assertThat(batch.problems()).containsExactly(
                "suppression_flags.csv:3:until_date until_date 2023-12-31 is before from_date 2024-01-01");
    }

    @Test
    void foreignResidentItemsComeWithTheirRequiredOnes() {
        batch.cell("residents.csv", 1, "period_of_stay", "3年")
                .cell("residents.csv", 2, "nationality", "");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:nationality required for a foreign resident (other foreign-resident columns are filled)",
                "residents.csv:2:became_foreign_resident_on required for a foreign resident "
                        + "(other foreign-resident columns are filled)",
                "residents.csv:2:article_30_45_category required for a foreign resident "
                        + "(other foreign-resident columns are filled)",
                "residents.csv:3:nationality required for a foreign resident (other foreign-resident columns are filled)");
    }

    @Test
    void everyProblemOfARowIsReportedNotJustTheFirst() {
        batch.cell("residents.csv", 1, "sex", "3").cell("residents.csv", 1, "notified_on", "yesterday");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:sex unknown code '3' (expected 1 or 2)",
                "residents.csv:2:notified_on malformed date 'yesterday' (expected yyyy-MM-dd)");
    }

    // ------------------------------------------------------------ rows and keys

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReported() {
        batch.replace("households.csv", "household_id,head_name,version\nH01,山田,3\nH02,山田,3,extra\nH03\n");

        assertThat(batch.problems()).containsExactly(
                "households.csv:3 has 4 fields, the header has 3",
                "households.csv:4 has 1 fields, the header has 3");
    }

    @Test
    void anEmptyLineBetweenRowsIsReported() {
        batch.replace("households.csv", "household_id,head_name,version\nH01,山田,3\n\nH02,山田,3\n");

        assertThat(batch.problems()).containsExactly("households.csv:3 empty line (a row needs 3 fields)");
    }

    @Test
    void aDuplicateKeyPointsToTheFirstOccurrence() {
        batch.copyRow("households.csv", 1, "version", "9")
                .copyRow("seals.csv", 1, "registration_number", "S-9")
                .copyRow("suppression_flags.csv", 1, "version", "9")
                .copyRow("cardholders.csv", 2, "person_key", "A0001");

        assertThat(batch.problems()).containsExactly(
                "households.csv:4:household_id duplicate household_id H01, first on line 2",
                "seals.csv:4:person_key duplicate person_key A0001 (one valid seal registration per person), first on line 2",
                "suppression_flags.csv:4:person_key duplicate flag (same person_key, kind and from_date), first on line 2",
                "cardholders.csv:4:serial duplicate certificate (same issuer and serial), first on line 3");
    }

    @Test
    void aRowWithAnotherProblemStillAnswersReferencesToItsKey() {
        batch.cell("residents.csv", 1, "notified_on", "2024-02-30").cell("households.csv", 1, "version", "");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:notified_on malformed date '2024-02-30' (expected yyyy-MM-dd)",
                "households.csv:2:version required value missing");
    }

    @Test
    void aMalformedKeyStopsTheReferenceChecksAgainstItsFileRatherThanGuess() {
        batch.cell("residents.csv", 1, "person_key", "A0001!");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:person_key malformed key 'A0001!' (expected 1-20 letters, digits or '-')");
    }

    @Test
    void aDuplicateKeyIsFoundEvenWhenTheFirstRowHasAnotherProblem() {
        batch.cell("residents.csv", 1, "sex", "x").cell("residents.csv", 2, "person_key", "A0001");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:2:sex unknown code 'x' (expected 1 or 2)",
                "residents.csv:3:person_key duplicate person_key A0001, first on line 2",
                "seals.csv:3:person_key person A0002 is not in residents.csv",
                "suppression_flags.csv:3:person_key person A0002 is not in residents.csv",
                "cardholders.csv:3:person_key person A0002 is not in residents.csv");
    }

    @Test
    void aDuplicateRegistrationNumberIsReported() {
        batch.cell("seals.csv", 2, "registration_number", "S-1");

        assertThat(batch.problems()).containsExactly(
                "seals.csv:3:registration_number duplicate registration_number 'S-1', first on line 2");
    }

    @Test
    void aResidentOfAHouseholdNotInTheBatchIsReported() {
        batch.cell("residents.csv", 3, "household_id", "H99");

        assertThat(batch.problems()).containsExactly(
                "residents.csv:4:household_id household H99 is not in households.csv");
    }

    @Test
    void aSealFlagOrCardOfAPersonNotInTheBatchIsReported() {
        batch.cell("seals.csv", 1, "person_key", "Z1")
                .cell("suppression_flags.csv", 2, "person_key", "Z2")
                .cell("cardholders.csv", 1, "person_key", "Z3");

        assertThat(batch.problems()).containsExactly(
                "seals.csv:2:person_key person Z1 is not in residents.csv",
                "suppression_flags.csv:3:person_key person Z2 is not in residents.csv",
                "cardholders.csv:2:person_key person Z3 is not in residents.csv");
    }

    @Test
    void aDeleteOpIsNotAllowedInAFullBatch() {
        List<List<String>> rows = batch.rows("households.csv");
        rows.get(0).add("op");
        rows.get(1).add("D");
        rows.get(2).add("X");
        batch.rewrite("households.csv", rows);

        assertThat(batch.problems()).containsExactly(
                "households.csv:2:op op 'D' (delete) is not allowed in a full batch",
                "households.csv:3:op unknown op 'X' (expected U, or D in a delta batch)");
    }

    @Test
    void rowNumbersArePhysicalLinesEvenAfterAFieldThatSpansLines() {
        batch.replace("households.csv", "household_id,head_name,version\n"
                + "H01,\"山田{U+000A}\"\"花子\"\"\",3\n"
                + "H02,\"複数\n行\",3\n"
                + "H03,山田,three\n");

        assertThat(batch.problems()).containsExactly(
                "households.csv:3:head_name control character U+000A at character 3 (write {U+000A} if it is meant)",
                "households.csv:5:version malformed version 'three' (expected a non-negative integer)");
    }

    // ------------------------------------------------------------ headers and files

    @Test
    void aMissingRequiredColumnIsReportedOnLine1() {
        batch.replace("cardholders.csv", "issuer,person_key,version\n");

        assertThat(batch.problems()).containsExactly("cardholders.csv:1:serial required column missing from the header");
    }

    @Test
    void unknownAndRepeatedColumnsAreReportedOnLine1() {
        batch.replace("households.csv", "household_id,head_name,version,adress,version\n");

        assertThat(batch.problems()).containsExactly(
                "households.csv:1:adress unknown column",
                "households.csv:1:version column appears twice in the header");
    }

    @Test
    void aFileWithoutHeaderIsNotReadAsData() {
        batch.replace("households.csv", "H01,山田 太郎,3\n");

        assertThat(batch.problems()).containsExactly("households.csv:1 is not a header row: no known column name "
                + "(expected op,household_id,head_name,version)");
    }

    @Test
    void anEmptyFileIsReported() {
        batch.replace("suppression_flags.csv", "");

        assertThat(batch.problems()).containsExactly(
                "suppression_flags.csv:1 is empty (expected a header row with the column names)");
    }

    @Test
    void aByteOrderMarkIsReportedButTheFileIsStillChecked() {
        batch.replace("households.csv", "\uFEFFhousehold_id,head_name,version\nH01,山田,3\nH02,山田,x\n");

        assertThat(batch.problems()).containsExactly(
                "households.csv:1 starts with a byte order mark (BOM); the kofu layout is UTF-8 without BOM",
                "households.csv:3:version malformed version 'x' (expected a non-negative integer)");
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() {
        byte[] shiftJis = "household_id,head_name,version\nH01,山田,3\nH02,山田,3\n".getBytes(
                java.nio.charset.Charset.forName("Shift_JIS"));

        batch.replace("households.csv", shiftJis);

        assertThat(batch.problems()).containsExactly("households.csv:2 invalid UTF-8 (byte 0x8E at byte 5 of the line); "
                + "the rest of the file was not read");
    }

    @Test
    void invalidUtf8FarIntoALargeFileIsReportedAtItsExactLine() throws Exception {
        StringBuilder csv = new StringBuilder("household_id,head_name,version\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append('H').append(i).append(",山田 花子,1\n");
        }
        byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = (csv + "H5001,\u5c71").getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bad, bad.length - 1);
        batch.replace("households.csv", broken);

        assertThat(good.length).isGreaterThan(8192 * 4);
        assertThat(batch.problems()).containsExactly(
                "households.csv:5002 invalid UTF-8 (byte 0xE5 at byte 7 of the line); the rest of the file was not read");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        batch.replace("households.csv", "household_id,head_name,version\nH01,山田,3\nH02,\"山田,3\nH03,山田,3\n");

        assertThat(batch.problems()).containsExactly(
                "households.csv:3 quoted field not closed: the '\"' opened on this line has no closing '\"'");
    }

    @Test
    void aStrayQuoteAfterAQuotedFieldIsReported() {
        batch.replace("households.csv", "household_id,head_name,version\nH01,\"山田\"花子,3\n");

        assertThat(batch.problems()).containsExactly(
                "households.csv:2 character after a closing quote (a '\"' inside a quoted field must be doubled)");
    }

    @Test
    void aStrayQuoteIsReportedOnItsOwnLineEvenPastLine999AndInsideAMultiLineField() {
        StringBuilder csv = new StringBuilder("household_id,head_name,version\n");
        for (int i = 1; i <= 1500; i++) {
            csv.append('H').append(i).append(",山田,1\n");
        }
        batch.replace("households.csv", csv.append("H1501,\"山\n田\"花子,3\n").toString());

        assertThat(batch.problems()).containsExactly(
                "households.csv:1503 character after a closing quote (a '\"' inside a quoted field must be doubled)");
    }

    @Test
    void aFileMissingFromTheDirectoryIsReported() throws Exception {
        Files.delete(dir.resolve("cardholders.csv"));

        assertThat(batch.problems()).containsExactly("cardholders.csv is missing from the batch directory");
    }

    // ------------------------------------------------------------ manifest

    @Test
    void aFullBatchMustListEveryEntity() {
        batch.files = new ArrayList<>(batch.files.subList(0, 5));

        assertThat(batch.problems()).containsExactly("manifest.json a full batch needs a file for entity cardholders "
                + "(a cardholders.csv with only its header when there are none)");
    }

    @Test
    void anUnknownOrRepeatedEntityIsReported() {
        BatchFile seals = batch.files.get(2);
        batch.files.add(new BatchFile("seals2.csv", "seals", 0, seals.sha256()));
        batch.files.add(new BatchFile("notes.txt", "notes", 0, seals.sha256()));

        assertThat(batch.problems()).containsExactly(
                "manifest.json entity seals is listed twice (seals.csv and seals2.csv)",
                "manifest.json file notes.txt has unknown entity 'notes' (expected residents, households, seals, "
                        + "seal_images, suppression_flags or cardholders)");
    }

    @Test
    void aTaxBatchIsNotReadAsAResidentRecordBatch() {
        BatchManifest tax = new BatchManifest(TestBatch.KURUME, SourceSystem.TAX, 1, BatchKind.FULL,
                batch.manifest().createdAt(), batch.files);

        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class,
                () -> new JukikiCsvReader().read(dir, tax));

        assertThat(e.problems()).extracting(Object::toString)
                .containsExactly("manifest.json source is tax; this reader reads jukiki batches");
    }

    // ------------------------------------------------------------ many problems

    @Test
    void problemsAreCappedAt200AndTheRestCounted() {
        List<List<String>> rows = batch.rows("households.csv");
        for (int i = 0; i < 250; i++) {
            rows.add(List.of("X" + i, "山田", "v"));
        }
        batch.rewrite("households.csv", rows);
        batch.cell("cardholders.csv", 1, "version", "v");

        List<String> problems = batch.problems();

        assertThat(problems).hasSize(201);
        assertThat(problems.get(0)).isEqualTo(
                "households.csv:4:version malformed version 'v' (expected a non-negative integer)");
        assertThat(problems.get(200)).isEqualTo("households.csv 51 more problems not listed (only the first 200 are)");
    }

    @Test
    void noRecordIsReturnedWhenAnyRowIsBad() {
        batch.cell("cardholders.csv", 2, "version", "");

        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, batch::read);

        assertThat(e).hasMessage("cardholders.csv:3:version required value missing");
    }
}
