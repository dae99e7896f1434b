package jp.kofu.core.sync.port.in;

import java.util.List;
import java.util.Set;

import jp.kofu.core.sync.domain.MonitoringPolicy;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamStatus;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Monitoring of the sync (連携監視, 仕様 7(5), 11(3)ア): whether each stream is normal or abnormal at any time,
 * the relay's heartbeats (死活監視), and alarms on every change to abnormal.
 */
public interface MonitorSyncUseCase {

    /** Every stream that was loaded, received a batch or heard a heartbeat, by tenant then source. */
    List<StreamStatus> status(MonitoringPolicy policy);

    /**
     * Computes the status and reports changes to the alarm port: alarm {@code sync/<source>/abnormal} is
     * raised when a stream turns abnormal or its causes change, and cleared when it is normal again.
     *
     * @return the status computed
     */
    List<StreamStatus> check(MonitoringPolicy policy);

    /** Records a heartbeat (ハートビート) of the tenant's relay for these sources, now. */
    void heartbeat(LocalGovernmentCode tenant, Set<SourceSystem> sources);
}
