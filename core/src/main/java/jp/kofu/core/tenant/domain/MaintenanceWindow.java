package jp.kofu.core.tenant.domain;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A planned stop (計画停止 / 定期保守) announced in advance: from its start (inclusive) to its end (exclusive),
 * in the tenant's local time, the kiosk service is refused with the notice.
 *
 * @param from start, local time at the tenant
 * @param until end (exclusive), local time at the tenant
 * @param notice the announcement shown at the kiosk, e.g. 定期保守のため 2:00〜5:00 は休止します (no personal data)
 */
public record MaintenanceWindow(LocalDateTime from, LocalDateTime until, String notice) {

    public MaintenanceWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("a maintenance window must end after it starts");
        }
        notice = notice == null ? "" : notice;
    }

    /** Whether the moment falls inside the window. */
    public boolean covers(LocalDateTime at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
