package jp.kofu.core.issuance.port.in;

import java.util.Objects;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Recomputes a tenant's issuance history chain (発行履歴の改ざん検査) from its first entry and names the first
 * entry that does not hold.
 */
public interface VerifyHistoryChainUseCase {

    Report verify(LocalGovernmentCode tenant);

    /** Intact, or broken at an entry. */
    sealed interface Report permits Intact, Broken {
        /** Entries checked. */
        long entries();
    }

    /**
     * Every entry holds.
     *
     * @param entries how many
     * @param headHash the hash of the newest entry
     */
    record Intact(long entries, String headHash) implements Report {
    }

    /**
     * The first entry that does not hold.
     *
     * @param entries entries checked, the broken one included
     * @param sequence the broken entry's sequence number
     * @param problem what is wrong with it
     */
    record Broken(long entries, long sequence, Problem problem) implements Report {
        public Broken {
            Objects.requireNonNull(problem);
        }
    }

    /** What can be wrong with an entry. */
    enum Problem {
        /** Its content does not give its recorded hash: it was changed. */
        CONTENT_CHANGED,
        /** Its previous hash is not the hash of the entry before: an entry was replaced or reordered. */
        LINK_BROKEN,
        /** The sequence skips this number: an entry was removed. */
        ENTRY_MISSING,
        /** The chain ends before the recorded head: entries were cut off the end. */
        TRUNCATED
    }
}
