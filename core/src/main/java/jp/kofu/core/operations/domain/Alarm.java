package jp.kofu.core.operations.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * An alarm (障害通知) for the operations console, which shows it on screen and sounds it: where and what
 * failed (spec 6(4)ア). It never carries personal data — keys and counts only.
 *
 * @param key identifies the condition, so that raising it again updates it and clearing it ends it (e.g.
 *     {@code sync/jukiki/gap}, {@code gaiji/unidentified/U+E012})
 * @param tenant the tenant concerned, empty for the whole system
 * @param severity how urgent
 * @param where the component that failed (e.g. 住民記録連携, 文字同定)
 * @param what what failed, for staff
 * @param raisedAt when it was raised
 */
public record Alarm(String key, Optional<LocalGovernmentCode> tenant, Severity severity, String where, String what,
                    Instant raisedAt) {

    public Alarm {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an alarm needs a key");
        }
        tenant = tenant == null ? Optional.empty() : tenant;
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    /** How urgent an alarm is. */
    public enum Severity {
        /** 警告: needs attention, service goes on. */
        WARNING,
        /** 異常: a function is stopped (e.g. a sync stream) or residents are refused. */
        CRITICAL
    }
}
