package jp.kofu.core.issuance.port.in;

import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Records how a prepared issuance ended (交付完了報告): printed and paid, or voided.
 */
public interface CompleteIssuanceUseCase {

    /**
     * Completes the issuance.
     *
     * @return the issuance in its final state, or empty when it is unknown or no longer prepared
     */
    Optional<Issuance> complete(Command command);

    /**
     * @param tenant 地方公共団体コード
     * @param id the prepared issuance
     * @param voidReason empty when printed and paid; the reason when voided
     * @param feePaid the fee paid in 円 (0 when voided)
     */
    record Command(LocalGovernmentCode tenant, IssuanceId id, Optional<Issuance.VoidReason> voidReason, long feePaid) {
        public Command {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(id);
            voidReason = voidReason == null ? Optional.empty() : voidReason;
        }
    }
}
