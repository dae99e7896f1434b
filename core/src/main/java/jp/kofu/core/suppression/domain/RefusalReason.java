package jp.kofu.core.suppression.domain;

/**
 * Why a certificate is not issued at the kiosk (発行抑止事由). The kiosk only ever shows a neutral "please
 * ask at the counter"; the code and its staff message are for the municipality's staff.
 */
public enum RefusalReason {
    /** 支援措置: the person is under DV / stalking / abuse victim support. */
    SUPPORT_MEASURE("支援措置"),
    /** 消除: the record is removed (moved out, deceased). */
    REMOVED("消除"),
    /** 転出予定: a move-out has been notified. */
    MOVE_OUT_PLANNED("転出予定"),
    /** 年齢制限: younger than the tenant's minimum age for the kind. */
    UNDER_AGE("年齢制限"),
    /** 印鑑未登録: no seal registration. */
    NO_SEAL("印鑑未登録"),
    /** 印鑑登録廃止: the registration was abolished. */
    SEAL_ABOLISHED("印鑑登録廃止"),
    /** 印鑑登録証亡失: the registration card was reported lost. */
    SEAL_LOST("印鑑登録証亡失"),
    /** 賦課期日未在住: not resident on 1 January of the fiscal year. */
    NOT_RESIDENT_ON_JANUARY_1("賦課期日未在住"),
    /** 未申告: no income declaration. */
    NOT_FILED("未申告"),
    /** 年度未確定: the fiscal year's tax is not determined yet (no record). */
    YEAR_NOT_DETERMINED("年度未確定"),
    /** 未同定外字: a character has not been identified in the 文字同定 yet. */
    UNIDENTIFIED_CHARACTER("未同定外字"),
    /** 個別発行停止: a per-person stop set by staff. */
    STAFF_STOP("個別発行停止"),
    /** 取扱時間外: outside the tenant's service hours. */
    OUT_OF_HOURS("取扱時間外"),
    /** 保守中: the tenant is in a maintenance window. */
    MAINTENANCE("保守中"),
    /** 試験用住民以外: the tenant is in test mode and the person is not one of its test residents. */
    NOT_A_TEST_RESIDENT("試験用住民以外"),
    /** 取扱対象外: the kind is not offered by the tenant. */
    KIND_NOT_OFFERED("取扱対象外"),
    /** 世帯外: a requested member is not in the applicant's household. */
    NOT_IN_HOUSEHOLD("世帯外"),
    /** 対象者なし: the applicant is not in the replica. */
    UNKNOWN_PERSON("対象者なし");

    private final String japanese;

    RefusalReason(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }
}
