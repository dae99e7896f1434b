package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code kofu bench load} on a small town: every figure measured, through the real load, H2 and apply path. */
class BenchLoadCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheLoadTheBaselineTheirRatioAndTheDeltaVisibilityOfEveryRun() throws Exception {
        CliRun run = CliRun.run("bench", "load", "--residents", "300", "--repeat", "2", "--deltas", "3",
                "--delta-records", "40", "--reference-date", "2026-11-26", "--dir", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("runs").asInt()).isEqualTo(2);
        assertThat(doc.get("records").asLong()).as("records loaded").isGreaterThan(300);
        assertThat(doc.get("loadSecondsPerRun")).hasSize(2);
        assertThat(doc.get("loadSeconds").asDouble()).isPositive();
        // the baseline inserts the rows the load stored: seal images live in the seal rows and tax dependants
        // in the tax rows, so there are fewer rows than records, but never none
        assertThat(doc.get("baselineRows").asLong()).isBetween(300L, doc.get("records").asLong());
        assertThat(doc.get("baselineSeconds").asDouble()).isPositive();
        assertThat(doc.get("ratioToBaseline").asDouble()).isPositive();
        assertThat(doc.get("deltaVisibleMillisMedian").asDouble()).isPositive();
        assertThat(doc.get("deltaVisibleMillisP95").asDouble())
                .isGreaterThanOrEqualTo(doc.get("deltaVisibleMillisMedian").asDouble());
        assertThat(doc.get("deltaVisibleMillisMedianPerRun")).hasSize(2);
        assertThat(dir.resolve("town/jukiki-000001-full/manifest.json")).isRegularFile();
        assertThat(dir.resolve("deltas/jukiki-000004-delta/manifest.json")).isRegularFile();

        CliRun again = CliRun.run("bench", "load", "--residents", "300", "--repeat", "1", "--deltas", "1",
                "--delta-records", "10", "--reference-date", "2026-11-26", "--dir", dir.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("initial load:").contains("baseline:").contains("x the baseline")
                .contains("visible to issuance: median");
    }
}
