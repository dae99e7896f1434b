package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.ParsedBatch;

/** Deletions (削除): {@code op} D rows of a delta batch come back as keys, their other columns may be empty. */
class JukikiDeletionsTest {

    @TempDir
    Path dir;

    TestBatch batch;

    @BeforeEach
    void writeADelta() {
        batch = TestBatch.written(dir, Samples.town());
        batch.kind = BatchKind.DELTA;
    }

    /** Adds the op column, marks the data row D and empties every column but the key columns. */
    private void delete(String file, int row, String... keyColumns) {
        List<List<String>> rows = batch.rows(file);
        rows.get(0).add("op");
        for (int i = 1; i < rows.size(); i++) {
            rows.get(i).add(i == row ? "D" : "U");
        }
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            if (!List.of(keyColumns).contains(header.get(c)) && !header.get(c).equals("op")) {
                rows.get(row).set(c, "");
            }
        }
        batch.rewrite(file, rows);
    }

    @Test
    void deletionRowsOfEveryEntityComeBackAsKeysAndStillCountAsRecords() throws Exception {
        delete("residents.csv", 3, "person_key");
        delete("households.csv", 2, "household_id");
        delete("seals.csv", 2, "person_key", "registration_number");
        delete("suppression_flags.csv", 2, "person_key", "kind", "from_date");
        delete("cardholders.csv", 2, "issuer", "serial");

        ParsedBatch parsed = batch.read();

        Deletions d = parsed.deletions();
        assertThat(d.residents()).containsExactly(new PersonKey("A0003"));
        assertThat(d.households()).containsExactly(new HouseholdId("H02"));
        assertThat(d.seals()).containsExactly(new Deletions.SealKey(new PersonKey("A0002"), "S-2"));
        assertThat(d.suppressionFlags()).containsExactly(new Deletions.FlagKey(new PersonKey("A0002"),
                SuppressionFlag.Kind.STAFF_STOP, LocalDate.of(2024, 1, 1)));
        assertThat(d.cardholders()).extracting(Deletions.CardKey::serial).containsExactly(BigInteger.valueOf(42));
        assertThat(d.taxRecords()).isEmpty();
        assertThat(parsed.content().residents()).extracting(r -> r.key().value()).containsExactly("A0001", "A0002");
        assertThat(parsed.content().households()).hasSize(1);
        assertThat(parsed.recordsPerFile()).containsEntry("residents.csv", 3L).containsEntry("households.csv", 2L);
    }

    @Test
    void aDeletionRowWithoutItsKeyIsAProblem() {
        delete("residents.csv", 1, "nothing");

        assertThat(batch.problems()).containsExactly("residents.csv:2:person_key required value missing");
    }

    @Test
    void anUnknownOpInADeltaIsAProblem() {
        batch.copyRow("households.csv", 1, "household_id", "H03");
        List<List<String>> rows = batch.rows("households.csv");
        rows.get(0).add("op");
        rows.get(1).add("U");
        rows.get(2).add("");
        rows.get(3).add("X");
        batch.rewrite("households.csv", rows);

        assertThat(batch.problems()).containsExactly(
                "households.csv:4:op unknown op 'X' (expected U, or D in a delta batch)");
    }
}
