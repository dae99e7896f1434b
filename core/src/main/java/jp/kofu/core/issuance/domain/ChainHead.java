package jp.kofu.core.issuance.domain;

import java.util.Objects;

/**
 * The head of a tenant's history chain (ハッシュチェーンの先頭): the last sequence number and its hash, kept
 * apart from the entries so that cutting entries off the end is detected too.
 *
 * @param lastSequence the sequence of the newest entry (0 when none)
 * @param lastHash the hash of the newest entry ({@link HistoryEntry#GENESIS} when none)
 */
public record ChainHead(long lastSequence, String lastHash) {

    public ChainHead {
        Objects.requireNonNull(lastHash, "lastHash");
        if (lastSequence < 0) {
            throw new IllegalArgumentException("negative sequence");
        }
    }

    /** The head of an empty chain. */
    public static final ChainHead EMPTY = new ChainHead(0, HistoryEntry.GENESIS);
}
