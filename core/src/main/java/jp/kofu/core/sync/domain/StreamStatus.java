package jp.kofu.core.sync.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The monitored status of one sync stream (連携状況): where it stands and whether it is normal (正常) or
 * abnormal (異常), and why. Carries numbers and times only, never personal data.
 *
 * @param tenant the tenant
 * @param source the source system
 * @param lastAppliedSequence the stream's last applied batch number, empty before the first load
 * @param lastAppliedAt when a batch was last applied
 * @param lastReceivedAt when a batch last arrived
 * @param lastHeartbeatAt when the relay last reported itself alive (ハートビート)
 * @param lag time since the last applied batch, empty when none was applied through sync
 * @param sequenceLag how many numbers the held batches run ahead of the last applied one (0 when none is held)
 * @param held the numbers of the held batches, in order
 * @param health normal or abnormal
 * @param reasons why it is abnormal, in a fixed order (quarantine, gap, silence); empty when normal
 */
public record StreamStatus(LocalGovernmentCode tenant, SourceSystem source, OptionalLong lastAppliedSequence,
                           Optional<Instant> lastAppliedAt, Optional<Instant> lastReceivedAt,
                           Optional<Instant> lastHeartbeatAt, Optional<Duration> lag, long sequenceLag,
                           List<Long> held, Health health, List<Reason> reasons) {

    public StreamStatus {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(source, "source");
        held = List.copyOf(held);
        reasons = List.copyOf(reasons);
        if ((health == Health.ABNORMAL) == reasons.isEmpty()) {
            throw new IllegalArgumentException("a stream is abnormal exactly when it has reasons");
        }
    }

    /** 正常 / 異常. */
    public enum Health {
        NORMAL, ABNORMAL
    }

    /** What makes a stream abnormal. */
    public enum Cause {
        /** a batch is quarantined (隔離) and stops the stream */
        QUARANTINE,
        /** a batch is missing (欠番); later ones are held */
        GAP,
        /** no batch and no heartbeat for longer than the limit plus grace in the sending window (無通信) */
        SILENCE
    }

    /**
     * One reason, for staff.
     *
     * @param cause its kind
     * @param detail a sequence number the condition is about (missing or quarantined), 0 for silence
     * @param text one line without personal data
     */
    public record Reason(Cause cause, long detail, String text) {
        public Reason {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The reasons as one line, {@code null} when normal. */
    public String why() {
        return reasons.isEmpty() ? null : String.join("; ", reasons.stream().map(Reason::text).toList());
    }
}
