package jp.kofu.cli.generate;

/**
 * A trait (特徴) of a synthetic resident that tests and demos look people up by. Every trait is derived
 * from the generated records themselves (not from the generator's intentions), on the town's reference
 * date and latest tax year, so the lists are ground truth.
 */
public enum Trait {
    /** Younger than 15 (no seal registration, no card link). */
    UNDER_15,
    /** 外国人住民. */
    FOREIGN,
    /** A foreign resident with a registered 通称. */
    FOREIGN_WITH_ALIAS,
    /** 特別永住者. */
    SPECIAL_PERMANENT_RESIDENT,
    /** 氏名 of 40 characters or more. */
    VERY_LONG_NAME,
    /** 旧氏 recorded. */
    FORMER_SURNAME,
    /** A name (氏名, 旧氏, 通称) holds a character beyond JIS X 0208: an ideographic variation sequence,
     *  a plain UCS variant such as 髙 or 﨑, or a character outside the BMP. */
    MJ_VARIANT_NAME,
    /** A name holds an ideographic variation sequence (IVS). */
    IVS_NAME,
    /** A name holds a character outside the Basic Multilingual Plane (e.g. 𠮷 U+20BB7). */
    NON_BMP_NAME,
    /** A name holds a character that only an MJ id names. */
    MJ_ONLY_NAME,
    /** A name holds a vendor 外字 that no correspondence table maps yet (未同定外字). */
    UNIDENTIFIED_VENDOR_NAME,
    /** 支援措置 in force on the reference date. */
    SUPPORT_MEASURE,
    /** Had a 支援措置 that ended before the reference date, none in force. */
    SUPPORT_MEASURE_ENDED,
    /** A per-person stop set by staff (個別発行停止) in force on the reference date. */
    STAFF_STOP,
    /** 消除: removed from the register (kept in its household's list). */
    REMOVED,
    /** 転出予定: a move-out notified, not yet effective. */
    MOVE_OUT_PLANNED,
    /** Came from another municipality or from abroad (a 転入前住所 is recorded). */
    MOVED_IN,
    /** The latest tax record says the person was not resident on 1 January (moved in this year). */
    NOT_RESIDENT_ON_JANUARY_1,
    /** 15 or older with no seal registration at all. */
    NO_SEAL,
    /** A valid seal registration (登録). */
    SEAL_REGISTERED,
    /** Only abolished seal registrations (廃止), none valid. */
    SEAL_ABOLISHED,
    /** Only lost seal registrations (亡失), none valid. */
    SEAL_LOST,
    /** Latest tax year: filed, resident on 1 January, no tax (非課税). */
    NON_TAXABLE,
    /** Latest tax year: some tax due (課税). */
    TAXED,
    /** Latest tax year: resident on 1 January but no declaration (未申告). */
    NOT_FILED,
    /** Latest tax record lists a dependant who has not filed (printed {@code *}). */
    HAS_UNFILED_DEPENDANT,
    /** Holds a linked My Number card (JPKI user-authentication certificate). */
    CARDHOLDER,
    /** Member of a household of more than four people (a 世帯連記式 copy needs a second sheet). */
    BIG_HOUSEHOLD,
    /** 住所 and 方書 together are 100 characters or more. */
    VERY_LONG_ADDRESS,
    /**
     * The plain case for demos: a Japanese resident of 18 or more, in the register, with a card, a valid seal
     * and a taxed latest year, no suppression flag, no special characters, resident on 1 January.
     */
    ORDINARY_ADULT
}
