package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.ParsedBatch;

class JukikiRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void whatTheWriterWritesTheReaderReadsBackEqual() throws Exception {
        ReplicaContent town = Samples.town();
        TestBatch batch = TestBatch.written(dir, town);

        ParsedBatch parsed = batch.read();

        assertThat(parsed.content()).isEqualTo(town);
        assertThat(parsed.content().residents().get(0).name()).isEqualTo(Samples.hardName());
    }

    @Test
    void theWriterListsEveryFileWithItsRecordCountAndTheSha256OfItsBytes() throws Exception {
        List<BatchFile> files = new JukikiCsvWriter().write(dir, Samples.town());

        assertThat(files).extracting(BatchFile::name, BatchFile::entity, BatchFile::records).containsExactly(
                org.assertj.core.groups.Tuple.tuple("residents.csv", "residents", 3L),
                org.assertj.core.groups.Tuple.tuple("households.csv", "households", 2L),
                org.assertj.core.groups.Tuple.tuple("seals.csv", "seals", 2L),
                org.assertj.core.groups.Tuple.tuple("seal_images.zip", "seal_images", 1L),
                org.assertj.core.groups.Tuple.tuple("suppression_flags.csv", "suppression_flags", 2L),
                org.assertj.core.groups.Tuple.tuple("cardholders.csv", "cardholders", 2L));
        for (BatchFile file : files) {
            byte[] bytes = Files.readAllBytes(dir.resolve(file.name()));
            assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void theReaderCountsTheDataRowsOfEveryFile() throws Exception {
        ParsedBatch parsed = TestBatch.written(dir, Samples.town()).read();

        assertThat(parsed.recordsPerFile()).isEqualTo(Map.of("residents.csv", 3L, "households.csv", 2L,
                "seals.csv", 2L, "seal_images.zip", 1L, "suppression_flags.csv", 2L, "cardholders.csv", 2L));
    }

    @Test
    void anEmptySourceIsFilesWithOnlyTheirHeader() throws Exception {
        TestBatch batch = TestBatch.written(dir, ReplicaContent.empty());

        assertThat(batch.content("households.csv")).isEqualTo("household_id,head_name,version\r\n");
        assertThat(batch.read().content()).isEqualTo(ReplicaContent.empty());
        assertThat(batch.read().recordsPerFile()).containsEntry("residents.csv", 0L);
    }

    @Test
    void eachDistinctSealImageIsStoredOnceAndNamedInTheSealsRows() throws Exception {
        SealRegistration other = new SealRegistration(new PersonKey("A0003"), "S-3",
                new SealImage(Samples.png(), 12, 12), PrintedText.EMPTY, LocalDate.of(2020, 1, 1), SealStatus.LOST, 1);
        SealImage different = new SealImage(java.util.Arrays.copyOf(Samples.png(), Samples.png().length + 1), 15, 15);
        SealRegistration fourth = new SealRegistration(new PersonKey("A0004"), "S-4", different, PrintedText.EMPTY,
                LocalDate.of(2020, 1, 1), SealStatus.ABOLISHED, 1);
        ReplicaContent content = new ReplicaContent(List.of(), List.of(),
                List.of(Samples.seal("A0001", "S-1"), other, fourth), List.of(), List.of(), List.of());
        TestBatch batch = TestBatch.written(dir, content);
        batch.kind = BatchKind.DELTA;

        String same = contentName(Samples.png());
        String differentName = contentName(different.png());
        try (ZipFile zip = new ZipFile(dir.resolve("seal_images.zip").toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly(same, differentName);
            assertThat(zip.stream().map(ZipEntry::getMethod)).containsOnly(ZipEntry.STORED);
        }
        assertThat(batch.rows("seals.csv")).extracting(row -> row.get(row.size() - 2))
                .containsExactly("image_entry", same, same, differentName);
        assertThat(batch.read().content().seals()).isEqualTo(content.seals());
    }

    @Test
    void onePersonsSeveralRegistrationsWithDifferentImpressionsKeepTheirOwnImages() throws Exception {
        SealImage older = new SealImage(java.util.Arrays.copyOf(Samples.png(), Samples.png().length + 2), 15, 15);
        SealRegistration abolished = new SealRegistration(new PersonKey("A0001"), "S-0", older, PrintedText.EMPTY,
                LocalDate.of(2010, 1, 1), SealStatus.ABOLISHED, 1);
        ReplicaContent content = new ReplicaContent(List.of(), List.of(),
                List.of(abolished, Samples.seal("A0001", "S-1")), List.of(), List.of(), List.of());
        TestBatch batch = TestBatch.written(dir, content);
        batch.kind = BatchKind.DELTA;

        assertThat(batch.read().content().seals()).isEqualTo(content.seals());
    }

    private static String contentName(byte[] png) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png), 0, 12) + ".png";
    }

    @Test
    void theSameContentAlwaysGivesTheSameBytes() throws Exception {
        List<BatchFile> first = new JukikiCsvWriter().write(dir.resolve("one"), Samples.town());
        List<BatchFile> second = new JukikiCsvWriter().write(dir.resolve("two"), Samples.town());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anUnidentifiedVendorCharacterIsWrittenAsTheRawPrivateUseCodePointTheVendorSent() throws Exception {
        TestBatch batch = TestBatch.written(dir, Samples.town());

        String households = batch.content("households.csv");

        assertThat(households).contains("\uE012").doesNotContain("{VND:");
        assertThat(households).contains("{MJ037229}").contains("\u845B\uDB40\uDD00").contains("\uD842\uDFB7");
    }

    @Test
    void aPrivateUseCharacterTheTableMapsIsReadAsTheMappedCharacter() throws Exception {
        TestBatch batch = TestBatch.written(dir, Samples.town());
        PrintedChar katsura = new PrintedChar.VariationSequence(0x845B, 0xE0102);
        CorrespondenceTable table = new CorrespondenceTable(1, Map.of("U+E012", katsura));

        Household household = batch.read(table).content().households().get(0);

        assertThat(household.headName().chars()).last().isEqualTo(katsura);
        assertThat(household.headName().hasUnidentified()).isFalse();
    }

    @Test
    void aPrivateUseCharacterTheTableDoesNotMapStaysAnUnidentifiedVendorCharacter() throws Exception {
        TestBatch batch = TestBatch.written(dir, Samples.town());
        CorrespondenceTable other = new CorrespondenceTable(1, Map.of("U+E013", new PrintedChar.MjOnly(new MjId(1))));

        Household household = batch.read(other).content().households().get(0);

        assertThat(household.headName().chars()).last().isEqualTo(new PrintedChar.UnidentifiedVendor("U+E012"));
    }

    @Test
    void aCharacterThatIsItselfPrivateUseSurvivesAsACodePointTagAndIsNotTakenForAVendorCode() throws Exception {
        PrintedText gj = PrintedText.of(List.of(new PrintedChar.Ucs(0x10_0000), new PrintedChar.Ucs(0xE012),
                new PrintedChar.UnidentifiedVendor("U+E012"), new PrintedChar.UnidentifiedVendor("SJIS:F040")));
        ReplicaContent content = new ReplicaContent(List.of(), List.of(new Household(
                new jp.kofu.core.replica.domain.HouseholdId("H1"), gj, 1)), List.of(), List.of(), List.of(), List.of());
        TestBatch batch = TestBatch.written(dir, content);
        CorrespondenceTable mapsE012 = new CorrespondenceTable(1, Map.of("U+E012", new PrintedChar.Ucs(0x845B)));

        assertThat(batch.content("households.csv")).contains("{U+100000}{U+E012}\uE012{VND:SJIS:F040}");
        assertThat(batch.read().content()).isEqualTo(content);
        assertThat(batch.read(mapsE012).content().households().get(0).headName().chars()).containsExactly(
                new PrintedChar.Ucs(0x10_0000), new PrintedChar.Ucs(0xE012), new PrintedChar.Ucs(0x845B),
                new PrintedChar.UnidentifiedVendor("SJIS:F040"));
    }

    @Test
    void rowsMayEndInLfOrCrLfAndQuotedFieldsMaySpanLines() throws Exception {
        TestBatch batch = TestBatch.written(dir, Samples.town());
        String crlf = batch.content("households.csv");
        batch.replace("households.csv", crlf.replace("\r\n", "\n"));

        assertThat(batch.read().content()).isEqualTo(Samples.town());

        batch.replace("households.csv", "household_id,head_name,version\r\n"
                + "H01,\"𠮷田\r\n太郎\",3\n"
                + "H02,\"山田 \"\"花子\"\"\",x\r\n");
        assertThat(batch.problems()).containsExactly(
                "households.csv:2:head_name control character U+000D at character 3 (write {U+000D} if it is meant)",
                "households.csv:4:version malformed version 'x' (expected a non-negative integer)");
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() throws Exception {
        TestBatch batch = TestBatch.written(dir, new ReplicaContent(List.of(), List.of(Samples.household("H02")),
                List.of(), List.of(), List.of(), List.of()));
        batch.replace("residents.csv", "version,status,address,sex,birth_date,name,household_id,person_key\n"
                + "0,removed,久留米市,1,2000-01-01,山田 太郎,H02,A0003\n");

        Resident read = batch.read().content().residents().get(0);

        assertThat(read).usingRecursiveComparison().isEqualTo(Samples.minimalResident("A0003", "H02"));
    }

    @Test
    void aUpsertOpIsAcceptedInAFullBatch() throws Exception {
        TestBatch batch = TestBatch.written(dir, Samples.town());
        List<List<String>> rows = batch.rows("households.csv");
        rows.get(0).add(0, "op");
        rows.get(1).add(0, "U");
        rows.get(2).add(0, "");
        batch.rewrite("households.csv", rows);

        assertThat(batch.read().content().households()).isEqualTo(Samples.town().households());
    }

    @Test
    void aDeltaBatchNeedNotListEveryEntityNorHoldTheRecordsItRefersTo() throws Exception {
        TestBatch batch = TestBatch.written(dir, Samples.town());
        batch.kind = BatchKind.DELTA;
        batch.files = List.of(batch.files.get(0));

        assertThat(batch.read().content().residents()).isEqualTo(Samples.town().residents());
    }

    @Test
    void trailingEmptyLinesAreTolerated() throws Exception {
        TestBatch batch = TestBatch.written(dir, Samples.town());
        batch.replace("households.csv", batch.content("households.csv") + "\r\n\r\n");

        assertThat(batch.read().recordsPerFile()).containsEntry("households.csv", 2L);
    }

    @Test
    void aRecordTheReaderWouldRefuseIsRefusedByTheWriterNamingItsKeyOnly() {
        Household nameless = new Household(new jp.kofu.core.replica.domain.HouseholdId("H9"), PrintedText.EMPTY, 1);
        ReplicaContent content = new ReplicaContent(List.of(), List.of(nameless), List.of(), List.of(), List.of(),
                List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JukikiCsvWriter().write(dir, content))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Household[H9]: head_name is empty but the kofu layout requires it");
    }

    @Test
    void writingReplacesFilesOfAnEarlierRun() throws Exception {
        new JukikiCsvWriter().write(dir, Samples.town());
        new JukikiCsvWriter().write(dir, ReplicaContent.empty());

        assertThat(Files.readString(dir.resolve("residents.csv"), StandardCharsets.UTF_8).lines()).hasSize(1);
    }
}
