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
     * Completes an issuance the caller has just read in its prepared state (the kiosk flow reads it to check
     * whose it is), saving a second read. If it was completed meanwhile (another node, the timeout), nothing
     * changes and the result is empty, as for {@link #complete(Command)}.
     *
     * @param voidReason empty when printed and paid; the reason when voided
     * @param feePaid the fee paid in 円 (0 when voided)
     */
    Optional<Issuance> complete(Issuance.Prepared prepared, Optional<Issuance.VoidReason> voidReason, long feePaid);

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
