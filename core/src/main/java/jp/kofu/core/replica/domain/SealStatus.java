package jp.kofu.core.replica.domain;

/** State of a seal registration (印鑑登録の状態). */
public enum SealStatus {
    /** 登録: registered and valid. */
    REGISTERED("登録"),
    /** 廃止: abolished. */
    ABOLISHED("廃止"),
    /** 亡失: the registration card (印鑑登録証) was reported lost. */
    LOST("亡失");

    private final String japanese;

    SealStatus(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
