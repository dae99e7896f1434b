package jp.kofu.core.replica.domain;

/** 性別 (sex) as recorded in the resident record. */
public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String japanese;

    Sex(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
