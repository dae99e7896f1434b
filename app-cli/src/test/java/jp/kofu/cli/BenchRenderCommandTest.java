package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** {@code kofu bench render} measures both documents and the baseline on 1 and 2 threads (a smoke run). */
class BenchRenderCommandTest {

    @Test
    void printsMedianP99SizeAndRatioOfEachWorkloadAgainstTheBaseline() throws Exception {
        CliRun run = CliRun.run("bench", "render", "--iterations", "10", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("results")).hasSize(6);
        for (JsonNode row : doc.path("results")) {
            assertThat(row.path("medianMs").asDouble()).isPositive();
            assertThat(row.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(row.path("medianMs").asDouble());
            assertThat(row.path("bytes").asInt()).isPositive();
            assertThat(row.path("threads").asInt()).isIn(1, 2);
        }
        assertThat(doc.path("results").get(0).path("workload").asText()).isEqualTo("juminhyo, 1 person");
        assertThat(doc.path("results").get(0).path("bytes").asInt()).as("≤ 60 KB without images").isLessThan(60 * 1024);
        assertThat(doc.path("results").get(2).path("medianToBaseline").asDouble()).isEqualTo(1.0);
        assertThat(doc.has("loadAverage")).isTrue();
    }

    @Test
    void tooFewIterationsIsAUsageError() {
        assertThat(CliRun.run("bench", "render", "--iterations", "3").exitCode()).isEqualTo(2);
    }
}
