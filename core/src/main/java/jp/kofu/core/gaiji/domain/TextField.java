package jp.kofu.core.gaiji.domain;

/**
 * A printed-text item of the replica (文字項目), where a 文字同定 scan says a character occurs: the item and
 * the record kind it belongs to. No values, only the names of items.
 */
public enum TextField {
    RESIDENT_NAME("residents.name", "氏名"),
    RESIDENT_NAME_KANA("residents.name_kana", "氏名の振り仮名"),
    RESIDENT_FORMER_SURNAME("residents.former_surname", "旧氏"),
    RESIDENT_FORMER_SURNAME_KANA("residents.former_surname_kana", "旧氏の振り仮名"),
    RESIDENT_ALIAS("residents.alias", "通称"),
    RESIDENT_RELATIONSHIP("residents.relationship", "続柄"),
    RESIDENT_ADDRESS("residents.address", "住所"),
    RESIDENT_ADDRESS_SUPPLEMENT("residents.address_supplement", "方書"),
    RESIDENT_DOMICILE("residents.domicile", "本籍"),
    RESIDENT_DOMICILE_HEAD("residents.domicile_head", "筆頭者"),
    RESIDENT_ADDRESS_BEFORE_MOVE_IN("residents.address_before_move_in", "転入前住所"),
    RESIDENT_ADDRESS_BEFORE_CHANGE("residents.address_before_change", "異動前住所"),
    RESIDENT_ENTRY_REASON("residents.entry_reason", "記載事由"),
    RESIDENT_NATIONALITY("residents.nationality", "国籍・地域"),
    RESIDENT_RESIDENCE_STATUS("residents.residence_status", "在留資格"),
    HOUSEHOLD_HEAD_NAME("households.head_name", "世帯主"),
    SEAL_REGISTERED_NAME("seals.registered_name", "印鑑登録氏名"),
    TAX_ADDRESS_ON_JANUARY_1("tax_records.address_on_january1", "賦課期日住所"),
    TAX_DEPENDANT_NAME("tax_dependants.name", "扶養親族氏名");

    private final String wireName;
    private final String japanese;

    TextField(String wireName, String japanese) {
        this.wireName = wireName;
        this.japanese = japanese;
    }

    /** The file-and-column form, as in docs/formats, e.g. {@code residents.name}. */
    public String wireName() {
        return wireName;
    }

    public String japanese() {
        return japanese;
    }
}
