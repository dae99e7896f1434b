package jp.kofu.core.issuance.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aPreparedIssuance;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kofu.core.issuance.domain.ChainHead;
import jp.kofu.core.issuance.domain.HistoryEntry;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase.Broken;
import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase.Intact;
import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase.Problem;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.testing.InMemoryIssuanceHistory;

class VerifyHistoryChainServiceTest {

    /** A chain served as stored, so that tests can remove, reorder or cut entries. */
    private static final class StoredChain extends InMemoryIssuanceHistoryView {
        final List<HistoryEntry> entries;
        final ChainHead head;

        StoredChain(List<HistoryEntry> entries, ChainHead head) {
            this.entries = entries;
            this.head = head;
        }

        @Override
        public List<HistoryEntry> chain(LocalGovernmentCode tenant, long afterSequence, int limit) {
            return entries.stream().filter(e -> e.sequence() > afterSequence).limit(limit).toList();
        }

        @Override
        public ChainHead chainHead(LocalGovernmentCode tenant) {
            return head;
        }
    }

    /** The port's other methods are not used by the verification. */
    private abstract static class InMemoryIssuanceHistoryView implements IssuanceHistoryPort {
        private final InMemoryIssuanceHistory unused = new InMemoryIssuanceHistory();

        @Override
        public void recordPrepared(Issuance.Prepared prepared) {
            unused.recordPrepared(prepared);
        }

        @Override
        public boolean recordCompletion(Issuance completed) {
            return unused.recordCompletion(completed);
        }

        @Override
        public java.util.Optional<Issuance> find(LocalGovernmentCode tenant, IssuanceId id) {
            return unused.find(tenant, id);
        }

        @Override
        public java.util.Optional<Issuance> findByCertificateNumber(LocalGovernmentCode tenant, String number) {
            return unused.findByCertificateNumber(tenant, number);
        }

        @Override
        public List<Issuance> list(LocalGovernmentCode tenant) {
            return unused.list(tenant);
        }

        @Override
        public long nextCertificateNumber(LocalGovernmentCode tenant) {
            return unused.nextCertificateNumber(tenant);
        }

        @Override
        public List<Issuance.Prepared> preparedBefore(LocalGovernmentCode tenant, java.time.Instant before, int limit) {
            return unused.preparedBefore(tenant, before, limit);
        }
    }

    private static List<HistoryEntry> chainOf(int n) {
        InMemoryIssuanceHistory history = new InMemoryIssuanceHistory();
        for (int i = 0; i < n; i++) {
            history.recordPrepared(aPreparedIssuance().build());
        }
        return new ArrayList<>(history.chain(KURUME, 0, 1000));
    }

    private static ChainHead headOf(List<HistoryEntry> entries) {
        HistoryEntry last = entries.get(entries.size() - 1);
        return new ChainHead(last.sequence(), last.hash());
    }

    @Test
    void an_untouched_chain_is_intact_with_its_head_hash() {
        List<HistoryEntry> chain = chainOf(6);

        assertThat(new VerifyHistoryChainService(new StoredChain(chain, headOf(chain))).verify(KURUME))
                .isEqualTo(new Intact(6, chain.get(5).hash()));
    }

    @Test
    void a_removed_middle_entry_is_named_as_missing() {
        List<HistoryEntry> chain = chainOf(6);
        ChainHead head = headOf(chain);
        chain.remove(2);

        assertThat(new VerifyHistoryChainService(new StoredChain(chain, head)).verify(KURUME))
                .isEqualTo(new Broken(3, 3, Problem.ENTRY_MISSING));
    }

    @Test
    void an_entry_rewritten_with_a_fresh_hash_breaks_the_link_of_the_next() {
        List<HistoryEntry> chain = chainOf(6);
        ChainHead head = headOf(chain);
        HistoryEntry third = chain.get(2);
        Issuance.Prepared forged = aPreparedIssuance().forApplicant("P9999").build();
        chain.set(2, HistoryEntry.of(forged, third.sequence(), third.previousHash()));

        assertThat(new VerifyHistoryChainService(new StoredChain(chain, head)).verify(KURUME))
                .isEqualTo(new Broken(4, 4, Problem.LINK_BROKEN));
    }

    @Test
    void entries_cut_off_the_end_are_found_against_the_head() {
        List<HistoryEntry> chain = chainOf(6);
        ChainHead head = headOf(chain);

        assertThat(new VerifyHistoryChainService(new StoredChain(chain.subList(0, 4), head)).verify(KURUME))
                .isEqualTo(new Broken(4, 5, Problem.TRUNCATED));
    }
}
