package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.sync.domain.InputProblem;

/** The header is mapped to the layout, every row is checked, and every problem names file, line and column. */
class LayoutReaderTest {

    static final Layout HOUSEHOLDS = new Layout("households", "households.csv");
    static final int OP = HOUSEHOLDS.operation("op");
    static final int HOUSEHOLD_ID = HOUSEHOLDS.required("household_id");
    static final int HEAD_NAME = HOUSEHOLDS.required("head_name");
    static final int NOTE = HOUSEHOLDS.optional("note");
    static final int VERSION = HOUSEHOLDS.required("version");

    final LayoutReader reader = new LayoutReader(CorrespondenceTable.empty());

    static final RowParser<Household> HOUSEHOLD = (c, p) -> {
        HouseholdId id = c.householdId(HOUSEHOLD_ID);
        PrintedText head = c.text(HEAD_NAME, true);
        c.plain(NOTE, false);
        long version = c.version(VERSION);
        if (id != null) {
            p.checkUnique(c, HOUSEHOLD_ID, id, "household_id " + id);
        } else {
            p.markUnknownKey();
        }
        return c.rowOk() ? new Household(id, head, version) : null;
    };

    Parsed<Household> read(InMemoryRows rows) {
        return reader.read(rows, HOUSEHOLDS, new Parsed<>(rows.file()), HOUSEHOLD);
    }

    static List<String> problems(Parsed<?> parsed) {
        return parsed.problems().toList().stream().map(InputProblem::toString).toList();
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() {
        Parsed<Household> parsed = read(InMemoryRows.of("households.csv",
                "version,head_name,household_id", "3,山田 太郎,H01", "1,鈴木 花子,H02"));

        assertThat(problems(parsed)).isEmpty();
        assertThat(parsed.records()).extracting(h -> h.id().value()).containsExactly("H01", "H02");
        assertThat(parsed.records().get(0).headName().toTagged()).isEqualTo("山田 太郎");
        assertThat(parsed.lineOf(1)).isEqualTo(3);
        assertThat(parsed.rows()).isEqualTo(2);
        assertThat(parsed.complete()).isTrue();
    }

    @Test
    void unknownRepeatedAndMissingRequiredColumnsAreReportedOnLine1AndNoRowIsRead() {
        Parsed<Household> parsed = read(InMemoryRows.of("households.csv",
                "household_id,version,adress,version,名前", "H01,3,x,3,y"));

        assertThat(problems(parsed)).containsExactly(
                "households.csv:1:adress unknown column",
                "households.csv:1:version column appears twice in the header",
                "households.csv:1:column 5 unknown column",
                "households.csv:1:head_name required column missing from the header");
        assertThat(parsed.rows()).isZero();
        assertThat(parsed.complete()).isFalse();
    }

    @Test
    void aFirstRowWithoutAnyKnownNameIsNotAHeader() {
        Parsed<Household> parsed = read(InMemoryRows.of("households.csv", "H01,山田,3"));

        assertThat(problems(parsed)).containsExactly("households.csv:1 is not a header row: no known column name "
                + "(expected op,household_id,head_name,note,version)");
    }

    @Test
    void anEmptyFileIsReportedUnlessItsSourceGaveUpOnItAlready() {
        assertThat(problems(read(InMemoryRows.of("households.csv"))))
                .containsExactly("households.csv:1 is empty (expected a header row with the column names)");
        assertThat(problems(read(InMemoryRows.of("households.csv", "household_id").stoppingAtLine(1)))).isEmpty();
    }

    @Test
    void aRowWithAnotherFieldCountIsReportedSkippedAndStillCounted() {
        Parsed<Household> parsed = read(InMemoryRows.of("households.csv",
                "household_id,head_name,version", "H01,山田,3", "H02,山田,3,extra", "H03"));

        assertThat(problems(parsed)).containsExactly(
                "households.csv:3 has 4 fields, the header has 3",
                "households.csv:4 has 1 fields, the header has 3");
        assertThat(parsed.rows()).isEqualTo(3);
        assertThat(parsed.records()).hasSize(1);
        assertThat(parsed.complete()).as("a skipped row's key is unknown").isFalse();
    }

    @Test
    void emptyLinesBetweenRowsAreProblemsButAtTheEndTheyAreNot() {
        Parsed<Household> parsed = read(InMemoryRows.of("households.csv",
                "household_id,head_name,version", "H01,山田,3", "", "", "H02,山田,3", "", ""));

        assertThat(problems(parsed)).containsExactly(
                "households.csv:3 empty line (a row needs 3 fields)",
                "households.csv:4 empty line (a row needs 3 fields)");
        assertThat(parsed.rows()).isEqualTo(2);
    }

    @Test
    void everyProblemOfEveryRowIsCollectedAndOnlyGoodRowsBecomeRecords() {
        Parsed<Household> parsed = read(InMemoryRows.of("households.csv",
                "household_id,head_name,version", "H01,,x", "H 2,山田,3", "H03,山田,3"));

        assertThat(problems(parsed)).containsExactly(
                "households.csv:2:head_name required value missing",
                "households.csv:2:version malformed version 'x' (expected a non-negative integer)",
                "households.csv:3:household_id malformed key (3 characters, not shown) "
                        + "(expected 1-20 letters, digits or '-')");
        assertThat(parsed.records()).extracting(h -> h.id().value()).containsExactly("H03");
        assertThat(parsed.hasKey(new HouseholdId("H01"))).as("a well-formed key of a bad row").isTrue();
        assertThat(parsed.complete()).as("a malformed key leaves the file's keys unknown").isFalse();
    }

    @Test
    void aDuplicateKeyPointsToItsFirstLine() {
        Parsed<Household> parsed = read(InMemoryRows.of("households.csv",
                "household_id,head_name,version", "H01,山田,3", "H02,山田,3", "H01,鈴木,4"));

        assertThat(problems(parsed)).containsExactly(
                "households.csv:4:household_id duplicate household_id H01, first on line 2");
        assertThat(parsed.records()).hasSize(2);
        assertThat(parsed.complete()).isTrue();
    }

    @Test
    void aDomainRuleBrokenInARecordsConstructorIsTheRowsProblem() {
        Parsed<Household> parsed = reader.read(InMemoryRows.of("households.csv",
                "household_id,head_name,version", "H01,山田,3"), HOUSEHOLDS, new Parsed<>("households.csv"), (c, p) -> {
                    throw new IllegalArgumentException("a household needs a head");
                });

        assertThat(problems(parsed)).containsExactly(
                "households.csv:2 rejected by kofu's domain rules: a household needs a head");
        assertThat(parsed.records()).isEmpty();
    }

    @Test
    void aSourceThatGivesUpLeavesTheFileIncompleteAndIsClosed() {
        InMemoryRows rows = InMemoryRows.of("households.csv",
                "household_id,head_name,version", "H01,山田,3", "H02,山田,3", "H03,山田,3").stoppingAtLine(3);

        Parsed<Household> parsed = read(rows);

        assertThat(parsed.rows()).isEqualTo(1);
        assertThat(parsed.complete()).isFalse();
        assertThat(rows.closed).isTrue();
    }

    @Test
    void aSourceWithoutHeaderHasTheLayoutsColumnsInOrder() {
        Parsed<Household> parsed = read(InMemoryRows.of("households.dat",
                ",H01,山田,,3", ",H02,鈴木,", "U,H03,佐藤,,1").withoutHeader());

        assertThat(problems(parsed)).containsExactly("households.dat:2 has 4 fields, the layout has 5");
        assertThat(parsed.records()).extracting(h -> h.id().value()).containsExactly("H01", "H03");
        assertThat(parsed.lineOf(0)).isEqualTo(1);
    }

    @Test
    void aFileThatCannotBeOpenedGivesOnlyItsProblem() {
        Parsed<Household> into = new Parsed<>("households.csv");
        into.problems().add(InputProblem.ofFile("households.csv", "is missing from the batch directory"));

        Parsed<Household> parsed = reader.read(null, HOUSEHOLDS, into, HOUSEHOLD);

        assertThat(problems(parsed)).containsExactly("households.csv is missing from the batch directory");
        assertThat(parsed.complete()).isFalse();
    }

    @Test
    void theOperationColumnRefusesDeletionsWhenTheParserAsksIt() {
        List<String> ops = new ArrayList<>();
        Parsed<Household> parsed = reader.read(InMemoryRows.of("households.csv",
                "household_id,head_name,version,op", "H01,山田,3,", "H02,山田,3,U", "H03,山田,3,D", "H04,山田,3,X"),
                HOUSEHOLDS, new Parsed<>("households.csv"), (c, p) -> {
                    ops.add(c.raw(OP));
                    c.upsertOnly(OP, jp.kofu.core.sync.domain.BatchKind.DELTA);
                    return HOUSEHOLD.parse(c, p);
                });

        assertThat(ops).containsExactly("", "U", "D", "X");
        assertThat(problems(parsed)).containsExactly(
                "households.csv:4:op op 'D' (delete) is not supported yet by this version of kofu",
                "households.csv:5:op unknown op 'X' (expected U, or D in a delta batch)");
    }
}
