package jp.kofu.core.tenant.domain;

import java.util.Objects;

/**
 * Whether the kiosk service of a tenant is available at a moment (サービス提供状況): open, outside the service
 * hours (取扱時間外), or stopped for maintenance (保守中) with its notice. The kiosk shows a distinct message
 * for each, unlike a suppression, which it only shows as "please ask at the counter".
 */
public sealed interface ServiceAvailability
        permits ServiceAvailability.Open, ServiceAvailability.OutOfHours, ServiceAvailability.InMaintenance {

    /** The single open state. */
    Open OPEN = new Open();

    default boolean isOpen() {
        return this instanceof Open;
    }

    /** The service is open. */
    record Open() implements ServiceAvailability {
    }

    /**
     * Outside the service hours, or on a closed day.
     *
     * @param notice the day's notice, when an exception day has one; else empty
     */
    record OutOfHours(String notice) implements ServiceAvailability {
        public OutOfHours {
            notice = notice == null ? "" : notice;
        }
    }

    /** In a planned maintenance window. */
    record InMaintenance(MaintenanceWindow window) implements ServiceAvailability {
        public InMaintenance {
            Objects.requireNonNull(window, "window");
        }
    }
}
