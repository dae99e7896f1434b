package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.sync.domain.InputProblem;

/**
 * The fixed-length codec: a definition file read into a {@link FixedLayout}, records written and read back
 * through {@link FixedRecordSink} and {@link FixedRecordSource} with the reader's {@link Cells}, SJIS vendor
 * 外字 through the correspondence table, and every fault reported as {@code file:record:field reason}.
 */
class FixedRecordCodecTest {

    static final Charset SJIS = Charset.forName("windows-31j");

    static final Layout PEOPLE = new Layout("people", "people.csv");
    static final int OP = PEOPLE.operation("op");
    static final int KEY = PEOPLE.required("person_key");
    static final int NAME = PEOPLE.required("name");
    static final int KANA = PEOPLE.optional("name_kana");
    static final int BORN = PEOPLE.required("birth_date");
    static final int LEFT = PEOPLE.optional("left_on");
    static final int STATUS = PEOPLE.required("status");
    static final int HEIGHT = PEOPLE.optional("height_cm");
    static final int BALANCE = PEOPLE.optional("balance");
    static final int NOTE = PEOPLE.optional("note");
    static final int VERSION = PEOPLE.required("version");

    static final String DEFINITION = """
            # a test layout
            layout  test-fixed
            entity  people
            file    people.dat
            record  80
            # column   offset length type   options
            op          0      1     op     map=U:U,D:D
            person_key  1      6     string
            name        7      16    text
            name_kana   23     12    kana
            birth_date  35     8     date
            left_on     43     8     date
            status      51     1     code   map=1:resident,9:removed
            height_cm   52     5     number scale=1
            balance     57     7     number signed
            version     64     6     number
            """;

    record Person(String key, PrintedText name, PrintedText kana, LocalDate born, Optional<LocalDate> left,
            String status, String height, long balance, long version) {
    }

    static final RowParser<Person> PARSER = (c, p) -> {
        c.deletes(OP, jp.kofu.core.sync.domain.BatchKind.DELTA);
        String key = c.plain(KEY, true);
        PrintedText name = c.text(NAME, true);
        PrintedText kana = c.text(KANA, false);
        LocalDate born = c.personalDate(BORN);
        Optional<LocalDate> left = c.optionalDate(LEFT);
        String status = c.plain(STATUS, true);
        String height = c.raw(HEIGHT);
        long balance = c.isEmpty(BALANCE) ? 0 : c.integer(BALANCE, true);
        long version = c.version(VERSION);
        return c.rowOk() ? new Person(key, name, kana, born, left, status, height, balance, version) : null;
    };

    static FixedLayout definition() throws IOException {
        return FixedLayout.parse("test.layout", new StringReader(DEFINITION));
    }

    static String[] row(String key, String name, String kana, String born, String left, String status, String height,
            String balance, String version) {
        String[] row = new String[PEOPLE.size()];
        java.util.Arrays.fill(row, "");
        row[KEY] = key;
        row[NAME] = name;
        row[KANA] = kana;
        row[BORN] = born;
        row[LEFT] = left;
        row[STATUS] = status;
        row[HEIGHT] = height;
        row[BALANCE] = balance;
        row[VERSION] = version;
        return row;
    }

    Parsed<Person> read(Path dir, CorrespondenceTable table) throws IOException {
        return new LayoutReader(table).read(dir, "people.dat", PEOPLE, FixedRecordSource.opener(definition(), PEOPLE),
                PARSER);
    }

    static List<String> problems(Parsed<?> parsed) {
        return parsed.problems().toList().stream().map(InputProblem::toString).toList();
    }

    @Test
    void aDefinitionFileIsReadIntoFieldsWithTheirOffsetsTypesAndCodeTables() throws IOException {
        FixedLayout d = definition();

        assertThat(d.id()).isEqualTo("test-fixed");
        assertThat(d.recordLength()).isEqualTo(80);
        assertThat(d.fileName()).isEqualTo("people.dat");
        assertThat(d.field("name")).isEqualTo(new FixedLayout.Field("name", 7, 16, FixedLayout.Type.TEXT, 0, false,
                Map.of()));
        assertThat(d.field("status").map()).containsExactly(Map.entry("1", "resident"), Map.entry("9", "removed"));
        assertThat(d.field("height_cm").scale()).isEqualTo(1);
        assertThat(d.field("balance").signed()).isTrue();
    }

    @Test
    void malformedDefinitionsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> FixedLayout.parse("x.layout", new StringReader(
                "layout a\nentity people\nfile p.dat\nrecord 10\nname 0 8 txt\n")))
                .hasMessage("x.layout line 5: unknown type txt (expected text, kana, string, number, date, code, flag or op)");
        assertThatThrownBy(() -> FixedLayout.parse("x.layout", new StringReader(
                "layout a\nentity people\nfile p.dat\nrecord 10\nname 0 8 text\nperson_key 6 4 string\n")))
                .hasMessage("x.layout: field person_key overlaps another at byte 6");
        assertThatThrownBy(() -> FixedLayout.parse("x.layout", new StringReader(
                "layout a\nentity people\nfile p.dat\nrecord 10\nname 4 8 text\n")))
                .hasMessageContaining("outside the record of 10 bytes");
        assertThatThrownBy(() -> definitionWithout("version").requireFits(PEOPLE))
                .hasMessage("test-fixed/people: required column version has no field");
    }

    static FixedLayout definitionWithout(String column) throws IOException {
        String text = DEFINITION.lines().filter(l -> !l.startsWith(column + " ")).reduce("", (a, b) -> a + b + "\n");
        return FixedLayout.parse("test.layout", new StringReader(text));
    }

    @Test
    void recordsRoundTripWithKanaNumbersDatesCodesAndSjisVendorGaiji(@TempDir Path dir) throws IOException {
        List<String[]> rows = List.of(
                row("P1", "山田　{VND:SJIS:F040}子", "ヤマダ　ガッパ", "1980-02-29", "", "resident", "170.5", "-1200", "3"),
                row("P2", "{U+007B}鈴木}", "", "2001-12-31", "2024-04-01", "removed", "", "42", "12"));
        // a literal '}' is written by Representable as a tag; here a raw one must be refused
        assertThatThrownBy(() -> FixedRecordSink.write(dir, definition(), PEOPLE, rows, r -> r))
                .hasMessageContaining("record 2: name (text, 16 bytes) has a '}' outside a tag at character 11");

        List<String[]> good = List.of(rows.get(0),
                row("P2", "{U+007B}鈴木{U+007D}", "", "2001-12-31", "2024-04-01", "removed", "", "42", "12"));
        var file = FixedRecordSink.write(dir, definition(), PEOPLE, good, r -> r);
        byte[] bytes = Files.readAllBytes(dir.resolve("people.dat"));

        assertThat(file.records()).isEqualTo(2);
        assertThat(bytes).hasSize(2 * 82);
        assertThat(new String(bytes, 0, 82, SJIS)).isEqualTo(" P1    " + "山田　\uE000子" + " ".repeat(6)
                + "ﾔﾏﾀﾞ ｶﾞｯﾊﾟ" + "  " + "19800229" + " ".repeat(8) + "1" + "01705" + "-001200" + "000003"
                + " ".repeat(10) + "\r\n");
        assertThat(bytes[13] & 0xFF).isEqualTo(0xF0); // SJIS:F040 as its two bytes
        assertThat(bytes[14] & 0xFF).isEqualTo(0x40);

        PrintedChar mj = PrintedChar.Ucs.of(0x9AD9); // 髙, as the city's table identifies the vendor's F040
        Parsed<Person> parsed = read(dir, new CorrespondenceTable(1, Map.of("SJIS:F040", mj)));

        assertThat(problems(parsed)).isEmpty();
        Person p1 = parsed.records().get(0);
        assertThat(p1.name().chars()).containsExactly(PrintedChar.Ucs.of('山'), PrintedChar.Ucs.of('田'),
                PrintedChar.Ucs.of('\u3000'), mj, PrintedChar.Ucs.of('子'));
        assertThat(p1.kana().toTagged()).isEqualTo("ヤマダ　ガッパ");
        assertThat(p1.born()).isEqualTo(LocalDate.of(1980, 2, 29));
        assertThat(p1.left()).isEmpty();
        assertThat(p1.status()).isEqualTo("resident");
        assertThat(p1.height()).isEqualTo("170.5");
        assertThat(p1.balance()).isEqualTo(-1200);
        assertThat(p1.version()).isEqualTo(3);
        Person p2 = parsed.records().get(1);
        assertThat(p2.name().toTagged()).isEqualTo("{U+007B}鈴木{U+007D}");
        assertThat(p2.left()).contains(LocalDate.of(2024, 4, 1));
        assertThat(p2.status()).isEqualTo("removed");
        assertThat(p2.height()).isEmpty();
        assertThat(parsed.lineOf(1)).isEqualTo(2);
    }

    @Test
    void anUnmappedSjisVendorCharacterStaysUnidentified(@TempDir Path dir) throws IOException {
        FixedRecordSink.write(dir, definition(), PEOPLE,
                List.<String[]>of(row("P1", "{VND:SJIS:F9FC}田", "", "1980-01-01", "", "resident", "", "", "1")), r -> r);

        Parsed<Person> parsed = read(dir, CorrespondenceTable.empty());

        assertThat(parsed.records().get(0).name().chars().get(0))
                .isEqualTo(new PrintedChar.UnidentifiedVendor("SJIS:F9FC"));
    }

    @Test
    void theWriterRefusesWhatTheFieldCannotHoldInsteadOfTruncating(@TempDir Path dir) {
        assertThatThrownBy(() -> write(dir, row("P1", "山田山田山田山田山", "", "1980-01-01", "", "resident", "", "", "1")))
                .hasMessage("record 1: name (text, 16 bytes) is longer than its 16 bytes");
        assertThatThrownBy(() -> write(dir, row("P1", "𠮷田", "", "1980-01-01", "", "resident", "", "", "1")))
                .hasMessageContaining("name (text, 16 bytes) has a character not in windows-31j at character 1");
        assertThatThrownBy(() -> write(dir, row("P1", "葛\uDB40\uDD02城", "", "1980-01-01", "", "resident", "", "", "1")))
                .hasMessageContaining("not in windows-31j at character 2");
        assertThatThrownBy(() -> write(dir, row("P1", "\uE012田", "", "1980-01-01", "", "resident", "", "", "1")))
                .hasMessageContaining("a private-use vendor 外字 in U+ notation");
        assertThatThrownBy(() -> write(dir, row("P1", "{MJ012345}", "", "1980-01-01", "", "resident", "", "", "1")))
                .hasMessageContaining("an MJ character without a code point");
        assertThatThrownBy(() -> write(dir, row("P1", "山田 ", "", "1980-01-01", "", "resident", "", "", "1")))
                .hasMessageContaining("ends with a space, which reading would trim");
        assertThatThrownBy(() -> write(dir, row("P1", "山田", "ゐ", "1980-01-01", "", "resident", "", "", "1")))
                .hasMessageContaining("name_kana (kana, 12 bytes) has a character without a half-width katakana form");
        assertThatThrownBy(() -> write(dir, row("P1", "山田", "", "1980-01-01", "", "move_out_planned", "", "", "1")))
                .hasMessage("record 1: status (code, 1 bytes) has no vendor code for kofu code 'move_out_planned'");
        assertThatThrownBy(() -> write(dir, row("P1", "山田", "", "1980-01-01", "", "resident", "12.25", "", "1")))
                .hasMessageContaining("height_cm (number, 5 bytes) has more than 1 decimal places");
        assertThatThrownBy(() -> write(dir, row("P1", "山田", "", "1980-01-01", "", "resident", "", "", "1234567")))
                .hasMessageContaining("version (number, 6 bytes) has more than the field's 6 digits");
        String[] note = row("P1", "山田", "", "1980-01-01", "", "resident", "", "", "1");
        note[NOTE] = "x";
        assertThatThrownBy(() -> write(dir, note))
                .hasMessage("record 1: column note holds a value but test-fixed people has no field for it");
    }

    static void write(Path dir, String[] row) throws IOException {
        FixedRecordSink.write(dir, definition(), PEOPLE, List.<String[]>of(row), r -> r);
    }

    /** A record of the definition, built from its fields' bytes, blank elsewhere. */
    static byte[] record(Map<Integer, byte[]> fields) {
        byte[] r = new byte[80];
        java.util.Arrays.fill(r, (byte) ' ');
        fields.forEach((offset, bytes) -> System.arraycopy(bytes, 0, r, offset, bytes.length));
        return r;
    }

    static byte[] good() {
        return record(Map.of(0, "U".getBytes(SJIS), 1, "P1".getBytes(SJIS), 7, "山田".getBytes(SJIS),
                35, "19800101".getBytes(SJIS), 51, "1".getBytes(SJIS), 64, "000001".getBytes(SJIS)));
    }

    static void file(Path dir, byte[]... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.write(r);
            out.write('\r');
            out.write('\n');
        }
        Files.write(dir.resolve("people.dat"), out.toByteArray());
    }

    static byte[] with(byte[] record, int offset, int... bytes) {
        byte[] r = record.clone();
        for (int i = 0; i < bytes.length; i++) {
            r[offset + i] = (byte) bytes[i];
        }
        return r;
    }

    @Test
    void eachFaultIsReportedWithFileRecordAndFieldAndTheRecordIsNotRead(@TempDir Path dir) throws IOException {
        byte[] good = good();
        file(dir,
                good,
                with(good, 22, 0x88), // 亜's lead byte as the name's last byte: cut in the middle of a character
                with(good, 7, 0x85, 0x40), // not a windows-31j character
                with(good, 7, 0xFD), // not a windows-31j byte at all
                with(good, 35, '1', '9', '8', '0', '0', '2', '3', '0'),
                with(good, 35, '1', '9', '8', '0', '-', '0', '1', ' '),
                with(good, 64, '0', '0', '0', '0', 'x', '1'),
                with(good, 51, '5'),
                with(good, 1, 0xF0, 0x40), // a vendor 外字 in a plain field
                java.util.Arrays.copyOf(good, 79),
                good);

        Parsed<Person> parsed = read(dir, CorrespondenceTable.empty());

        assertThat(problems(parsed)).containsExactly(
                "people.dat:2:name ends in the middle of a double-byte character (lead byte 0x88 is the field's last byte)",
                "people.dat:3:name bytes 0x8540 at byte 1 of the field are not windows-31j",
                "people.dat:4:name byte 0xFD at byte 1 of the field is not windows-31j",
                "people.dat:5:birth_date not a calendar date (expected yyyyMMdd, or blank for none)",
                "people.dat:6:birth_date malformed date (expected yyyyMMdd, or blank for none)",
                "people.dat:7:version malformed number (expected 6 digits with leading zeros)",
                "people.dat:8:status unknown code '5' (expected 1 or 9)",
                "people.dat:9:person_key user-defined-area character (外字) SJIS:F040 at byte 1; this field takes none",
                "people.dat:10 record is 79 bytes; test-fixed people records are 80 bytes, each ended by CRLF");
        assertThat(parsed.records()).hasSize(2);
        assertThat(parsed.rows()).isEqualTo(11);
        assertThat(parsed.complete()).isFalse();
    }

    @Test
    void aRecordEndedByLfAloneOrByNothingIsTheWrongLength(@TempDir Path dir) throws IOException {
        byte[] good = good();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good);
        out.write('\n');
        out.write(good);
        Files.write(dir.resolve("people.dat"), out.toByteArray());

        assertThat(problems(read(dir, CorrespondenceTable.empty()))).containsExactly(
                "people.dat:1 record is 80 bytes ended by LF without CR; test-fixed people records are 80 bytes, each ended by CRLF",
                "people.dat:2 record is 80 bytes without the closing CRLF; test-fixed people records are 80 bytes, each ended by CRLF");
    }

    @Test
    void cellCheckDefectsAreReportedByTheSharedCellsWithTheRecordNumber(@TempDir Path dir) throws IOException {
        file(dir, good(), with(good(), 64, ' ', ' ', ' ', ' ', ' ', ' '));

        assertThat(problems(read(dir, CorrespondenceTable.empty())))
                .containsExactly("people.dat:2:version required value missing");
    }

    @Test
    void halfWidthKanaBecomeFullWidthWithTheirVoicedMarks() {
        assertThat(FixedFields.toHalfWidth("ヴァイオリン　パパ・ヂー")).isEqualTo("ｳﾞｧｲｵﾘﾝ ﾊﾟﾊﾟ･ﾁﾞｰ");
    }
}
