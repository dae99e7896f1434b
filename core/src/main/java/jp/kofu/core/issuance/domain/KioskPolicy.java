package jp.kofu.core.issuance.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing rules of the kiosk flow (キオスク交付の時間設定), from configuration.
 *
 * @param challengeTtl how long a challenge may be answered (short: the card signs within seconds)
 * @param sessionTtl how long an authenticated session serves menus and prepares
 * @param completionTimeout a prepared issuance without a completion report after this is voided (応答なし);
 *     printing can take over two minutes
 * @param retention how long used challenges, ended sessions and idempotent answers are kept
 */
public record KioskPolicy(Duration challengeTtl, Duration sessionTtl, Duration completionTimeout, Duration retention) {

    public KioskPolicy {
        for (Duration d : new Duration[] {challengeTtl, sessionTtl, completionTimeout, retention}) {
            Objects.requireNonNull(d, "durations are required");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("kiosk durations must be positive");
            }
        }
        if (retention.compareTo(completionTimeout) < 0 || retention.compareTo(sessionTtl) < 0) {
            throw new IllegalArgumentException("retention must outlast sessions and the completion timeout");
        }
    }

    /** 60 s challenges, 15 min sessions, 10 min to complete, answers kept 1 h. */
    public static KioskPolicy defaults() {
        return new KioskPolicy(Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofHours(1));
    }
}
