package jp.kofu.core.replica.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A suppression flag (発行抑止フラグ) the source systems set on a person, with the period it is in force.
 *
 * @param person 宛名番号
 * @param kind the reason
 * @param from first day in force
 * @param until last day in force, empty while open-ended
 * @param version the source's version of this record
 */
public record SuppressionFlag(PersonKey person, Kind kind, LocalDate from, Optional<LocalDate> until, long version) {

    public SuppressionFlag {
        Objects.requireNonNull(person, "宛名番号");
        Objects.requireNonNull(kind, "種別");
        Objects.requireNonNull(from, "開始日");
        until = until == null ? Optional.empty() : until;
        if (until.isPresent() && until.get().isBefore(from)) {
            throw new IllegalArgumentException("suppression ends before it starts");
        }
    }

    /** Whether the flag is in force on the day. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(from) && until.map(u -> !day.isAfter(u)).orElse(true);
    }

    /** Kinds of source-set suppression. */
    public enum Kind {
        /** 支援措置: DV, stalking or abuse victim support; nothing is issued at the kiosk. */
        SUPPORT_MEASURE("支援措置"),
        /** 職員による個別停止: a per-person stop set by staff. */
        STAFF_STOP("個別発行停止");

        private final String japanese;

        Kind(String japanese) {
            this.japanese = japanese;
        }

        public String japanese() {
            return japanese;
        }
    }
}
