package jp.kofu.core.operations.port.out;

import java.util.List;

import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Where abnormal conditions are reported (障害通知先): the operations console shows and sounds the active
 * alarms. Raising an alarm whose key is active replaces it; clearing a key ends it.
 */
public interface AlarmPort {

    /** Raises (or updates) the alarm. */
    void raise(Alarm alarm);

    /** Ends the condition with that key for the tenant (or system-wide when tenant is null); no-op when none. */
    void clear(String key, LocalGovernmentCode tenant);

    /** The active alarms, oldest first. */
    List<Alarm> active();
}
