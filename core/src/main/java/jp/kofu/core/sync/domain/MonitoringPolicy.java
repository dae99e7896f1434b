package jp.kofu.core.sync.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a sync stream counts as silent (連携監視の基準): during the sending window (送信時間帯) a stream must
 * hear a batch or a relay heartbeat (ハートビート) at least every {@code silenceLimit} plus {@code grace}; the
 * specification asks the sync be checked about every 5 minutes (仕様 7(5), 11(3)ア).
 *
 * @param silenceLimit the longest expected silence, 5 minutes by default
 * @param grace added to the limit before the stream is abnormal (network or vendor jitter)
 * @param windowStart start of the daily sending window, local time
 * @param windowEnd end of the window (exclusive); equal to the start for a window of the whole day
 * @param zone the zone of the window (Asia/Tokyo)
 */
public record MonitoringPolicy(Duration silenceLimit, Duration grace, LocalTime windowStart, LocalTime windowEnd,
                               ZoneId zone) {

    /** 5 minutes plus 2 minutes' grace, all day, Japan time. */
    public static final MonitoringPolicy DEFAULT = new MonitoringPolicy(Duration.ofMinutes(5), Duration.ofMinutes(2),
            LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("Asia/Tokyo"));

    public MonitoringPolicy {
        Objects.requireNonNull(silenceLimit, "silenceLimit");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(zone, "zone");
        if (silenceLimit.isNegative() || silenceLimit.isZero()) {
            throw new IllegalArgumentException("the silence limit must be positive");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace must not be negative");
        }
    }

    /** The same policy with another grace. */
    public MonitoringPolicy withGrace(Duration newGrace) {
        return new MonitoringPolicy(silenceLimit, newGrace, windowStart, windowEnd, zone);
    }

    /** The same policy with another sending window. */
    public MonitoringPolicy withWindow(LocalTime start, LocalTime end) {
        return new MonitoringPolicy(silenceLimit, grace, start, end, zone);
    }

    /** How long a stream may stay silent inside the window. */
    public Duration allowedSilence() {
        return silenceLimit.plus(grace);
    }

    /** Whether the instant falls in the sending window (a window may span midnight). */
    public boolean inWindow(Instant at) {
        if (windowStart.equals(windowEnd)) {
            return true;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        if (windowStart.isBefore(windowEnd)) {
            return !t.isBefore(windowStart) && t.isBefore(windowEnd);
        }
        return !t.isBefore(windowStart) || t.isBefore(windowEnd);
    }

    /** Parses {@code HH:MM-HH:MM} (e.g. {@code 08:00-20:00}); {@code 00:00-00:00} is the whole day. */
    public static LocalTime[] parseWindow(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a sending window is HH:MM-HH:MM, not '" + text + "'");
        }
        try {
            return new LocalTime[] {LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())};
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a sending window is HH:MM-HH:MM, not '" + text + "'");
        }
    }
}
