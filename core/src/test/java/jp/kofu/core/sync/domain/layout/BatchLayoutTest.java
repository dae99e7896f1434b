package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** A batch's manifest is checked against its source's files, and the files' problems come in manifest order. */
class BatchLayoutTest {

    static final BatchLayout TAX = new BatchLayout(SourceSystem.TAX, List.of("tax_records", "tax_dependants"),
            entity -> entity + ".csv");

    static BatchManifest manifest(SourceSystem source, BatchKind kind, BatchFile... files) {
        return new BatchManifest(LocalGovernmentCode.parse("402036"), source, 1, kind,
                Instant.parse("2026-11-26T09:00:00Z"), List.of(files));
    }

    static BatchFile file(String name, String entity) {
        return new BatchFile(name, entity, 0, "0".repeat(64));
    }

    static List<String> strings(List<InputProblem> problems) {
        return problems.stream().map(InputProblem::toString).toList();
    }

    @Test
    void anotherSourcesBatchIsRejected() {
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class,
                () -> TAX.requireSource(manifest(SourceSystem.JUKIKI, BatchKind.FULL)));

        assertThat(e).hasMessage("manifest.json source is jukiki; this reader reads tax batches");
    }

    @Test
    void unknownRepeatedAndMissingEntitiesAreManifestProblems() {
        Problems problems = new Problems();

        Map<String, BatchFile> files = TAX.filesByEntity(manifest(SourceSystem.TAX, BatchKind.FULL,
                file("r.csv", "tax_records"), file("r2.csv", "tax_records"), file("notes.txt", "notes")), problems);

        assertThat(files).containsOnlyKeys("tax_records");
        assertThat(files.get("tax_records").name()).isEqualTo("r.csv");
        assertThat(strings(problems.toList())).containsExactly(
                "manifest.json entity tax_records is listed twice (r.csv and r2.csv)",
                "manifest.json file notes.txt has unknown entity 'notes' (expected tax_records or tax_dependants)",
                "manifest.json a full batch needs a file for entity tax_dependants "
                        + "(a tax_dependants.csv with only its header when there are none)");
    }

    @Test
    void aDeltaBatchMayLeaveEntitiesOut() {
        Problems problems = new Problems();

        TAX.filesByEntity(manifest(SourceSystem.TAX, BatchKind.DELTA, file("tax_records.csv", "tax_records")), problems);

        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void filesAreReadSideBySideAndTheirResultsKeyed() {
        Map<String, Callable<Parsed<?>>> tasks = new LinkedHashMap<>();
        List<String> threads = new ArrayList<>();
        tasks.put("a", () -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            return new Parsed<>("a.csv");
        });
        tasks.put("b", () -> new Parsed<>("b.csv"));

        Map<String, Parsed<?>> parsed = TAX.readInParallel(tasks);

        assertThat(parsed.get("a").file()).isEqualTo("a.csv");
        assertThat(parsed.get("b").file()).isEqualTo("b.csv");
        assertThat(threads).containsExactly("kofu-tax-reader");
    }

    @Test
    void aFailingReadIsRethrownAsItIs() {
        Map<String, Callable<Parsed<?>>> tasks = Map.of("a", () -> {
            throw new IllegalStateException("a bug in a parser");
        });

        assertThatThrownBy(() -> TAX.readInParallel(tasks)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a bug in a parser");
    }

    @Test
    void everyProblemComesInManifestOrderAfterTheManifestsOwn() {
        BatchManifest manifest = manifest(SourceSystem.TAX, BatchKind.FULL,
                file("tax_dependants.csv", "tax_dependants"), file("tax_records.csv", "tax_records"));
        Parsed<Object> records = new Parsed<>("tax_records.csv");
        records.problems().add("tax_records.csv", 2, "version", "malformed version 'x'");
        Parsed<Object> dependants = new Parsed<>("tax_dependants.csv");
        dependants.problems().add("tax_dependants.csv", 3, "seq", "seq 0 out of range (1 to 999)");
        Problems manifestProblems = new Problems();
        manifestProblems.add(InputProblem.ofFile("manifest.json", "something about the manifest"));

        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> TAX.recordsPerFile(
                manifest, manifestProblems, Map.of("tax_records", records, "tax_dependants", dependants)));

        assertThat(strings(e.problems())).containsExactly("manifest.json something about the manifest",
                "tax_dependants.csv:3:seq seq 0 out of range (1 to 999)",
                "tax_records.csv:2:version malformed version 'x'");
    }

    @Test
    void withoutProblemsEachFilesRowsAreCounted() throws BatchRejectedException {
        BatchManifest manifest = manifest(SourceSystem.TAX, BatchKind.FULL,
                file("tax_records.csv", "tax_records"), file("tax_dependants.csv", "tax_dependants"));
        Parsed<Object> records = new Parsed<>("tax_records.csv");
        records.finish(3, true);
        Parsed<Object> dependants = new Parsed<>("tax_dependants.csv");

        Map<String, Long> rows = TAX.recordsPerFile(manifest, new Problems(),
                Map.of("tax_records", records, "tax_dependants", dependants));

        assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of("tax_records.csv", 3L, "tax_dependants.csv", 0L));
    }
}
