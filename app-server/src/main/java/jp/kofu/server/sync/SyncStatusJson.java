package jp.kofu.server.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kofu.core.sync.domain.MonitoringPolicy;
import jp.kofu.core.sync.domain.StreamStatus;

/**
 * The sync status document (連携状況) served by {@code GET /sync/v1/status} and printed by
 * {@code kofu sync status --json}: one object per stream, numbers and times only.
 */
public final class SyncStatusJson {

    private SyncStatusJson() {
    }

    /** The whole document. */
    public static Map<String, Object> document(List<StreamStatus> streams, MonitoringPolicy policy, Instant checkedAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("checkedAt", checkedAt.toString());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("silenceLimitSeconds", policy.silenceLimit().toSeconds());
        p.put("graceSeconds", policy.grace().toSeconds());
        p.put("sendingWindow", policy.windowStart() + "-" + policy.windowEnd());
        p.put("zone", policy.zone().getId());
        doc.put("policy", p);
        doc.put("streams", streams.stream().map(SyncStatusJson::stream).toList());
        return doc;
    }

    /** One stream. */
    public static Map<String, Object> stream(StreamStatus s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant", s.tenant().value());
        row.put("source", s.source().wireName());
        row.put("lastSequence", s.lastAppliedSequence().isPresent() ? s.lastAppliedSequence().getAsLong() : null);
        row.put("lastAppliedAt", s.lastAppliedAt().map(Object::toString).orElse(null));
        row.put("lastReceivedAt", s.lastReceivedAt().map(Object::toString).orElse(null));
        row.put("lastHeartbeatAt", s.lastHeartbeatAt().map(Object::toString).orElse(null));
        row.put("lagSeconds", s.lag().map(d -> d.toSeconds()).orElse(null));
        row.put("sequenceLag", s.sequenceLag());
        row.put("held", s.held());
        row.put("state", s.health() == StreamStatus.Health.NORMAL ? "normal" : "abnormal");
        row.put("why", s.why());
        row.put("reasons", s.reasons().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cause", r.cause().name().toLowerCase(java.util.Locale.ROOT));
            m.put("sequence", r.detail());
            m.put("text", r.text());
            return m;
        }).toList());
        return row;
    }
}
