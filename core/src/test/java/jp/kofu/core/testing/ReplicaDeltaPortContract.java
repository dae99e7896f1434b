package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.PREPARED_AT;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aSuppressionFlag;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.port.out.ReplicaDeltaPort;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.SourceSystem;

/**
 * The behaviour every {@link ReplicaDeltaPort} must have: deltas applied by key with versions, deletions,
 * and the sequence compare-and-advance in the same transaction. Subclasses return a fresh, empty replica.
 */
public abstract class ReplicaDeltaPortContract {

    /** The three sides of one replica. */
    public record Replica(ReplicaReadPort reader, ReplicaWritePort writer, ReplicaDeltaPort delta) {
    }

    protected abstract Replica newReplica();

    private Replica replica;

    private static final PersonKey P1 = new PersonKey("P1");
    private static final PersonKey P2 = new PersonKey("P2");
    private static final PersonKey P3 = new PersonKey("P3");

    @BeforeEach
    void loadATown() {
        replica = newReplica();
        replica.writer().replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1),
                fullBatch(KURUME, SourceSystem.TAX, 1)), replicaContent()
                .with(aHousehold().withId("H1").version(1).build())
                .with(aResident().withKey("P1").inHousehold("H1").named("山田太郎").version(1).build(),
                        aResident().withKey("P2").inHousehold("H1").named("山田花子").version(1).build())
                .with(aSeal().of("P1").numbered("S1").version(1).build())
                .with(aSuppressionFlag().on("P2").from(LocalDate.of(2026, 1, 1)).version(1).build())
                .with(aTaxRecord().of("P1").forFiscalYear(2026).version(1).build())
                .build());
    }

    static BatchManifest delta(SourceSystem source, long sequence) {
        return new BatchManifest(KURUME, source, sequence, BatchKind.DELTA, PREPARED_AT,
                List.of(new BatchFile(source.wireName() + ".csv", source.wireName(), 0, Fixtures.EMPTY_SHA256)));
    }

    private Optional<Resident> resident(PersonKey key) {
        return replica.reader().read(KURUME, s -> s.resident(key));
    }

    private List<Resident> members(String household) {
        return replica.reader().read(KURUME, s -> s.members(new HouseholdId(household)));
    }

    private Optional<jp.kofu.core.replica.domain.SealRegistration> seal(PersonKey key) {
        return replica.reader().read(KURUME, s -> s.seal(key));
    }

    private List<SuppressionFlag> flags(PersonKey key) {
        return replica.reader().read(KURUME, s -> s.suppressionFlags(key));
    }

    private Optional<jp.kofu.core.replica.domain.TaxRecord> tax(PersonKey key) {
        return replica.reader().read(KURUME, s -> s.tax(key, 2026));
    }

    @Test
    void aDeltaUpsertsDeletesAndAdvancesTheSequenceTogether() {
        ReplicaContent upserts = replicaContent()
                .with(aResident().withKey("P1").inHousehold("H1").named("山田一郎").version(2).build(),
                        aResident().withKey("P3").inHousehold("H1").named("山田三郎").version(1).build())
                .build();
        Deletions deletions = new Deletions(Set.of(P2), Set.of(), Set.of(new Deletions.SealKey(P1, "S1")),
                Set.of(new Deletions.FlagKey(P2, SuppressionFlag.Kind.SUPPORT_MEASURE, LocalDate.of(2026, 1, 1))),
                Set.of(), Set.of());

        ReplicaDeltaPort.DeltaResult result = replica.delta().applyDelta(KURUME, delta(SourceSystem.JUKIKI, 2), upserts, deletions);

        assertThat(result).isEqualTo(new ReplicaDeltaPort.Applied(2, 0, 3));
        assertThat(resident(P1)).hasValueSatisfying(r -> assertThat(r.name().toTagged()).isEqualTo("山田一郎"));
        assertThat(resident(P2)).isEmpty();
        assertThat(resident(P3)).isPresent();
        assertThat(members("H1"))
                .extracting(r -> r.key().value()).containsExactly("P1", "P3");
        assertThat(seal(P1)).isEmpty();
        assertThat(flags(P2)).isEmpty();
        assertThat(replica.writer().lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEqualTo(OptionalLong.of(2));
        assertThat(replica.writer().lastAppliedSequence(KURUME, SourceSystem.TAX)).isEqualTo(OptionalLong.of(1));
        assertThat(tax(P1)).isPresent();
    }

    @Test
    void anUpsertOlderThanTheStoredRecordIsIgnored() {
        replica.writer().replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), replicaContent()
                .with(aResident().withKey("P1").inHousehold("H1").named("山田太郎").version(5).build()).build());
        ReplicaContent older = replicaContent()
                .with(aResident().withKey("P1").inHousehold("H1").named("古い名前").version(4).build()).build();

        ReplicaDeltaPort.DeltaResult result = replica.delta().applyDelta(KURUME, delta(SourceSystem.JUKIKI, 2), older, Deletions.none());

        assertThat(result).isEqualTo(new ReplicaDeltaPort.Applied(0, 1, 0));
        assertThat(resident(P1)).hasValueSatisfying(r -> assertThat(r.version()).isEqualTo(5));
        assertThat(replica.writer().lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void aDeltaOutOfSequenceChangesNothingAndSaysWhatIsStored() {
        ReplicaContent upserts = replicaContent()
                .with(aResident().withKey("P3").inHousehold("H1").version(1).build()).build();

        assertThat(replica.delta().applyDelta(KURUME, delta(SourceSystem.JUKIKI, 3), upserts, Deletions.none()))
                .isEqualTo(new ReplicaDeltaPort.OutOfSequence(OptionalLong.of(1)));
        assertThat(replica.delta().applyDelta(KURUME, delta(SourceSystem.JUKIKI, 1), upserts, Deletions.none()))
                .isEqualTo(new ReplicaDeltaPort.OutOfSequence(OptionalLong.of(1)));
        assertThat(resident(P3)).isEmpty();
        assertThat(replica.writer().lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void aTaxDeltaTouchesOnlyTaxRecordsAndTheTaxSequence() {
        ReplicaContent upserts = replicaContent().with(aTaxRecord().of("P2").forFiscalYear(2026).version(1).build()).build();
        Deletions deletions = new Deletions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(new Deletions.TaxKey(P1, 2026)));

        assertThat(replica.delta().applyDelta(KURUME, delta(SourceSystem.TAX, 2), upserts, deletions))
                .isEqualTo(new ReplicaDeltaPort.Applied(1, 0, 1));
        assertThat(tax(P1)).isEmpty();
        assertThat(tax(P2)).isPresent();
        assertThat(resident(P2)).isPresent();
        assertThat(replica.writer().lastAppliedSequence(KURUME, SourceSystem.TAX)).isEqualTo(OptionalLong.of(2));
        assertThat(replica.writer().lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void twoAppliersRacingOnOneBatchCannotBothApplyIt() throws Exception {
        ReplicaContent upserts = replicaContent()
                .with(aResident().withKey("P3").inHousehold("H1").version(1).build()).build();
        Callable<ReplicaDeltaPort.DeltaResult> apply =
                () -> replica.delta().applyDelta(KURUME, delta(SourceSystem.JUKIKI, 2), upserts, Deletions.none());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ReplicaDeltaPort.DeltaResult>> results = pool.invokeAll(List.of(apply, apply));
            long applied = 0;
            for (Future<ReplicaDeltaPort.DeltaResult> f : results) {
                if (f.get() instanceof ReplicaDeltaPort.Applied) {
                    applied++;
                }
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(replica.writer().lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEqualTo(OptionalLong.of(2));
    }
}
