package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.sync.domain.InputProblem;

/** Each kind of cell gives its value, or one problem naming the column that quotes no personal data. */
class CellsTest {

    static final Layout LAYOUT = new Layout("things", "things.csv");
    /** A second column, so that a row with an empty value is not an empty line. */
    static final int ID = LAYOUT.required("id");
    static final int VALUE = LAYOUT.optional("value");
    static final CodeTable<Sex> SEXES = CodeTable.of(Map.entry("1", Sex.MALE), Map.entry("2", Sex.FEMALE));

    final LayoutReader reader = new LayoutReader(CorrespondenceTable.empty());
    List<String> problems = List.of();

    /** What the accessor gives for each value in turn, one row each; problems are left in {@link #problems}. */
    <T> List<T> read(Function<Cells, T> accessor, String... values) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "value"});
        for (String value : values) {
            rows.add(new String[] {"x", value});
        }
        List<T> results = new ArrayList<>();
        Parsed<Object> parsed = reader.read(InMemoryRows.ofCells("things.csv", rows), LAYOUT, new Parsed<>("things.csv"),
                (c, p) -> {
                    results.add(accessor.apply(c));
                    return null;
                });
        problems = parsed.problems().toList().stream().map(InputProblem::toString).toList();
        return results;
    }

    <T> T readOne(Function<Cells, T> accessor, String value) {
        return read(accessor, value).get(0);
    }

    @Test
    void anEmptyRequiredCellIsMissingWhateverItsType() {
        List<List<Object>> values = read(c -> {
            List<Object> all = new ArrayList<>();
            all.add(c.personKey(VALUE));
            all.add(c.text(VALUE, true));
            all.add(c.plain(VALUE, true));
            all.add(c.date(VALUE));
            all.add(c.version(VALUE));
            all.add(c.flag(VALUE));
            all.add(c.code(VALUE, SEXES));
            return all;
        }, "");

        assertThat(problems).hasSize(7).allMatch(p -> p.equals("things.csv:2:value required value missing"));
        assertThat(values).hasSize(1);
    }

    @Test
    void anEmptyOptionalCellIsAbsent() {
        PrintedText text = readOne(c -> c.text(VALUE, false), "");
        String plain = readOne(c -> c.plain(VALUE, false), "");
        Optional<LocalDate> date = readOne(c -> c.optionalDate(VALUE), "");

        assertThat(text).isEqualTo(PrintedText.EMPTY);
        assertThat(plain).isEmpty();
        assertThat(date).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void keysAreShortAsciiAndAMalformedOneIsQuotedOnlyWhenItCouldNotBePersonal() {
        assertThat(readOne(c -> c.personKey(VALUE), "0000012345").value()).isEqualTo("0000012345");
        read(c -> c.personKey(VALUE), "A0001!", "山田", "123456789012345678901", "Yamada Taro");

        assertThat(problems).containsExactly(
                "things.csv:2:value malformed key 'A0001!' (expected 1-20 letters, digits or '-')",
                "things.csv:3:value malformed key (2 characters, not shown) (expected 1-20 letters, digits or '-')",
                "things.csv:4:value malformed key '123456789012345678901' (expected 1-20 letters, digits or '-')",
                "things.csv:5:value malformed key (11 characters, not shown) (expected 1-20 letters, digits or '-')");
    }

    @Test
    void consecutiveRowsOfAHouseholdShareItsId() {
        List<Object> ids = read(c -> c.householdId(VALUE), "H01", "H01", "H02");

        assertThat(ids.get(0)).isSameAs(ids.get(1)).isNotEqualTo(ids.get(2));
    }

    @Test
    void datesAreRealCalendarDaysAndSharedInstances() {
        List<LocalDate> dates = read(c -> c.date(VALUE), "2024-02-29", "2024-02-29", "2023-02-29", "2024-13-01",
                "2024-1-01", "yesterday");

        assertThat(dates.get(0)).isEqualTo(LocalDate.of(2024, 2, 29)).isSameAs(dates.get(1));
        assertThat(dates.subList(2, 6)).containsOnlyNulls();
        assertThat(problems).containsExactly(
                "things.csv:4:value malformed date '2023-02-29' (expected yyyy-MM-dd)",
                "things.csv:5:value malformed date '2024-13-01' (expected yyyy-MM-dd)",
                "things.csv:6:value malformed date '2024-1-01' (expected yyyy-MM-dd)",
                "things.csv:7:value malformed date 'yesterday' (expected yyyy-MM-dd)");
    }

    @Test
    void aBirthDateIsNeverQuoted() {
        LocalDate date = readOne(c -> c.personalDate(VALUE), "1980/02/29");

        assertThat(date).isNull();
        assertThat(problems).containsExactly("things.csv:2:value malformed date "
                + "(expected yyyy-MM-dd; the value is personal data and not shown)");
    }

    @Test
    void optionalDatesAreSharedToo() {
        List<Optional<LocalDate>> dates = read(c -> c.optionalDate(VALUE), "2026-04-01", "2026-04-01", "1899-12-31",
                "2026-04-31");

        assertThat(dates.get(0)).contains(LocalDate.of(2026, 4, 1)).isSameAs(dates.get(1));
        assertThat(dates.get(2)).contains(LocalDate.of(1899, 12, 31));
        assertThat(dates.get(3)).isEmpty();
        assertThat(problems).containsExactly("things.csv:5:value malformed date '2026-04-31' (expected yyyy-MM-dd)");
    }

    @Test
    void integersAreDigitsWithASignOnlyWhereAllowed() {
        assertThat(read(c -> c.integer(VALUE, true), "-250000", "3456000")).containsExactly(-250000L, 3456000L);
        assertThat(read(c -> c.integer(VALUE, false), "-1", "3,456", "1234567890123456789", "0"))
                .containsExactly(0L, 0L, 0L, 0L);

        assertThat(problems).containsExactly(
                "things.csv:2:value malformed number '-1' (expected a non-negative integer, digits only)",
                "things.csv:3:value malformed number '3,456' (expected a non-negative integer, digits only)",
                "things.csv:4:value malformed number '1234567890123456789' (expected a non-negative integer, digits only)");
        read(c -> c.integer(VALUE, true), "12.5", "-");
        assertThat(problems).containsExactly(
                "things.csv:2:value malformed number '12.5' (expected an integer, digits with an optional leading '-')",
                "things.csv:3:value malformed number '-' (expected an integer, digits with an optional leading '-')");
    }

    @Test
    void aVersionIsANonNegativeInteger() {
        assertThat(read(c -> c.version(VALUE), "7", "-1")).containsExactly(7L, 0L);

        assertThat(problems).containsExactly("things.csv:3:value malformed version '-1' (expected a non-negative integer)");
    }

    @Test
    void decimalsHaveAtMostOneInnerPoint() {
        assertThat(read(c -> c.decimal(VALUE), "15", "15.5")).containsExactly(15.0, 15.5);
        assertThat(read(c -> c.decimal(VALUE), "15,5", ".5", "5.", "1.2.3")).allMatch(d -> d.isNaN());

        assertThat(problems).hasSize(4).allMatch(p -> p.endsWith("(expected a decimal number such as 15 or 15.5)"));
        assertThat(problems.get(0)).isEqualTo(
                "things.csv:2:value malformed number '15,5' (expected a decimal number such as 15 or 15.5)");
    }

    @Test
    void flagsAreOneOrZero() {
        assertThat(read(c -> c.flag(VALUE), "1", "0", "yes")).containsExactly(true, false, false);

        assertThat(problems).containsExactly("things.csv:4:value unknown flag 'yes' (expected 1 or 0)");
    }

    @Test
    void codesListTheCodesExpectedAndTextIsMeasuredNotQuoted() {
        assertThat(read(c -> c.code(VALUE, SEXES), "2", "F", "女性 です")).containsExactly(Sex.FEMALE, null, null);

        assertThat(problems).containsExactly(
                "things.csv:3:value unknown code 'F' (expected 1 or 2)",
                "things.csv:4:value unknown code (5 characters, not shown) (expected 1 or 2)");
    }

    @Test
    void aPlainCellTakesNoControlOrPrivateUseCharacter() {
        assertThat(read(c -> c.plain(VALUE, false), "中長期在留者", "中長期\uE012", "a\tb", "x\uDB80\uDC00"))
                .containsExactly("中長期在留者", null, null, null);

        assertThat(problems).containsExactly(
                "things.csv:3:value private-use character at character 4 (this column takes no 外字)",
                "things.csv:4:value control character U+0009 at character 2",
                "things.csv:5:value private-use character at character 2 (this column takes no 外字)");
    }

    @Test
    void everyKindOfBrokenTextIsLocatedByCharacterWithoutQuotingIt() {
        read(c -> c.text(VALUE, true), "𠮷田{花子}", "山{MJ12}", "山田}", "山田{MJ000001", "\uDB40\uDD00山", "{U+GGGG}",
                "久留米市\t城南町", "𠮷\u0085");

        assertThat(problems).containsExactly(
                "things.csv:2:value unknown tag (expected {MJnnnnnn}, {U+XXXX} or {VND:code}) at character 3",
                "things.csv:3:value malformed MJ tag (expected MJ and six digits, e.g. {MJ012345}) at character 2",
                "things.csv:4:value '}' outside a tag (write {U+007D} for a literal '}') at character 3",
                "things.csv:5:value '{' without a closing '}' at character 3",
                "things.csv:6:value variation selector without a base character at character 1",
                "things.csv:7:value malformed code point tag (expected U+ and 4 to 6 hex digits, e.g. {U+007B}) "
                        + "at character 1",
                "things.csv:8:value control character U+0009 at character 5 (write {U+0009} if it is meant)",
                "things.csv:9:value control character U+0085 at character 2 (write {U+0085} if it is meant)");
    }

    @Test
    void vendorTextErrorsAreLocatedInTheCellNotInTheConvertersRewriting() {
        read(c -> c.text(VALUE, true), "\uE012\uE013{MJ12}", "山\uE012\uFE00", "{VND:\uE012}");

        assertThat(problems).containsExactly(
                "things.csv:2:value malformed MJ tag (expected MJ and six digits, e.g. {MJ012345}) at character 3",
                "things.csv:3:value variation selector after a vendor character (a vendor 外字 takes none) at character 3",
                "things.csv:4:value vendor character inside a tag (write it outside the braces, or as {U+XXXX})");
    }

    @Test
    void repeatedAndVocabularyTextsAreSharedInstances() {
        List<PrintedText> repeated = read(c -> c.repeatedText(VALUE, false), "久留米市城南町", "久留米市城南町", "久留米市東町");
        List<PrintedText> vocabulary = read(c -> c.vocabularyText(VALUE, false), "長男", "妻", "長男");

        assertThat(repeated.get(0)).isSameAs(repeated.get(1)).isNotEqualTo(repeated.get(2));
        assertThat(vocabulary.get(0)).isSameAs(vocabulary.get(2));
        assertThat(problems).isEmpty();
    }

    @Test
    void aValueIsQuotedOnlyWhenShortPrintableAsciiWithoutSpaces() {
        assertThat(Cells.show("2024-13-01")).isEqualTo("'2024-13-01'");
        assertThat(Cells.show("Yamada Taro")).isEqualTo("(11 characters, not shown)");
        assertThat(Cells.show("𠮷田")).isEqualTo("(2 characters, not shown)");
        assertThat(Cells.show("it's")).isEqualTo("(4 characters, not shown)");
        assertThat(Cells.show("x".repeat(25))).isEqualTo("(25 characters, not shown)");
        assertThat(Cells.alternatives(List.of("a", "b", "c"))).isEqualTo("a, b or c");
        assertThat(Cells.parseLong("-0", true)).isZero();
        assertThat(Cells.parseLong("", false)).isEqualTo(Long.MIN_VALUE);
    }
}
