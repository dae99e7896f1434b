package jp.kofu.core.gaiji.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.gaiji.port.in.PreviewCertificateUseCase;
import jp.kofu.core.issuance.domain.ChainHead;
import jp.kofu.core.issuance.domain.HistoryEntry;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.in.PrepareCertificateUseCase;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.issuance.service.PrepareCertificateService;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * Implements {@link PreviewCertificateUseCase} by running the very preparation an issuance runs
 * ({@link PrepareCertificateService}: snapshot read, suppression policies, content assembly, rendering)
 * against an issuance history that records nothing and numbers every certificate 0. The request comes
 * through the command-line channel, so kiosk service hours do not apply; everything else does.
 */
public final class PreviewCertificateService implements PreviewCertificateUseCase {

    private final PrepareCertificateService prepare;

    @Inject
    public PreviewCertificateService(TenantSettingsPort tenants, ReplicaReadPort replica,
                                     CertificateRendererPort renderer, Clock clock) {
        this.prepare = new PrepareCertificateService(tenants, replica, renderer, new NothingRecorded(), clock);
    }

    @Override
    public Outcome preview(Command command) {
        PrepareCertificateUseCase.Outcome outcome = prepare.prepare(new PrepareCertificateUseCase.Command(
                command.tenant(), command.applicant(), command.request(), IssuanceChannel.commandLine(), WATERMARK));
        if (outcome instanceof PrepareCertificateUseCase.Ready ready) {
            return new Preview(ready.content(), ready.pdf());
        }
        return new Refused(((PrepareCertificateUseCase.Refused) outcome).reasons());
    }

    /** An issuance history that keeps nothing: a preview is not an issuance. */
    private static final class NothingRecorded implements IssuanceHistoryPort {
        @Override
        public void recordPrepared(Issuance.Prepared prepared) {
            // a preview is never recorded
        }

        @Override
        public boolean recordCompletion(Issuance completed) {
            return false;
        }

        @Override
        public Optional<Issuance> find(LocalGovernmentCode tenant, IssuanceId id) {
            return Optional.empty();
        }

        @Override
        public Optional<Issuance> findByCertificateNumber(LocalGovernmentCode tenant, String certificateNumber) {
            return Optional.empty();
        }

        @Override
        public List<Issuance> list(LocalGovernmentCode tenant) {
            return List.of();
        }

        @Override
        public long nextCertificateNumber(LocalGovernmentCode tenant) {
            return 0;
        }

        @Override
        public List<Issuance.Prepared> preparedBefore(LocalGovernmentCode tenant, Instant before, int limit) {
            return List.of();
        }

        @Override
        public List<HistoryEntry> chain(LocalGovernmentCode tenant, long afterSequence, int limit) {
            return List.of();
        }

        @Override
        public ChainHead chainHead(LocalGovernmentCode tenant) {
            return ChainHead.EMPTY;
        }
    }
}
