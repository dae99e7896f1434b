package jp.kofu.core.issuance.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.inject.Inject;

import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.port.in.CompleteIssuanceUseCase;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;

/** Implements {@link CompleteIssuanceUseCase}: only a prepared issuance can be completed, once. */
public final class CompleteIssuanceService implements CompleteIssuanceUseCase {

    private final IssuanceHistoryPort history;
    private final Clock clock;

    @Inject
    public CompleteIssuanceService(IssuanceHistoryPort history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public Optional<Issuance> complete(Command command) {
        Optional<Issuance> current = history.find(command.tenant(), command.id());
        if (current.isEmpty() || !(current.get() instanceof Issuance.Prepared prepared)) {
            return Optional.empty();
        }
        return complete(prepared, command.voidReason(), command.feePaid());
    }

    @Override
    public Optional<Issuance> complete(Issuance.Prepared prepared, Optional<Issuance.VoidReason> voidReason, long feePaid) {
        Issuance done = voidReason
                .<Issuance>map(reason -> prepared.voidFor(reason, clock.instant()))
                .orElseGet(() -> prepared.issue(clock.instant(), feePaid));
        return history.recordCompletion(done) ? Optional.of(done) : Optional.empty();
    }
}
