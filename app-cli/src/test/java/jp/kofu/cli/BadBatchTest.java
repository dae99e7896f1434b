package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.service.BatchFiles;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.json.JsonBatchManifestCodec;

/**
 * Bad batches through {@code kofu sync apply} on generated deltas (issue 3): each kind of damage is
 * quarantined with exit 3 and a reason naming file, line and field where there is one, the stream shows
 * the quarantine, and the replica is exactly what it was before (canonical dump, {@link ReplicaDump}). A
 * duplicate is a no-op (exit 0) and a gap is held (exit 1, stream abnormal), the replica unchanged too.
 */
class BadBatchTest {

    @TempDir
    Path dir;

    private Path town;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db/kofu");
    }

    @BeforeEach
    void loadATownWithDeltas() {
        town = dir.resolve("town");
        CliRun generate = CliRun.run("generate", "--tenant", "402036", "--residents", "60", "--seed", "3",
                "--reference-date", "2026-11-26", "--deltas", "2", "--cards", "0", "--out", town.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        CliRun load = CliRun.run("load", "--db", db(), "--tenant", "402036", town.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
    }

    /** A damage done to a copy of jukiki delta 2, and what the reason must say. */
    private interface Damage {
        void apply(BadBatchTest test, Path batch) throws IOException;
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("a corrupted row (an impossible birth date)", (Damage) (t, b) ->
                        rewriteLine(b, "residents.csv", 3, line -> replaceField(line, 7, "1969-02-30")),
                        List.of("residents.csv:3:birth_date")),
                Arguments.of("bytes that are not UTF-8", (Damage) (t, b) -> {
                    Path file = b.resolve("residents.csv");
                    byte[] bytes = Files.readAllBytes(file);
                    int at = indexOf(bytes, "\n".getBytes(StandardCharsets.UTF_8)) + 1;
                    while ((bytes[at] & 0x80) == 0) {
                        at++; // to the first byte of the row's first non-ASCII character (its name)
                    }
                    bytes[at] = (byte) 0xFF;
                    Files.write(file, bytes);
                    rechecksum(b, "residents.csv");
                }, List.of("residents.csv:2 invalid UTF-8 (byte 0xFF at byte ")),
                Arguments.of("a file truncated in its last row, sent with a matching checksum", (Damage) (t, b) -> {
                    Path file = b.resolve("residents.csv");
                    String text = Files.readString(file);
                    Files.writeString(file, text.substring(0, text.stripTrailing().lastIndexOf(',', text.length() - 20)));
                    rechecksum(b, "residents.csv");
                }, List.of("residents.csv:7 has ", " fields, the header has 31")),
                Arguments.of("a file truncated in transit (checksum of the whole file)", (Damage) (t, b) -> {
                    Path file = b.resolve("residents.csv");
                    byte[] bytes = Files.readAllBytes(file);
                    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
                }, List.of("residents.csv SHA-256 mismatch")),
                Arguments.of("a file listed in the manifest but missing", (Damage) (t, b) ->
                        Files.delete(b.resolve("households.csv")),
                        List.of("households.csv is listed in the manifest but missing")),
                Arguments.of("a wrong checksum in the manifest", (Damage) (t, b) -> {
                    BatchManifest m = manifest(b);
                    new JsonBatchManifestCodec().write(b, new BatchManifest(m.tenant(), m.source(), m.sequence(),
                            m.kind(), m.createdAt(), m.files().stream().map(f -> f.name().equals("seals.csv")
                                    ? new BatchFile(f.name(), f.entity(), f.records(), "0".repeat(64)) : f).toList()));
                }, List.of("seals.csv SHA-256 mismatch: manifest says " + "0".repeat(64))),
                Arguments.of("a batch of another tenant", (Damage) (t, b) -> {
                    BatchManifest m = manifest(b);
                    new JsonBatchManifestCodec().write(b, new BatchManifest(LocalGovernmentCode.parse("131016"),
                            m.source(), m.sequence(), m.kind(), m.createdAt(), m.files()));
                }, List.of("manifest.json:tenant batch belongs to tenant 131016, not 402036")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedBatchIsQuarantinedWithExit3AndAPreciseReasonAndTheReplicaIsUnchanged(String what, Damage damage,
                                                                                       List<String> reasons)
            throws IOException {
        Path batch = copy(town.resolve("jukiki-000002-delta"), dir.resolve("in/jukiki-000002-delta"));
        damage.apply(this, batch);
        ReplicaDump.Dump before = ReplicaDump.of(db());

        CliRun run = CliRun.run("sync", "apply", "--db", db(), "--tenant", "402036", batch.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        for (String reason : reasons) {
            assertThat(run.err()).contains(reason);
        }
        assertThat(ReplicaDump.of(db())).as("the replica after the quarantine").isEqualTo(before);
        CliRun status = CliRun.run("sync", "status", "--db", db());
        assertThat(status.out()).as(status.err()).containsPattern("402036 jukiki .* abnormal: batch 2 quarantined");
        // the tax stream goes on
        CliRun tax = CliRun.run("sync", "apply", "--db", db(), town.resolve("tax-000002-delta").toString());
        assertThat(tax.exitCode()).as(tax.err()).isZero();
    }

    @Test
    void theSameBatchTwiceIsANoOpTheSecondTime() {
        CliRun first = CliRun.run("sync", "apply", "--db", db(), town.resolve("jukiki-000002-delta").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        ReplicaDump.Dump applied = ReplicaDump.of(db());

        CliRun again = CliRun.run("sync", "apply", "--db", db(), town.resolve("jukiki-000002-delta").toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("jukiki batch 2 was already applied (last applied is 2); nothing done");
        assertThat(ReplicaDump.of(db())).isEqualTo(applied);
    }

    @Test
    void aBatchAfterAGapIsHeldTheStreamIsAbnormalAndTheReplicaUnchanged() {
        ReplicaDump.Dump before = ReplicaDump.of(db());

        CliRun three = CliRun.run("sync", "apply", "--db", db(), town.resolve("jukiki-000003-delta").toString());

        assertThat(three.exitCode()).isEqualTo(1);
        assertThat(three.err()).contains("jukiki batch 3 held: batch 2 is missing");
        assertThat(ReplicaDump.of(db())).isEqualTo(before);
        assertThat(CliRun.run("sync", "status", "--db", db()).out())
                .containsPattern("402036 jukiki .* abnormal: batch 2 is missing; held: \\[3\\]");
    }

    // ---- damage helpers -------------------------------------------------------------------------------

    private static BatchManifest manifest(Path batch) {
        try {
            return new JsonBatchManifestCodec().read(batch);
        } catch (BatchRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the file's SHA-256 in the manifest to the file's: the damage was done before the source signed it. */
    private static void rechecksum(Path batch, String file) throws IOException {
        BatchManifest m = manifest(batch);
        String sha = BatchFiles.sha256(batch.resolve(file));
        new JsonBatchManifestCodec().write(batch, new BatchManifest(m.tenant(), m.source(), m.sequence(), m.kind(),
                m.createdAt(), m.files().stream().map(f -> f.name().equals(file)
                        ? new BatchFile(f.name(), f.entity(), f.records(), sha) : f).toList()));
    }

    private static void rewriteLine(Path batch, String file, int lineNo, UnaryOperator<String> change) throws IOException {
        Path path = batch.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path));
        lines.set(lineNo - 1, change.apply(lines.get(lineNo - 1)));
        Files.write(path, lines);
        rechecksum(batch, file);
    }

    private static String replaceField(String line, int index, String value) {
        assertThat(line).doesNotContain("\"");
        String[] fields = line.split(",", -1);
        fields[index] = value;
        return String.join(",", fields);
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
