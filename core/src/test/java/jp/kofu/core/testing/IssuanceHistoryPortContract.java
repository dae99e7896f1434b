package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.PREPARED_AT;
import static jp.kofu.core.testing.Fixtures.aPreparedIssuance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.issuance.domain.ChainHead;
import jp.kofu.core.issuance.domain.HistoryEntry;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.issuance.service.VerifyHistoryChainService;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The behaviour every {@link IssuanceHistoryPort} (発行履歴) must have. Subclass it once per implementation
 * and return a fresh, empty history from {@link #newPort()}.
 *
 * <p>Timestamps are kept to the microsecond (what PostgreSQL stores); finer parts are dropped.
 */
public abstract class IssuanceHistoryPortContract {

    /** A history holding nothing, new for each test. */
    protected abstract IssuanceHistoryPort newPort();

    /**
     * Changes the recorded applicant (宛名番号) of one chain entry behind the port's back, as someone with
     * write access to the store would, leaving its hash as it was.
     */
    protected abstract void tamperWithApplicant(LocalGovernmentCode tenant, long sequence, String applicant);

    /**
     * Another node's port on the same store as the one of {@link #newPort()} in this test (for a store shared
     * between nodes); the same port by default.
     */
    protected IssuanceHistoryPort sameStoreOnAnotherNode() {
        return port;
    }

    private IssuanceHistoryPort port;

    @BeforeEach
    void createPort() {
        port = newPort();
    }

    @Test
    void a_prepared_issuance_comes_back_equal_in_every_field() {
        Issuance.Prepared juminhyo = aPreparedIssuance()
                .asking(new CertificateRequest.Juminhyo(Set.of(new PersonKey("P0001"), new PersonKey("P0002")),
                        true, true, true, true, 3))
                .forApplicant("P0001").atStore("0099887", "13").numbered("2026-000042")
                .withPdfSha256("ab".repeat(32)).withFee(300).withVerificationCode("K7QD-2MXA-P4RE").build();
        Issuance.Prepared inkan = aPreparedIssuance().asking(new CertificateRequest.Inkan(2))
                .throughCommandLine().withFee(0).build();
        Issuance.Prepared shotoku = aPreparedIssuance().asking(new CertificateRequest.Shotoku(OptionalInt.of(2025), 1))
                .build();
        Issuance.Prepared latestShotoku = aPreparedIssuance().asking(CertificateRequest.Shotoku.latest()).build();
        Issuance.Prepared test = aPreparedIssuance().inTestMode().build();

        for (Issuance.Prepared p : List.of(juminhyo, inkan, shotoku, latestShotoku, test)) {
            port.recordPrepared(p);
        }

        for (Issuance.Prepared p : List.of(juminhyo, inkan, shotoku, latestShotoku, test)) {
            assertThat(port.find(KURUME, p.id())).contains(p);
        }
    }

    @Test
    void an_issuance_is_found_by_its_certificate_number_in_its_current_state_and_tenant_only() {
        Issuance.Prepared first = aPreparedIssuance().numbered("402036-00000001").withVerificationCode("AAAA-BBBB-CCCC").build();
        Issuance.Prepared second = aPreparedIssuance().numbered("402036-00000002").build();
        port.recordPrepared(first);
        port.recordPrepared(second);
        Issuance.Issued issued = first.issue(first.facts().preparedAt().plusSeconds(5), 300);
        port.recordCompletion(issued);

        assertThat(port.findByCertificateNumber(KURUME, "402036-00000001")).hasValueSatisfying(i -> {
            assertThat(i).isInstanceOf(Issuance.Issued.class);
            assertThat(i.id()).isEqualTo(first.id());
            assertThat(i.facts().verificationCode()).isEqualTo("AAAA-BBBB-CCCC");
        });
        assertThat(port.findByCertificateNumber(KURUME, "402036-00000002")).contains(second);
        assertThat(port.findByCertificateNumber(KURUME, "402036-00000003")).isEmpty();
        assertThat(port.findByCertificateNumber(CHIYODA,
                "402036-00000001")).isEmpty();
    }

    @Test
    void an_unknown_issuance_is_not_found() {
        assertThat(port.find(KURUME, IssuanceId.random())).isEmpty();
    }

    @Test
    void recording_the_same_issuance_twice_is_refused() {
        Issuance.Prepared prepared = aPreparedIssuance().build();
        port.recordPrepared(prepared);

        assertThatThrownBy(() -> port.recordPrepared(prepared)).isInstanceOf(IllegalStateException.class);
        assertThat(port.list(KURUME)).containsExactly(prepared);
    }

    @Test
    void timestamps_are_kept_to_the_microsecond() {
        Instant withNanos = Instant.parse("2026-04-01T00:15:30.123456789Z");
        Issuance.Prepared prepared = aPreparedIssuance().preparedAt(withNanos).build();
        port.recordPrepared(prepared);
        port.recordCompletion(prepared.issue(withNanos.plusNanos(1_000_999), 200));

        Issuance stored = port.find(KURUME, prepared.id()).orElseThrow();

        assertThat(stored.facts().preparedAt()).isEqualTo(Instant.parse("2026-04-01T00:15:30.123456Z"));
        assertThat(((Issuance.Issued) stored).completedAt()).isEqualTo(Instant.parse("2026-04-01T00:15:30.124457Z"));
    }

    @Test
    void a_prepared_issuance_can_be_completed_as_issued() {
        Issuance.Prepared prepared = aPreparedIssuance().build();
        port.recordPrepared(prepared);
        Issuance.Issued issued = prepared.issue(PREPARED_AT.plusSeconds(95), 200);

        assertThat(port.recordCompletion(issued)).isTrue();

        assertThat(port.find(KURUME, prepared.id())).contains(issued);
    }

    @Test
    void a_prepared_issuance_can_be_voided_for_every_reason() {
        for (Issuance.VoidReason reason : Issuance.VoidReason.values()) {
            Issuance.Prepared prepared = aPreparedIssuance().build();
            port.recordPrepared(prepared);
            Issuance.Voided voided = prepared.voidFor(reason, PREPARED_AT.plusSeconds(600));

            assertThat(port.recordCompletion(voided)).isTrue();

            assertThat(port.find(KURUME, prepared.id())).contains(voided);
        }
    }

    @Test
    void an_issuance_is_completed_only_once() {
        Issuance.Prepared prepared = aPreparedIssuance().build();
        port.recordPrepared(prepared);
        Issuance.Issued issued = prepared.issue(PREPARED_AT.plusSeconds(30), 200);
        port.recordCompletion(issued);

        assertThat(port.recordCompletion(prepared.voidFor(Issuance.VoidReason.TIMED_OUT, PREPARED_AT.plusSeconds(600))))
                .isFalse();
        assertThat(port.recordCompletion(prepared.issue(PREPARED_AT.plusSeconds(40), 200))).isFalse();

        assertThat(port.find(KURUME, prepared.id())).contains(issued);
    }

    @Test
    void completing_an_unknown_issuance_changes_nothing() {
        Issuance.Prepared neverRecorded = aPreparedIssuance().build();

        assertThat(port.recordCompletion(neverRecorded.issue(PREPARED_AT.plusSeconds(1), 200))).isFalse();

        assertThat(port.find(KURUME, neverRecorded.id())).isEmpty();
        assertThat(port.list(KURUME)).isEmpty();
    }

    @Test
    void a_prepared_issuance_is_no_completion() {
        Issuance.Prepared prepared = aPreparedIssuance().build();
        port.recordPrepared(prepared);

        assertThatThrownBy(() -> port.recordCompletion(prepared)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrent_completions_of_one_issuance_let_exactly_one_win() throws Exception {
        Issuance.Prepared prepared = aPreparedIssuance().build();
        port.recordPrepared(prepared);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Issuance completion = i % 2 == 0
                    ? prepared.issue(PREPARED_AT.plusSeconds(i), 200)
                    : prepared.voidFor(Issuance.VoidReason.TIMED_OUT, PREPARED_AT.plusSeconds(i));
            attempts.add(() -> port.recordCompletion(completion));
        }

        List<Boolean> outcomes = runTogether(attempts);

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(port.find(KURUME, prepared.id()).orElseThrow()).isNotInstanceOf(Issuance.Prepared.class);
    }

    @Test
    void the_list_holds_the_tenants_issuances_oldest_first_in_their_current_state() {
        Issuance.Prepared second = aPreparedIssuance().preparedAt(PREPARED_AT.plusSeconds(60)).build();
        Issuance.Prepared first = aPreparedIssuance().preparedAt(PREPARED_AT).build();
        Issuance.Prepared third = aPreparedIssuance().preparedAt(PREPARED_AT.plusSeconds(120)).build();
        Issuance.Prepared sameMomentAsThird = aPreparedIssuance().preparedAt(PREPARED_AT.plusSeconds(120)).build();
        port.recordPrepared(second);
        port.recordPrepared(first);
        port.recordPrepared(third);
        port.recordPrepared(sameMomentAsThird);
        Issuance.Issued firstIssued = first.issue(PREPARED_AT.plusSeconds(200), 200);
        port.recordCompletion(firstIssued);

        assertThat(port.list(KURUME)).containsExactly(firstIssued, second, third, sameMomentAsThird);
    }

    @Test
    void a_tenant_never_sees_another_tenants_issuances() {
        Issuance.Prepared kurume = aPreparedIssuance().forTenant(KURUME).build();
        Issuance.Prepared chiyoda = aPreparedIssuance().forTenant(CHIYODA).build();
        port.recordPrepared(kurume);
        port.recordPrepared(chiyoda);

        assertThat(port.list(KURUME)).containsExactly(kurume);
        assertThat(port.list(CHIYODA)).containsExactly(chiyoda);
        assertThat(port.find(CHIYODA, kurume.id())).isEmpty();
        assertThat(port.find(KURUME, chiyoda.id())).isEmpty();
    }

    @Test
    void certificate_numbers_count_from_one_per_tenant() {
        assertThat(port.nextCertificateNumber(KURUME)).isEqualTo(1);
        assertThat(port.nextCertificateNumber(KURUME)).isEqualTo(2);
        assertThat(port.nextCertificateNumber(CHIYODA)).isEqualTo(1);
        assertThat(port.nextCertificateNumber(KURUME)).isEqualTo(3);
    }

    @Test
    void concurrent_callers_never_get_the_same_certificate_number() throws Exception {
        int threads = 4;
        int perThread = 200;
        List<Callable<List<Long>>> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            callers.add(() -> {
                List<Long> numbers = new ArrayList<>(perThread);
                for (int i = 0; i < perThread; i++) {
                    numbers.add(port.nextCertificateNumber(KURUME));
                }
                return numbers;
            });
        }

        List<Long> all = runTogether(callers).stream().flatMap(List::stream).toList();

        assertThat(all).hasSize(threads * perThread);
        assertThat(new HashSet<>(all)).hasSize(threads * perThread);
        assertThat(all).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(port.nextCertificateNumber(CHIYODA)).isEqualTo(1);
    }

    @Test
    void every_prepare_and_completion_appends_a_linked_entry_to_the_tenants_chain() {
        Issuance.Prepared first = aPreparedIssuance().forApplicant("P0007").atStore("0099887", "13")
                .asking(new CertificateRequest.Juminhyo(Set.of(new PersonKey("P0007")), true, false, false, false, 2))
                .withFee(400).build();
        Issuance.Prepared second = aPreparedIssuance().asking(new CertificateRequest.Inkan(1)).inTestMode().build();
        port.recordPrepared(first);
        port.recordPrepared(second);
        port.recordCompletion(first.issue(PREPARED_AT.plusSeconds(90), 400));
        port.recordCompletion(second.voidFor(Issuance.VoidReason.CANCELLED, PREPARED_AT.plusSeconds(30)));

        List<HistoryEntry> chain = port.chain(KURUME, 0, 100);

        assertThat(chain).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(chain).extracting(HistoryEntry::event).containsExactly(HistoryEntry.Event.PREPARED,
                HistoryEntry.Event.PREPARED, HistoryEntry.Event.ISSUED, HistoryEntry.Event.VOIDED);
        HistoryEntry prepared = chain.get(0);
        assertThat(prepared.applicant()).isEqualTo(new PersonKey("P0007"));
        assertThat(prepared.kind()).isEqualTo(CertificateKind.JUMINHYO);
        assertThat(prepared.options()).isEqualTo("members=P0007;head=1;domicile=0;number=0;foreign=0");
        assertThat(prepared.copies()).isEqualTo(2);
        assertThat(prepared.storeCode()).isEqualTo("0099887");
        assertThat(prepared.prefecture()).isEqualTo("13");
        assertThat(prepared.fee()).isEqualTo(400);
        assertThat(prepared.previousHash()).isEqualTo(HistoryEntry.GENESIS);
        assertThat(chain.get(1).test()).isTrue();
        assertThat(chain.get(2).fee()).isEqualTo(400);
        assertThat(chain.get(2).at()).isEqualTo(PREPARED_AT.plusSeconds(90));
        assertThat(chain.get(3).voidReason()).isEqualTo("CANCELLED");
        for (int i = 0; i < chain.size(); i++) {
            assertThat(chain.get(i).hashMatches()).as("entry %d", i + 1).isTrue();
            if (i > 0) {
                assertThat(chain.get(i).previousHash()).isEqualTo(chain.get(i - 1).hash());
            }
        }
        assertThat(port.chainHead(KURUME)).isEqualTo(new ChainHead(4, chain.get(3).hash()));
        assertThat(port.chain(KURUME, 2, 1)).containsExactly(chain.get(2));
    }

    @Test
    void a_completion_carrying_other_facts_than_the_recorded_ones_is_chained_with_the_recorded_facts() {
        Issuance.Prepared recorded = aPreparedIssuance().forApplicant("P0007").atStore("0099887", "13").withFee(300).build();
        port.recordPrepared(recorded);
        Issuance.Facts f = recorded.facts();
        Issuance.Prepared other = new Issuance.Prepared(new Issuance.Facts(f.id(), f.tenant(), new PersonKey("P0999"),
                new CertificateRequest.Inkan(3), new jp.kofu.core.issuance.domain.IssuanceChannel("0000001", "40"),
                "other-number", "cd".repeat(32), f.preparedAt(), 999, !f.test(), f.verificationCode()));

        assertThat(port.recordCompletion(other.issue(PREPARED_AT.plusSeconds(60), 300))).isTrue();

        HistoryEntry issued = port.chain(KURUME, 1, 10).get(0);
        assertThat(issued.event()).isEqualTo(HistoryEntry.Event.ISSUED);
        assertThat(issued.applicant()).isEqualTo(new PersonKey("P0007"));
        assertThat(issued.kind()).isEqualTo(recorded.facts().kind());
        assertThat(issued.copies()).isEqualTo(recorded.facts().request().copies());
        assertThat(issued.storeCode()).isEqualTo("0099887");
        assertThat(issued.certificateNumber()).isEqualTo(recorded.facts().certificateNumber());
        assertThat(issued.pdfSha256()).isEqualTo(recorded.facts().pdfSha256());
        assertThat(issued.test()).isEqualTo(recorded.facts().test());
        assertThat(issued.hashMatches()).isTrue();
        assertThat(port.find(KURUME, f.id()).orElseThrow().facts().applicant()).isEqualTo(new PersonKey("P0007"));
        assertThat(port.find(KURUME, f.id()).orElseThrow().state()).isEqualTo("issued");
        assertThat(port.recordCompletion(recorded.voidFor(Issuance.VoidReason.CANCELLED, PREPARED_AT.plusSeconds(61))))
                .as("completed once only").isFalse();
    }

    @Test
    void a_refused_completion_appends_nothing_and_chains_are_per_tenant() {
        Issuance.Prepared kurume = aPreparedIssuance().build();
        port.recordPrepared(kurume);
        port.recordCompletion(kurume.issue(PREPARED_AT.plusSeconds(1), 200));
        port.recordCompletion(kurume.voidFor(Issuance.VoidReason.TIMED_OUT, PREPARED_AT.plusSeconds(2)));
        port.recordPrepared(aPreparedIssuance().forTenant(CHIYODA).build());

        assertThat(port.chainHead(KURUME).lastSequence()).isEqualTo(2);
        assertThat(port.chain(CHIYODA, 0, 10)).extracting(HistoryEntry::sequence).containsExactly(1L);
        assertThat(port.chain(CHIYODA, 0, 10).get(0).previousHash()).isEqualTo(HistoryEntry.GENESIS);
        assertThat(port.chainHead(Fixtures.CHIYODA).lastSequence()).isEqualTo(1);
    }

    @Test
    void an_empty_history_has_an_empty_chain_that_verifies() {
        assertThat(port.chain(KURUME, 0, 10)).isEmpty();
        assertThat(port.chainHead(KURUME)).isEqualTo(ChainHead.EMPTY);
        assertThat(new VerifyHistoryChainService(port).verify(KURUME))
                .isEqualTo(new VerifyHistoryChainUseCase.Intact(0, HistoryEntry.GENESIS));
    }

    @Test
    void concurrent_prepares_and_completions_keep_one_linear_chain() throws Exception {
        int threads = 4;
        int perThread = 25;
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    Issuance.Prepared p = aPreparedIssuance().build();
                    port.recordPrepared(p);
                    port.recordCompletion(p.issue(PREPARED_AT.plusSeconds(5), 200));
                }
                return null;
            });
        }

        runTogether(writers);

        VerifyHistoryChainUseCase.Report report = new VerifyHistoryChainService(port).verify(KURUME);
        assertThat(report).isInstanceOf(VerifyHistoryChainUseCase.Intact.class);
        assertThat(report.entries()).isEqualTo(2L * threads * perThread);
    }

    @Test
    void two_nodes_appending_at_once_keep_one_linear_chain_and_distinct_numbers() throws Exception {
        IssuanceHistoryPort other = sameStoreOnAnotherNode();
        int threads = 4;
        int perThread = 20;
        List<Callable<List<Long>>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            IssuanceHistoryPort node = t % 2 == 0 ? port : other;
            writers.add(() -> {
                List<Long> numbers = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    numbers.add(node.nextCertificateNumber(KURUME));
                    Issuance.Prepared p = aPreparedIssuance().build();
                    node.recordPrepared(p);
                    node.recordCompletion(p.voidFor(Issuance.VoidReason.CANCELLED, PREPARED_AT.plusSeconds(5)));
                }
                return numbers;
            });
        }

        List<Long> numbers = runTogether(writers).stream().flatMap(List::stream).toList();

        assertThat(new java.util.HashSet<>(numbers)).hasSize(threads * perThread);
        VerifyHistoryChainUseCase.Report report = new VerifyHistoryChainService(port).verify(KURUME);
        assertThat(report).isInstanceOf(VerifyHistoryChainUseCase.Intact.class);
        assertThat(report.entries()).isEqualTo(2L * threads * perThread);
    }

    @Test
    void changing_a_middle_entry_is_found_at_that_entry() {
        for (int i = 0; i < 5; i++) {
            port.recordPrepared(aPreparedIssuance().forApplicant("P000" + i).build());
        }
        assertThat(new VerifyHistoryChainService(port).verify(KURUME)).isInstanceOf(VerifyHistoryChainUseCase.Intact.class);

        tamperWithApplicant(KURUME, 3, "P9999");

        assertThat(new VerifyHistoryChainService(port).verify(KURUME))
                .isEqualTo(new VerifyHistoryChainUseCase.Broken(3, 3, VerifyHistoryChainUseCase.Problem.CONTENT_CHANGED));
    }

    @Test
    void prepared_before_lists_only_still_prepared_issuances_older_than_the_moment() {
        Issuance.Prepared old = aPreparedIssuance().preparedAt(PREPARED_AT).build();
        Issuance.Prepared oldButIssued = aPreparedIssuance().preparedAt(PREPARED_AT.plusSeconds(1)).build();
        Issuance.Prepared recent = aPreparedIssuance().preparedAt(PREPARED_AT.plusSeconds(600)).build();
        Issuance.Prepared otherTenant = aPreparedIssuance().forTenant(CHIYODA).preparedAt(PREPARED_AT).build();
        for (Issuance.Prepared p : List.of(old, oldButIssued, recent, otherTenant)) {
            port.recordPrepared(p);
        }
        port.recordCompletion(oldButIssued.issue(PREPARED_AT.plusSeconds(2), 200));

        assertThat(port.preparedBefore(KURUME, PREPARED_AT.plusSeconds(300), 10)).containsExactly(old);
        assertThat(port.preparedBefore(KURUME, PREPARED_AT.plusSeconds(900), 1)).containsExactly(old);
        assertThat(port.preparedBefore(KURUME, PREPARED_AT.plusSeconds(900), 10)).containsExactly(old, recent);
    }

    /** Runs the tasks on their own threads, released at the same moment, and returns their results. */
    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
