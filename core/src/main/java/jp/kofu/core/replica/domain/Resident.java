package jp.kofu.core.replica.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * A resident (住民) as the resident-record system (住民記録システム) exports them: the items of the resident
 * record (住民票の記載事項) needed for certificates. Absent text items are {@link PrintedText#EMPTY}, absent
 * dates are empty.
 *
 * @param key 宛名番号
 * @param household 世帯番号
 * @param name 氏名
 * @param nameKana 氏名の振り仮名
 * @param formerSurname 旧氏
 * @param formerSurnameKana 旧氏の振り仮名
 * @param alias 通称 (foreign residents)
 * @param birthDate 生年月日
 * @param sex 性別
 * @param relationship 続柄 (relationship to the household head, e.g. 世帯主, 妻, 子)
 * @param address 住所
 * @param addressSupplement 方書 (building and room)
 * @param domicile 本籍 (empty for foreign residents)
 * @param domicileHead 筆頭者
 * @param becameResidentOn 住民となった年月日
 * @param addressSetOn 住所を定めた年月日
 * @param notifiedOn 届出日
 * @param addressBeforeMoveIn 転入前住所
 * @param addressBeforeChange 異動前住所
 * @param entryReason 記載事由 (e.g. 転入, 出生, 転居)
 * @param individualNumber 個人番号
 * @param residentRecordCode 住民票コード (never printed)
 * @param status 在住 / 転出予定 / 消除
 * @param foreign the foreign-resident items, for 外国人住民
 * @param version the source's version of this record, increasing with every change
 */
public record Resident(
        PersonKey key,
        HouseholdId household,
        PrintedText name,
        PrintedText nameKana,
        PrintedText formerSurname,
        PrintedText formerSurnameKana,
        PrintedText alias,
        LocalDate birthDate,
        Sex sex,
        PrintedText relationship,
        PrintedText address,
        PrintedText addressSupplement,
        PrintedText domicile,
        PrintedText domicileHead,
        Optional<LocalDate> becameResidentOn,
        Optional<LocalDate> addressSetOn,
        Optional<LocalDate> notifiedOn,
        PrintedText addressBeforeMoveIn,
        PrintedText addressBeforeChange,
        PrintedText entryReason,
        Optional<IndividualNumber> individualNumber,
        Optional<ResidentRecordCode> residentRecordCode,
        ResidentStatus status,
        Optional<ForeignResidentItems> foreign,
        long version) {

    public Resident {
        Objects.requireNonNull(key, "宛名番号");
        Objects.requireNonNull(household, "世帯番号");
        Objects.requireNonNull(name, "氏名");
        Objects.requireNonNull(birthDate, "生年月日");
        Objects.requireNonNull(sex, "性別");
        Objects.requireNonNull(address, "住所");
        Objects.requireNonNull(status, "状態");
        nameKana = orEmpty(nameKana);
        formerSurname = orEmpty(formerSurname);
        formerSurnameKana = orEmpty(formerSurnameKana);
        alias = orEmpty(alias);
        relationship = orEmpty(relationship);
        addressSupplement = orEmpty(addressSupplement);
        domicile = orEmpty(domicile);
        domicileHead = orEmpty(domicileHead);
        addressBeforeMoveIn = orEmpty(addressBeforeMoveIn);
        addressBeforeChange = orEmpty(addressBeforeChange);
        entryReason = orEmpty(entryReason);
        becameResidentOn = becameResidentOn == null ? Optional.empty() : becameResidentOn;
        addressSetOn = addressSetOn == null ? Optional.empty() : addressSetOn;
        notifiedOn = notifiedOn == null ? Optional.empty() : notifiedOn;
        individualNumber = individualNumber == null ? Optional.empty() : individualNumber;
        residentRecordCode = residentRecordCode == null ? Optional.empty() : residentRecordCode;
        foreign = foreign == null ? Optional.empty() : foreign;
    }

    private static PrintedText orEmpty(PrintedText t) {
        return t == null ? PrintedText.EMPTY : t;
    }

    /** Age in whole years on the given day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public boolean isForeignResident() {
        return foreign.isPresent();
    }

    /** Every printed text item of the record, for character checks (文字チェック). */
    public Stream<PrintedText> texts() {
        Stream<PrintedText> own = Stream.of(name, nameKana, formerSurname, formerSurnameKana, alias, relationship,
                address, addressSupplement, domicile, domicileHead, addressBeforeMoveIn, addressBeforeChange,
                entryReason);
        return foreign.map(f -> Stream.concat(own, Stream.of(f.nationality(), f.residenceStatus()))).orElse(own);
    }

    /** Whether any item holds an unidentified vendor character (未同定外字). */
    public boolean hasUnidentifiedCharacters() {
        return texts().anyMatch(PrintedText::hasUnidentified);
    }

    /** A redacted description for logs: the key only, never personal data. */
    @Override
    public String toString() {
        return "Resident[" + key + "]";
    }
}
