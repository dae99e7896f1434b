package jp.kofu.server.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The process's active alarms (障害通知), kept in memory and written to the log (alarms carry no personal
 * data). The operations console issue replaces this with a persistent, shared store.
 */
public final class InMemoryAlarms implements AlarmPort {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryAlarms.class);

    private final Map<String, Alarm> active = new LinkedHashMap<>();

    @Override
    public synchronized void raise(Alarm alarm) {
        active.put(id(alarm.key(), alarm.tenant()), alarm);
        LOG.warn("alarm {} {} [{}] {}: {}", alarm.severity(), alarm.tenant().map(Object::toString).orElse("system"),
                alarm.where(), alarm.key(), alarm.what());
    }

    @Override
    public synchronized void clear(String key, LocalGovernmentCode tenant) {
        if (active.remove(id(key, Optional.ofNullable(tenant))) != null) {
            LOG.info("alarm cleared {} {}", tenant == null ? "system" : tenant, key);
        }
    }

    @Override
    public synchronized List<Alarm> active() {
        List<Alarm> all = new ArrayList<>(active.values());
        all.sort(Comparator.comparing(Alarm::raisedAt));
        return all;
    }

    private static String id(String key, Optional<LocalGovernmentCode> tenant) {
        return tenant.map(LocalGovernmentCode::value).orElse("-") + "|" + Objects.requireNonNull(key);
    }
}
