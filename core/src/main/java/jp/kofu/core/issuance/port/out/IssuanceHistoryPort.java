package jp.kofu.core.issuance.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kofu.core.issuance.domain.ChainHead;
import jp.kofu.core.issuance.domain.HistoryEntry;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The issuance history (発行履歴): who got what, when and where. Every state an issuance reaches is
 * recorded; the history is per tenant.
 *
 * <p>Every prepare and every completion also appends a {@link HistoryEntry} to the tenant's hash chain, in
 * the same transaction as the state change: entries are numbered 1, 2, 3, … per tenant and each holds the
 * hash of the one before ({@link HistoryEntry#of}). Appends of one tenant are serialised, also across
 * nodes, so the chain never forks.
 */
public interface IssuanceHistoryPort {

    /** Records a newly prepared issuance. Its id must be new. */
    void recordPrepared(Issuance.Prepared prepared);

    /**
     * Records the completion (issued or voided) of a prepared issuance.
     *
     * @return false when the issuance is unknown or no longer prepared (nothing changes then)
     */
    boolean recordCompletion(Issuance completed);

    Optional<Issuance> find(LocalGovernmentCode tenant, IssuanceId id);

    /**
     * The issuance that printed this certificate number (証明書番号), in its current state; how a certificate
     * presented for verification ({@code kofu verify}) or by its printed number is found.
     */
    Optional<Issuance> findByCertificateNumber(LocalGovernmentCode tenant, String certificateNumber);

    /** The tenant's issuances, oldest first. */
    List<Issuance> list(LocalGovernmentCode tenant);

    /** The next certificate number (証明書番号) of the tenant: 1, 2, 3, … without reuse. */
    long nextCertificateNumber(LocalGovernmentCode tenant);

    /** The tenant's issuances still prepared that were prepared before the moment, oldest first. */
    List<Issuance.Prepared> preparedBefore(LocalGovernmentCode tenant, Instant before, int limit);

    /** The tenant's chain entries with a sequence above {@code afterSequence}, in sequence order. */
    List<HistoryEntry> chain(LocalGovernmentCode tenant, long afterSequence, int limit);

    /** The head of the tenant's chain ({@link ChainHead#EMPTY} when it has no entry). */
    ChainHead chainHead(LocalGovernmentCode tenant);
}
