package jp.kofu.core.sync.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.digest.DigestFiles;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase.Difference;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase.EntityResult;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase.Kind;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase.Report;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.testing.InMemoryReplica;

/** kofu sync verify's service against the in-memory replica. */
class VerifyReplicaServiceTest {

    @TempDir
    Path dir;

    private final InMemoryReplica replica = new InMemoryReplica();
    private final Map<Path, BatchManifest> manifests = new HashMap<>();
    private final BatchManifestPort manifestPort = new BatchManifestPort() {
        @Override
        public BatchManifest read(Path d) throws BatchRejectedException {
            BatchManifest m = manifests.get(d);
            if (m == null) {
                throw new BatchRejectedException(InputProblem.ofFile("manifest.json", "is missing"));
            }
            return m;
        }

        @Override
        public void write(Path d, BatchManifest manifest) {
            manifests.put(d, manifest);
        }
    };
    private final VerifyReplicaService service = new VerifyReplicaService(manifestPort, replica);

    private final ReplicaContent source = replicaContent()
            .with(aResident().withKey("P0001").build(), aResident().withKey("P0002").build(),
                    aResident().withKey("P0003").build())
            .with(aSeal().of("P0001").numbered("1").build())
            .build();

    private Path digest(SourceSystem source, long sequence, ReplicaContent content) throws IOException {
        Path d = dir.resolve(source.wireName() + "-" + sequence);
        manifests.put(d, new BatchManifest(KURUME, source, sequence, BatchKind.DIGEST, Instant.EPOCH,
                DigestFiles.write(d, source, content)));
        return d;
    }

    private Report verify(Path digest) throws BatchRejectedException {
        return service.verify(new VerifyReplicaUseCase.Command(digest));
    }

    private static EntityResult entity(Report report, String name) {
        return report.entities().stream().filter(e -> e.entity().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void a_replica_holding_what_the_source_holds_matches_whatever_the_load_order() throws Exception {
        ReplicaContent shuffled = replicaContent()
                .with(source.residents().get(2), source.residents().get(0), source.residents().get(1))
                .with(source.seals().get(0)).build();
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 5)), shuffled);

        Report report = verify(digest(SourceSystem.JUKIKI, 5, source));

        assertThat(report.matches()).isTrue();
        assertThat(report.entities()).extracting(EntityResult::entity)
                .containsExactly("residents", "households", "seals", "suppression_flags", "cardholders");
        assertThat(entity(report, "residents").replica().records()).isEqualTo(3);
        assertThat(report.entities()).allMatch(e -> e.firstDifferences().isEmpty());
    }

    @Test
    void a_changed_a_missing_and_an_extra_record_are_named_by_key_in_key_order() throws Exception {
        ReplicaContent held = replicaContent()
                .with(aResident().withKey("P0001").build(),
                        aResident().withKey("P0003").withRelationship("子").build(),
                        aResident().withKey("P0004").build())
                .with(source.seals().get(0)).build();
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 5)), held);

        Report report = verify(digest(SourceSystem.JUKIKI, 5, source));

        assertThat(report.matches()).isFalse();
        assertThat(report.sequenceMatches()).isTrue();
        EntityResult residents = entity(report, "residents");
        assertThat(residents.matches()).isFalse();
        assertThat(residents.firstDifferences()).containsExactly(new Difference("P0002", Kind.MISSING_IN_REPLICA),
                new Difference("P0003", Kind.DIFFERENT), new Difference("P0004", Kind.EXTRA_IN_REPLICA));
        assertThat(List.of(residents.missing(), residents.extra(), residents.different())).containsExactly(1L, 1L, 1L);
        assertThat(entity(report, "seals").matches()).isTrue();
    }

    @Test
    void a_replica_at_another_sequence_does_not_match_even_with_equal_records() throws Exception {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.TAX, 3)),
                replicaContent().with(aTaxRecord().of("P0001").build()).build());

        Report report = verify(digest(SourceSystem.TAX, 4, replicaContent().with(aTaxRecord().of("P0001").build()).build()));

        assertThat(report.entities()).singleElement().satisfies(e -> assertThat(e.matches()).isTrue());
        assertThat(report.replicaSequence()).hasValue(3);
        assertThat(report.digestSequence()).isEqualTo(4);
        assertThat(report.matches()).isFalse();
    }

    @Test
    void a_digest_whose_files_do_not_match_its_manifest_is_rejected() throws Exception {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 5)), source);
        Path d = digest(SourceSystem.JUKIKI, 5, source);
        Files.writeString(d.resolve("seals.keys.tsv"), "key\tsha256\n");

        assertThatThrownBy(() -> verify(d)).isInstanceOfSatisfying(BatchRejectedException.class,
                e -> assertThat(e.problems().get(0).toString()).startsWith("seals.keys.tsv SHA-256 mismatch"));
    }

    @Test
    void two_replicas_with_the_same_records_have_the_same_entity_digests() throws Exception {
        InMemoryReplica other = new InMemoryReplica();
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 5)), source);
        other.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 9)), replicaContent()
                .with(source.residents().get(1), source.residents().get(2), source.residents().get(0))
                .with(source.seals().get(0)).build());

        var first = replica.read(KURUME, s -> VerifyReplicaService.digestOf(s, jp.kofu.core.replica.domain.ReplicaEntity.RESIDENTS));
        var second = other.read(KURUME, s -> VerifyReplicaService.digestOf(s, jp.kofu.core.replica.domain.ReplicaEntity.RESIDENTS));

        assertThat(second).isEqualTo(first);
        assertThat(first.records()).isEqualTo(3);
    }
}
