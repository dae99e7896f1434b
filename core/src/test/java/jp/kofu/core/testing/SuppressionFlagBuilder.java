package jp.kofu.core.testing;

import java.time.LocalDate;
import java.util.Optional;

import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.SuppressionFlag;

/**
 * Builds a {@link SuppressionFlag} (発行抑止フラグ). By default: a support measure (支援措置) on P0001 from
 * 2025-01-01, open-ended, version 1.
 */
public final class SuppressionFlagBuilder {

    private String person = "P0001";
    private SuppressionFlag.Kind kind = SuppressionFlag.Kind.SUPPORT_MEASURE;
    private LocalDate from = LocalDate.of(2025, 1, 1);
    private Optional<LocalDate> until = Optional.empty();
    private long version = 1;

    SuppressionFlagBuilder() {
    }

    /** 宛名番号 of the person. */
    public SuppressionFlagBuilder on(String personKey) {
        this.person = personKey;
        return this;
    }

    /** 支援措置. */
    public SuppressionFlagBuilder supportMeasure() {
        this.kind = SuppressionFlag.Kind.SUPPORT_MEASURE;
        return this;
    }

    /** 職員による個別停止. */
    public SuppressionFlagBuilder staffStop() {
        this.kind = SuppressionFlag.Kind.STAFF_STOP;
        return this;
    }

    public SuppressionFlagBuilder from(LocalDate from) {
        this.from = from;
        return this;
    }

    /** Last day in force. */
    public SuppressionFlagBuilder until(LocalDate until) {
        this.until = Optional.of(until);
        return this;
    }

    public SuppressionFlagBuilder version(long version) {
        this.version = version;
        return this;
    }

    public SuppressionFlag build() {
        return new SuppressionFlag(new PersonKey(person), kind, from, until, version);
    }
}
