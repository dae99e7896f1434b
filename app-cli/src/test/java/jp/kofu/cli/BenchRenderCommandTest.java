package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.JapaneseDates;

/**
 * {@code kofu bench render} measures both documents, the baseline on 1 and 2 threads and the font parsed
 * for every document (a smoke run), and the documents it measures are what it says: within the size
 * target, and the household one with four different people.
 */
class BenchRenderCommandTest {

    private static final int TARGET_BYTES = 60 * 1024;

    @TempDir
    Path dir;

    @Test
    void printsMedianP99SizeAndRatioOfEachWorkloadAgainstTheBaselineAndTheSharedFontsGain() throws Exception {
        CliRun run = CliRun.run("bench", "render", "--iterations", "10", "--parsed-font-documents", "3", "--json",
                "--pdf-dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        List<String> workloads = new ArrayList<>();
        doc.path("results").forEach(row -> workloads.add(row.path("workload").asText() + " ×" + row.path("threads")));
        assertThat(workloads).containsExactly(
                BenchRenderCommand.ONE_PERSON + " ×1", BenchRenderCommand.HOUSEHOLD + " ×1",
                BenchRenderCommand.BASELINE + " ×1", BenchRenderCommand.ONE_PERSON + " ×2",
                BenchRenderCommand.HOUSEHOLD + " ×2", BenchRenderCommand.BASELINE + " ×2",
                BenchRenderCommand.PARSED_FONT + " ×1");
        for (JsonNode row : doc.path("results")) {
            String workload = row.path("workload").asText();
            assertThat(row.path("medianMs").asDouble()).isPositive();
            assertThat(row.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(row.path("medianMs").asDouble());
            assertThat(row.path("bytes").asInt()).as(workload + ": ≤ 60 KB without images")
                    .isPositive().isLessThanOrEqualTo(TARGET_BYTES);
        }
        assertThat(doc.path("results").get(2).path("medianToBaseline").asDouble()).isEqualTo(1.0);
        assertThat(doc.path("sharedFontGain").asDouble()).as("the shared font beats one parsed per document")
                .isGreaterThan(1.0);
        assertThat(doc.has("loadAverage")).isTrue();

        Path household = dir.resolve(BenchRenderCommand.fileName(BenchRenderCommand.HOUSEHOLD));
        assertThat(Files.size(household)).isEqualTo(doc.path("results").get(1).path("bytes").asLong());
        String text = Pdfs.compactText(household);
        for (CertificateContent.Member m : ExampleContent.household().members()) {
            assertThat(text).contains(compact(m.name().toUnicode()), compact(m.nameKana().toUnicode()),
                    JapaneseDates.format(m.birthDate()), m.relationship().toUnicode());
        }
        assertThat(Pdfs.compactText(dir.resolve(BenchRenderCommand.fileName(BenchRenderCommand.PARSED_FONT))))
                .as("the parsed-per-document workload renders the same one-person document")
                .isEqualTo(Pdfs.compactText(dir.resolve(BenchRenderCommand.fileName(BenchRenderCommand.ONE_PERSON))));
    }

    @Test
    void theHouseholdOfTheBenchIsFourDifferentPeople() {
        List<CertificateContent.Member> members = ExampleContent.household().members();

        assertThat(members).hasSize(4);
        assertThat(members.stream().map(m -> m.name().toUnicode()).distinct()).hasSize(4);
        assertThat(members.stream().map(CertificateContent.Member::birthDate).distinct()).hasSize(4);
        assertThat(members.stream().map(m -> m.relationship().toUnicode()).distinct()).hasSize(4);
    }

    @Test
    void tooFewIterationsOrParsedFontDocumentsIsAUsageError() {
        assertThat(CliRun.run("bench", "render", "--iterations", "3").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("bench", "render", "--parsed-font-documents", "0").exitCode()).isEqualTo(2);
    }

    private static String compact(String text) {
        return text.replaceAll("[\\s\u3000]+", "");
    }
}
