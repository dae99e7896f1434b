package jp.kofu.core.replica.domain;

/** The state of a resident record (住民票の状態). */
public enum ResidentStatus {
    /** 在住: living in the municipality. */
    RESIDENT("在住"),
    /** 転出予定: a move-out has been notified (転出届) but not yet taken effect. */
    MOVE_OUT_PLANNED("転出予定"),
    /** 消除: removed (moved out, deceased, ...); never on a kiosk certificate. */
    REMOVED("消除");

    private final String japanese;

    ResidentStatus(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
