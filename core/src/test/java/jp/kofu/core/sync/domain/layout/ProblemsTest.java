package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;

/** A rejection lists the first 200 problems and counts the rest, however many files they come from. */
class ProblemsTest {

    @Test
    void theFirst200AreListedAndTheRestCountedUnderTheFileOfTheFirstUnlisted() {
        Problems problems = new Problems();
        for (int i = 1; i <= 250; i++) {
            problems.add("a.csv", i, "version", "malformed");
        }
        problems.add("b.csv", 1, "", "empty line");

        assertThat(problems.total()).isEqualTo(251);
        assertThat(problems.toList()).hasSize(Problems.LIMIT + 1);
        assertThat(problems.toList().get(199)).hasToString("a.csv:200:version malformed");
        assertThat(problems.toList().get(200)).hasToString("a.csv 51 more problems not listed (only the first 200 are)");
    }

    @Test
    void mergingKeepsTheOverallCountExact() {
        Problems first = new Problems();
        first.add(InputProblem.ofFile("manifest.json", "a full batch needs a file"));
        Problems file = new Problems();
        for (int i = 1; i <= 300; i++) {
            file.add("b.csv", i, "", "has 4 fields, the header has 3");
        }

        first.addAll(file);

        assertThat(first.total()).isEqualTo(301);
        assertThat(first.toList()).hasSize(201).last()
                .hasToString("b.csv 101 more problems not listed (only the first 200 are)");
    }

    @Test
    void noProblemNoRejection() throws BatchRejectedException {
        Problems problems = new Problems();

        problems.throwIfAny();

        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void anyProblemRejectsTheBatchWithAllOfThem() {
        Problems problems = new Problems();
        problems.add("a.csv", 2, "name", "required value missing");
        problems.add("a.csv", 3, "", "empty line (a row needs 3 fields)");

        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, problems::throwIfAny);

        assertThat(e.problems()).extracting(Object::toString)
                .containsExactly("a.csv:2:name required value missing", "a.csv:3 empty line (a row needs 3 fields)");
    }
}
