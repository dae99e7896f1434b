package jp.kofu.server.wiring;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

import jp.kofu.core.gaiji.port.in.ApplyCorrespondenceTableUseCase;
import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase;
import jp.kofu.core.gaiji.port.in.PreviewCertificateUseCase;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase;
import jp.kofu.core.gaiji.port.in.RenderIdentificationSheetUseCase;
import jp.kofu.core.gaiji.port.in.ScanCharactersUseCase;
import jp.kofu.core.gaiji.service.ApplyCorrespondenceTableService;
import jp.kofu.core.gaiji.service.DetectUnidentifiedCharactersService;
import jp.kofu.core.gaiji.service.PreviewCertificateService;
import jp.kofu.core.gaiji.service.ProposeIdentificationService;
import jp.kofu.core.gaiji.service.RenderIdentificationSheetService;
import jp.kofu.core.gaiji.service.ScanCharactersService;
import jp.kofu.core.issuance.port.in.CompleteIssuanceUseCase;
import jp.kofu.core.issuance.port.in.KioskIssuanceUseCase;
import jp.kofu.core.issuance.port.in.PrepareCertificateUseCase;
import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase;
import jp.kofu.core.issuance.service.CompleteIssuanceService;
import jp.kofu.core.issuance.service.KioskIssuanceService;
import jp.kofu.core.issuance.service.PrepareCertificateService;
import jp.kofu.core.issuance.service.VerifyHistoryChainService;
import jp.kofu.core.sync.port.in.LoadInitialReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.service.LoadInitialReplicaService;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.server.json.JsonBatchManifestCodec;
import jp.kofu.server.operations.InMemoryAlarms;

/** Binds core's use cases to their services, and the ports the application itself implements. */
public final class CoreModule extends AbstractModule {

    private final Clock clock;

    public CoreModule(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(PrepareCertificateUseCase.class).to(PrepareCertificateService.class).in(Scopes.SINGLETON);
        bind(CompleteIssuanceUseCase.class).to(CompleteIssuanceService.class).in(Scopes.SINGLETON);
        bind(KioskIssuanceUseCase.class).to(KioskIssuanceService.class).in(Scopes.SINGLETON);
        bind(VerifyHistoryChainUseCase.class).to(VerifyHistoryChainService.class).in(Scopes.SINGLETON);
        bind(jp.kofu.core.issuance.port.in.VerifyCertificateUseCase.class)
                .to(jp.kofu.core.issuance.service.VerifyCertificateService.class).in(Scopes.SINGLETON);
        bind(LoadInitialReplicaUseCase.class).to(LoadInitialReplicaService.class).in(Scopes.SINGLETON);
        bind(jp.kofu.core.sync.port.in.ApplyBatchUseCase.class).to(jp.kofu.core.sync.service.ApplyBatchService.class).in(Scopes.SINGLETON);
        bind(jp.kofu.core.sync.port.in.MonitorSyncUseCase.class).to(jp.kofu.core.sync.service.MonitorSyncService.class).in(Scopes.SINGLETON);
        bind(jp.kofu.core.sync.port.in.VerifyReplicaUseCase.class).to(jp.kofu.core.sync.service.VerifyReplicaService.class).in(Scopes.SINGLETON);
        bind(BatchManifestPort.class).to(JsonBatchManifestCodec.class).in(Scopes.SINGLETON);
        bind(AlarmPort.class).to(InMemoryAlarms.class).in(Scopes.SINGLETON);
        bind(ScanCharactersUseCase.class).to(ScanCharactersService.class).in(Scopes.SINGLETON);
        bind(ProposeIdentificationUseCase.class).to(ProposeIdentificationService.class).in(Scopes.SINGLETON);
        bind(ApplyCorrespondenceTableUseCase.class).to(ApplyCorrespondenceTableService.class).in(Scopes.SINGLETON);
        bind(DetectUnidentifiedCharactersUseCase.class).to(DetectUnidentifiedCharactersService.class).in(Scopes.SINGLETON);
        bind(PreviewCertificateUseCase.class).to(PreviewCertificateService.class).in(Scopes.SINGLETON);
        bind(RenderIdentificationSheetUseCase.class).to(RenderIdentificationSheetService.class).in(Scopes.SINGLETON);
    }
}
