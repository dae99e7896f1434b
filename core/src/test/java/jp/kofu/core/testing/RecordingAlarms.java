package jp.kofu.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** An {@link AlarmPort} (障害通知先) that keeps the active alarms and every alarm ever raised, for tests. */
public final class RecordingAlarms implements AlarmPort {

    private final Map<String, Alarm> active = new LinkedHashMap<>();
    private final List<Alarm> raised = new ArrayList<>();

    @Override
    public synchronized void raise(Alarm alarm) {
        active.put(id(alarm.key(), alarm.tenant()), alarm);
        raised.add(alarm);
    }

    @Override
    public synchronized void clear(String key, LocalGovernmentCode tenant) {
        active.remove(id(key, Optional.ofNullable(tenant)));
    }

    @Override
    public synchronized List<Alarm> active() {
        List<Alarm> all = new ArrayList<>(active.values());
        all.sort(Comparator.comparing(Alarm::raisedAt));
        return all;
    }

    /** Every alarm raised, in order, cleared ones included. */
    public synchronized List<Alarm> raised() {
        return List.copyOf(raised);
    }

    /** The active alarm with the key for the tenant. */
    public synchronized Optional<Alarm> active(String key, LocalGovernmentCode tenant) {
        return Optional.ofNullable(active.get(id(key, Optional.of(tenant))));
    }

    private static String id(String key, Optional<LocalGovernmentCode> tenant) {
        return tenant.map(LocalGovernmentCode::value).orElse("-") + "|" + key;
    }
}
