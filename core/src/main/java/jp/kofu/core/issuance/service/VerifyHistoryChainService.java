package jp.kofu.core.issuance.service;

import java.util.List;

import jakarta.inject.Inject;

import jp.kofu.core.issuance.domain.ChainHead;
import jp.kofu.core.issuance.domain.HistoryEntry;
import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Implements {@link VerifyHistoryChainUseCase}: walks the tenant's chain page by page from sequence 1,
 * recomputing each hash and link, then compares the end with the recorded head.
 */
public final class VerifyHistoryChainService implements VerifyHistoryChainUseCase {

    private static final int PAGE = 5_000;

    private final IssuanceHistoryPort history;

    @Inject
    public VerifyHistoryChainService(IssuanceHistoryPort history) {
        this.history = history;
    }

    @Override
    public Report verify(LocalGovernmentCode tenant) {
        // the head first: entries appended while we walk are beyond it and not judged
        ChainHead head = history.chainHead(tenant);
        long expected = 1;
        String previous = HistoryEntry.GENESIS;
        long checked = 0;
        while (true) {
            List<HistoryEntry> page = history.chain(tenant, expected - 1, PAGE);
            for (HistoryEntry e : page) {
                if (e.sequence() > head.lastSequence()) {
                    break;
                }
                checked++;
                if (e.sequence() != expected) {
                    return new Broken(checked, expected, Problem.ENTRY_MISSING);
                }
                if (!e.hashMatches()) {
                    return new Broken(checked, e.sequence(), Problem.CONTENT_CHANGED);
                }
                if (!e.previousHash().equals(previous)) {
                    return new Broken(checked, e.sequence(), Problem.LINK_BROKEN);
                }
                previous = e.hash();
                expected++;
            }
            if (page.size() < PAGE || expected > head.lastSequence()) {
                break;
            }
        }
        if (expected - 1 < head.lastSequence()) {
            return new Broken(checked, expected, Problem.TRUNCATED);
        }
        if (!previous.equals(head.lastHash())) {
            return new Broken(checked, head.lastSequence(), Problem.LINK_BROKEN);
        }
        return new Intact(checked, previous);
    }
}
