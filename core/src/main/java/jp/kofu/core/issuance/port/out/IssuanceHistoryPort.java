package jp.kofu.core.issuance.port.out;

import java.util.List;
import java.util.Optional;

import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The issuance history (発行履歴): who got what, when and where. Every state an issuance reaches is
 * recorded; the history is per tenant.
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

    /** The tenant's issuances, oldest first. */
    List<Issuance> list(LocalGovernmentCode tenant);

    /** The next certificate number (証明書番号) of the tenant: 1, 2, 3, … without reuse. */
    long nextCertificateNumber(LocalGovernmentCode tenant);
}
