package jp.kofu.core.sync.domain.digest;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aCardholder;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.SourceSystem;

/** Writing and reading the files of a digest batch. */
class DigestFilesTest {

    @TempDir
    Path dir;

    private final ReplicaContent content = replicaContent()
            .with(aResident().withKey("P0002").build(), aResident().withKey("P0001").build(),
                    aResident().withKey("P0010").build())
            .with(aHousehold().withId("H0001").build())
            .with(aSeal().of("P0001").numbered("7").build())
            .with(aCardholder().withSerial(BigInteger.valueOf(12)).heldBy("P0001").build())
            .with(aTaxRecord().of("P0001").forFiscalYear(2026).build())
            .build();

    private BatchManifest write() throws IOException {
        List<BatchFile> files = DigestFiles.write(dir, SourceSystem.JUKIKI, content);
        return new BatchManifest(KURUME, SourceSystem.JUKIKI, 7, BatchKind.DIGEST, Instant.EPOCH, files);
    }

    @Test
    void the_written_digest_reads_back_with_counts_and_sums_of_the_content() throws Exception {
        BatchManifest manifest = write();

        Map<String, EntityDigest> summary = DigestFiles.read(dir, manifest);

        assertThat(summary).containsOnlyKeys("residents", "households", "seals", "suppression_flags", "cardholders");
        assertThat(summary.get("residents").records()).isEqualTo(3);
        assertThat(summary.get("suppression_flags")).isEqualTo(new EntityDigest("suppression_flags", 0, HashSum.zero()));
        assertThat(manifest.files()).extracting(BatchFile::name).containsExactly("digest.tsv", "residents.keys.tsv",
                "households.keys.tsv", "seals.keys.tsv", "suppression_flags.keys.tsv", "cardholders.keys.tsv");
        List<String> lines = Files.readAllLines(dir.resolve("residents.keys.tsv"));
        assertThat(lines.get(0)).isEqualTo("key\tsha256");
        assertThat(lines.subList(1, 4)).extracting(l -> l.substring(0, l.indexOf('\t')))
                .containsExactly("P0001", "P0002", "P0010");
        List<String> keys = new ArrayList<>();
        try (DigestFiles.KeyReader r = DigestFiles.KeyReader.open(dir, "cardholders")) {
            for (DigestFiles.Entry e = r.next(); e != null; e = r.next()) {
                keys.add(e.key());
            }
        }
        assertThat(keys).containsExactly("12 " + jp.kofu.core.testing.CardholderLinkBuilder.JPKI_ISSUER);
    }

    @Test
    void the_same_records_in_another_order_give_byte_identical_files() throws Exception {
        BatchManifest first = write();
        List<jp.kofu.core.replica.domain.Resident> backwards = new ArrayList<>(content.residents());
        java.util.Collections.reverse(backwards);
        ReplicaContent reversed = new ReplicaContent(backwards, content.households(), content.seals(),
                content.suppressionFlags(), content.cardholders(), content.taxRecords());
        List<BatchFile> again = DigestFiles.write(dir.resolve("again"), SourceSystem.JUKIKI, reversed);
        assertThat(again).isEqualTo(first.files());
    }

    @Test
    void a_tampered_key_file_is_rejected_with_file_line_and_field() throws Exception {
        BatchManifest manifest = write();
        Path keys = dir.resolve("residents.keys.tsv");
        List<String> lines = new ArrayList<>(Files.readAllLines(keys));
        String swapped = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, swapped);
        lines.set(3, "P0010\tnot-hex");
        Files.write(keys, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> DigestFiles.read(dir, manifest))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .contains("residents.keys.tsv:3:key key P0001 is not after the previous key (the file must be sorted by key)",
                                "residents.keys.tsv:4:sha256 must be 64 lower-case hex digits"));
    }

    @Test
    void a_summary_that_is_not_the_sum_of_its_key_file_is_rejected() throws Exception {
        BatchManifest manifest = write();
        Path summary = dir.resolve("digest.tsv");
        String text = Files.readString(summary);
        String residentsLine = text.lines().filter(l -> l.startsWith("residents\t")).findFirst().orElseThrow();
        String tampered = residentsLine.substring(0, residentsLine.length() - 1)
                + (residentsLine.endsWith("0") ? "1" : "0");
        Files.writeString(summary, text.replace(residentsLine, tampered));

        assertThatThrownBy(() -> DigestFiles.read(dir, manifest))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .containsExactly("digest.tsv:2:sha256 is not the sum of the record hashes of residents.keys.tsv"));
    }

    @Test
    void a_digest_of_the_wrong_kind_or_missing_an_entity_is_rejected() throws Exception {
        BatchManifest manifest = write();
        BatchManifest delta = new BatchManifest(KURUME, SourceSystem.JUKIKI, 7, BatchKind.DELTA, Instant.EPOCH, manifest.files());
        assertThatThrownBy(() -> DigestFiles.read(dir, delta)).isInstanceOfSatisfying(BatchRejectedException.class,
                e -> assertThat(e.problems().get(0).toString()).startsWith("manifest.json:kind a digest batch is expected"));
        BatchManifest withoutSeals = new BatchManifest(KURUME, SourceSystem.JUKIKI, 7, BatchKind.DIGEST, Instant.EPOCH,
                manifest.files().stream().filter(f -> !f.entity().equals("seals")).toList());
        assertThatThrownBy(() -> DigestFiles.read(dir, withoutSeals)).isInstanceOfSatisfying(BatchRejectedException.class,
                e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("manifest.json:files no seals.keys.tsv for entity seals"));
    }
}
