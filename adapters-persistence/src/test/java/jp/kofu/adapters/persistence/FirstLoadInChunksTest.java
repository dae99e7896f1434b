package jp.kofu.adapters.persistence;

import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The first load of a tenant is written in chunks (each batch of rows committed) behind the {@code replica_loads}
 * marker: readers see the tenant empty until it completes, never a part; an interrupted load (a killed process
 * leaves its marker and some rows) keeps the tenant empty to readers, and the next load cleans up and completes.
 */
class FirstLoadInChunksTest extends BothEngines {

    private static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");
    private static final LocalGovernmentCode CHIYODA = LocalGovernmentCode.parse("131016");

    private static ReplicaContent residents(int n, String prefix) {
        List<Resident> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(aResident().withKey(String.format("%s%07d", prefix, i)).inHousehold(String.format("H%07d", i / 3)).build());
        }
        return replicaContent().with(list.toArray(Resident[]::new)).build();
    }

    private static final long SERIAL = 4242;

    /** The content with one card link: serial {@link #SERIAL} of the JPKI issuer held by the person. */
    private static ReplicaContent withCard(ReplicaContent c, String person) {
        return new ReplicaContent(c.residents(), c.households(), c.seals(), c.suppressionFlags(),
                List.of(jp.kofu.core.testing.Fixtures.aCardholder().withSerial(SERIAL).heldBy(person).build()),
                c.taxRecords());
    }

    private static java.util.Optional<PersonKey> card(JdbiReplica replica) {
        return replica.cardholder(KURUME, List.of("CN=not this issuer", jp.kofu.core.testing.CardholderLinkBuilder.JPKI_ISSUER),
                java.math.BigInteger.valueOf(SERIAL));
    }

    private static long count(JdbiReplica replica, LocalGovernmentCode tenant) {
        return replica.read(tenant, s -> {
            AtomicLong n = new AtomicLong();
            s.forEach(ReplicaEntity.RESIDENTS, r -> n.incrementAndGet());
            return n.get();
        });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void readersSeeNothingOrEverythingOfAFirstLoadNeverAPart(String engine) throws Exception {
        Database db = database(engine);
        JdbiReplica replica = new JdbiReplica(db);
        int n = JdbiReplica.BATCH_SIZE * 6 + 7;
        ReplicaContent content = residents(n, "P");
        AtomicBoolean done = new AtomicBoolean();
        List<Long> seen = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                seen.add(count(replica, KURUME));
            }
        });
        reader.start();
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), content);
        done.set(true);
        reader.join();

        assertThat(seen).isNotEmpty().allMatch(c -> c == 0 || c == n);
        assertThat(count(replica, KURUME)).isEqualTo(n);
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(1);
        assertThat(markers(db)).isZero();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anInterruptedFirstLoadStaysInvisibleAndTheNextLoadCleansUpAndCompletes(String engine) {
        Database db = database(engine);
        JdbiReplica replica = new JdbiReplica(db);
        replica.replaceAll(CHIYODA, List.of(fullBatch(CHIYODA, SourceSystem.JUKIKI, 3)), residents(5, "C"));
        // what a load killed half-way leaves: the chunks it had committed, its marker, no sequence
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), withCard(residents(40, "X"), "X0000001"));
        assertThat(card(replica)).as("before the marker").contains(new PersonKey("X0000001"));
        db.jdbi().useHandle(h -> {
            h.execute("DELETE FROM sync_state WHERE tenant_code = '402036'");
            h.execute("INSERT INTO replica_loads (tenant_code, started_at) VALUES ('402036', CURRENT_TIMESTAMP)");
        });

        assertThat(count(replica, KURUME)).as("the tenant reads as empty while marked").isZero();
        assertThat(resident(replica, "X0000001")).isEmpty();
        assertThat(card(replica)).as("a card's lookup outside a snapshot is hidden too").isEmpty();
        assertThat(count(replica, CHIYODA)).as("another tenant is not affected").isEqualTo(5);

        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), withCard(residents(12, "P"), "P0000003"));
        assertThat(card(replica)).contains(new PersonKey("P0000003"));

        assertThat(count(replica, KURUME)).isEqualTo(12);
        assertThat(resident(replica, "X0000001")).isEmpty();
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(1);
        assertThat(markers(db)).isZero();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aFailedFirstLoadLeavesNoRowAndNoMarker(String engine) {
        Database db = database(engine);
        JdbiReplica replica = new JdbiReplica(db);
        List<Resident> list = new ArrayList<>(residents(JdbiReplica.BATCH_SIZE * 2 + 1, "P").residents());
        list.add(list.get(0)); // a duplicate key in the last chunk, after two chunks were committed
        ReplicaContent content = replicaContent().with(list.toArray(Resident[]::new)).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), content))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing was changed");

        assertThat(markers(db)).isZero();
        long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM residents").mapTo(Long.class).one());
        assertThat(rows).isZero();
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void twoFirstLoadsOfOneTenantAtOnceEndWithOneOfThemWholeNeverAMix(String engine) throws Exception {
        Database db = database(engine);
        JdbiReplica replica = new JdbiReplica(db);
        int n = JdbiReplica.BATCH_SIZE * 3 + 5;
        ReplicaContent a = residents(n, "A");
        ReplicaContent b = residents(n + 11, "B");
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> loaders = new ArrayList<>();
        for (ReplicaContent content : List.of(a, b)) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), content);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            loaders.add(t);
        }
        for (Thread t : loaders) {
            t.join();
        }

        assertThat(failures).isEmpty();
        long count = count(replica, KURUME);
        assertThat(count).isIn((long) n, (long) n + 11);
        String prefix = count == n ? "A" : "B";
        List<String> keys = new ArrayList<>();
        replica.read(KURUME, s -> {
            s.forEach(ReplicaEntity.RESIDENTS, r -> keys.add(r.key().value()));
            return null;
        });
        assertThat(keys).allMatch(k -> k.startsWith(prefix));
        assertThat(replica.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(1);
        assertThat(markers(db)).isZero();
    }

    private static java.util.Optional<Resident> resident(JdbiReplica replica, String key) {
        return replica.read(KURUME, s -> s.resident(new PersonKey(key)));
    }

    private static long markers(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM replica_loads").mapTo(Long.class).one());
    }
}
