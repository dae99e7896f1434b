package jp.kofu.core.gaiji.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the correspondence tables' audit log (対照表の操作記録): who changed which vendor code's
 * mapping, when, in which version (the port keeps it per tenant). It carries codes, MJ ids and counts
 * only — never personal data.
 *
 * @param version the table version the action created
 * @param at when
 * @param actor who
 * @param action what kind of change
 * @param vendorCode the vendor code concerned, empty for a whole-table action
 * @param detail what changed, e.g. {@code MJ026190 (U+8FBA U+E0101) → MJ026201 (U+8FBA U+E0102)}
 */
public record CorrespondenceAuditEntry(int version, Instant at, String actor,
                                       Action action, String vendorCode, String detail) {

    public CorrespondenceAuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        actor = actor == null ? "" : actor;
        vendorCode = vendorCode == null ? "" : vendorCode;
        detail = detail == null ? "" : detail;
    }

    /** The kinds of change recorded. */
    public enum Action {
        /** A reviewed table was imported as a new version. */
        IMPORTED,
        /** A vendor code was mapped for the first time. */
        ADDED,
        /** A vendor code's mapping changed. */
        CHANGED,
        /** The replica's records holding newly mapped codes were re-converted. */
        RECONVERTED
    }
}
