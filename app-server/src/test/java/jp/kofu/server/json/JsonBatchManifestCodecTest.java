package jp.kofu.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

class JsonBatchManifestCodecTest {

    private final JsonBatchManifestCodec codec = new JsonBatchManifestCodec();

    @TempDir
    Path dir;

    @Test
    void aWrittenManifestReadsBackEqual() throws Exception {
        BatchManifest manifest = new BatchManifest(LocalGovernmentCode.parse("402036"), SourceSystem.JUKIKI, 7,
                BatchKind.DELTA, Instant.parse("2026-11-26T01:05:00Z"),
                List.of(new BatchFile("residents.csv", "residents", 1000, "a".repeat(64)),
                        new BatchFile("households.csv", "households", 12, "b".repeat(64))));
        codec.write(dir, manifest);
        assertThat(codec.read(dir)).isEqualTo(manifest);
    }

    @Test
    void theFormatOfAFixedLengthBatchIsWrittenAndReadBackAndCsvStaysImplicit() throws Exception {
        BatchManifest csv = new BatchManifest(LocalGovernmentCode.parse("402036"), SourceSystem.TAX, 1,
                BatchKind.FULL, Instant.parse("2026-11-26T01:05:00Z"),
                List.of(new BatchFile("tax_records.dat", "tax_records", 3, "a".repeat(64))));
        BatchManifest fixed = csv.withFormat(BatchFormat.fixed("kofu-fixed-v1"));

        codec.write(dir, csv);
        assertThat(Files.readString(dir.resolve("manifest.json"))).doesNotContain("format");
        assertThat(codec.read(dir).format()).isEqualTo(BatchFormat.CSV);
        codec.write(dir, fixed);
        assertThat(Files.readString(dir.resolve("manifest.json")))
                .contains("\"format\" : \"fixed\"").contains("\"layout\" : \"kofu-fixed-v1\"");
        assertThat(codec.read(dir)).isEqualTo(fixed);
    }

    @Test
    void aFixedFormatWithoutItsLayoutOrAnUnknownFormatIsReportedOnTheFormatField() throws IOException {
        for (String format : List.of("\"format\": \"fixed\"", "\"format\": \"xml\"",
                "\"format\": \"csv\", \"layout\": \"kofu-fixed-v1\"")) {
            Files.writeString(dir.resolve("manifest.json"), """
                    {"tenant": "402036", "source": "tax", "sequence": 1, "kind": "full",
                     "createdAt": "2026-11-26T01:05:00Z", "files": [], %s}
                    """.formatted(format));
            assertThatThrownBy(() -> codec.read(dir)).as(format).isInstanceOfSatisfying(BatchRejectedException.class,
                    e -> assertThat(e.problems()).extracting(InputProblem::column).containsExactly("format"));
        }
    }

    @Test
    void aMissingManifestIsNamed() {
        assertThatThrownBy(() -> codec.read(dir)).isInstanceOf(BatchRejectedException.class)
                .hasMessage("manifest.json is missing");
    }

    @Test
    void everyBadFieldIsReportedWithItsName() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), """
                {"tenant": "402030", "source": "jukiki", "sequence": "seven", "kind": "weekly",
                 "createdAt": "yesterday", "files": [{"name": "r.csv", "entity": "residents", "records": 3,
                 "sha256": "xyz"}], "extra": 1}
                """);
        assertThatThrownBy(() -> codec.read(dir)).isInstanceOfSatisfying(BatchRejectedException.class, e ->
                assertThat(e.problems()).extracting(InputProblem::column)
                        .containsExactlyInAnyOrder("extra", "tenant", "sequence", "kind", "createdAt", "files[0]"));
    }

    @Test
    void brokenJsonGivesItsLine() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\n\"tenant\": \"402036\",\n oops\n}");
        assertThatThrownBy(() -> codec.read(dir)).isInstanceOfSatisfying(BatchRejectedException.class, e -> {
            assertThat(e.problems().get(0).line()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("manifest.json:3 is not valid JSON");
        });
    }
}
