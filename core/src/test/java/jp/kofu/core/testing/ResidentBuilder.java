package jp.kofu.core.testing;

import java.time.LocalDate;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.IndividualNumber;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentRecordCode;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.Sex;

/**
 * Builds a {@link Resident} (住民). By default: 宛名番号 P0001 in household H0001, 山田　太郎, born
 * 1980-01-02, male, 世帯主, living in Kurume, 在住, version 1, every optional item empty. Text arguments are
 * in the tagged form of {@link PrintedText}.
 */
public final class ResidentBuilder {

    private String key = "P0001";
    private String household = "H0001";
    private PrintedText name = PrintedText.plain("山田　太郎");
    private PrintedText nameKana = PrintedText.EMPTY;
    private PrintedText formerSurname = PrintedText.EMPTY;
    private PrintedText formerSurnameKana = PrintedText.EMPTY;
    private PrintedText alias = PrintedText.EMPTY;
    private LocalDate birthDate = LocalDate.of(1980, 1, 2);
    private Sex sex = Sex.MALE;
    private PrintedText relationship = PrintedText.plain("世帯主");
    private PrintedText address = PrintedText.plain("福岡県久留米市城南町15番地3");
    private PrintedText addressSupplement = PrintedText.EMPTY;
    private PrintedText domicile = PrintedText.EMPTY;
    private PrintedText domicileHead = PrintedText.EMPTY;
    private Optional<LocalDate> becameResidentOn = Optional.empty();
    private Optional<LocalDate> addressSetOn = Optional.empty();
    private Optional<LocalDate> notifiedOn = Optional.empty();
    private PrintedText addressBeforeMoveIn = PrintedText.EMPTY;
    private PrintedText addressBeforeChange = PrintedText.EMPTY;
    private PrintedText entryReason = PrintedText.EMPTY;
    private Optional<IndividualNumber> individualNumber = Optional.empty();
    private Optional<ResidentRecordCode> residentRecordCode = Optional.empty();
    private ResidentStatus status = ResidentStatus.RESIDENT;
    private Optional<ForeignResidentItems> foreign = Optional.empty();
    private long version = 1;

    ResidentBuilder() {
    }

    private static PrintedText text(String tagged) {
        return PrintedText.parse(tagged);
    }

    /** 宛名番号. */
    public ResidentBuilder withKey(String personKey) {
        this.key = personKey;
        return this;
    }

    /** 世帯番号. */
    public ResidentBuilder inHousehold(String householdId) {
        this.household = householdId;
        return this;
    }

    /** 氏名 (tagged form). */
    public ResidentBuilder named(String tagged) {
        return named(text(tagged));
    }

    public ResidentBuilder named(PrintedText name) {
        this.name = name;
        return this;
    }

    /** 氏名の振り仮名. */
    public ResidentBuilder withNameKana(String kana) {
        this.nameKana = text(kana);
        return this;
    }

    /** 旧氏 and its 振り仮名. */
    public ResidentBuilder withFormerSurname(String surname, String kana) {
        this.formerSurname = text(surname);
        this.formerSurnameKana = text(kana);
        return this;
    }

    /** 通称. */
    public ResidentBuilder withAlias(String tagged) {
        this.alias = text(tagged);
        return this;
    }

    /** 生年月日. */
    public ResidentBuilder born(LocalDate birthDate) {
        this.birthDate = birthDate;
        return this;
    }

    public ResidentBuilder male() {
        this.sex = Sex.MALE;
        return this;
    }

    public ResidentBuilder female() {
        this.sex = Sex.FEMALE;
        return this;
    }

    /** 続柄, e.g. 世帯主, 妻, 子. */
    public ResidentBuilder withRelationship(String relationship) {
        this.relationship = text(relationship);
        return this;
    }

    /** 住所. */
    public ResidentBuilder livingAt(String tagged) {
        this.address = text(tagged);
        return this;
    }

    /** 方書. */
    public ResidentBuilder withAddressSupplement(String tagged) {
        this.addressSupplement = text(tagged);
        return this;
    }

    /** 本籍 and 筆頭者. */
    public ResidentBuilder withDomicile(String domicile, String head) {
        this.domicile = text(domicile);
        this.domicileHead = text(head);
        return this;
    }

    /** 住民となった年月日. */
    public ResidentBuilder becameResidentOn(LocalDate date) {
        this.becameResidentOn = Optional.of(date);
        return this;
    }

    /** 住所を定めた年月日. */
    public ResidentBuilder addressSetOn(LocalDate date) {
        this.addressSetOn = Optional.of(date);
        return this;
    }

    /** 届出日. */
    public ResidentBuilder notifiedOn(LocalDate date) {
        this.notifiedOn = Optional.of(date);
        return this;
    }

    /** 転入前住所. */
    public ResidentBuilder movedInFrom(String tagged) {
        this.addressBeforeMoveIn = text(tagged);
        return this;
    }

    /** 異動前住所. */
    public ResidentBuilder previouslyLivingAt(String tagged) {
        this.addressBeforeChange = text(tagged);
        return this;
    }

    /** 記載事由, e.g. 転入, 出生. */
    public ResidentBuilder enteredBecause(String tagged) {
        this.entryReason = text(tagged);
        return this;
    }

    /** 個人番号 from its first eleven digits (the check digit is computed). */
    public ResidentBuilder withIndividualNumber(String elevenDigits) {
        this.individualNumber = Optional.of(IndividualNumber.ofElevenDigits(elevenDigits));
        return this;
    }

    /** 住民票コード from its first ten digits (the check digit is computed). */
    public ResidentBuilder withResidentRecordCode(String tenDigits) {
        this.residentRecordCode = Optional.of(ResidentRecordCode.ofTenDigits(tenDigits));
        return this;
    }

    public ResidentBuilder withStatus(ResidentStatus status) {
        this.status = status;
        return this;
    }

    /** 消除: moved out or deceased. */
    public ResidentBuilder removed() {
        return withStatus(ResidentStatus.REMOVED);
    }

    /** 転出予定: a move-out was notified. */
    public ResidentBuilder planningToMoveOut() {
        return withStatus(ResidentStatus.MOVE_OUT_PLANNED);
    }

    /** A foreign resident (外国人住民): 中長期在留者 from 中国 with 3 years of 技術・人文知識・国際業務. */
    public ResidentBuilder asForeignResident() {
        return withForeignItems(new ForeignResidentItems(
                PrintedText.plain("中国"),
                LocalDate.of(2020, 4, 1),
                "中長期在留者",
                PrintedText.plain("技術・人文知識・国際業務"),
                "3年",
                Optional.of(LocalDate.of(2027, 3, 31)),
                "AB12345678CD"));
    }

    public ResidentBuilder withForeignItems(ForeignResidentItems items) {
        this.foreign = Optional.of(items);
        return this;
    }

    /** The source's record version. */
    public ResidentBuilder version(long version) {
        this.version = version;
        return this;
    }

    /**
     * Fills every item, optional ones included, with text holding every kind of printed character
     * (variation sequence, non-BMP, MJ-only, unidentified vendor), for storage round trips.
     */
    public ResidentBuilder withEveryItemFilled() {
        String odd = Fixtures.KATSURA_WITH_IVS + Fixtures.TSUCHIYOSHI + Fixtures.MJ_ONLY + Fixtures.UNIDENTIFIED_VENDOR;
        named(odd + "　太郎");
        withNameKana("ヤマダ　タロウ");
        withFormerSurname("旧" + odd, "キュウ");
        withAlias("通称" + odd);
        female();
        withRelationship("妻{U+007B}");
        livingAt("福岡県久留米市" + odd + "町1番地");
        withAddressSupplement("城南マンション101号");
        withDomicile("福岡県久留米市" + odd + "町2番地", odd + "　一郎");
        becameResidentOn(LocalDate.of(1990, 5, 6));
        addressSetOn(LocalDate.of(2001, 2, 3));
        notifiedOn(LocalDate.of(2001, 2, 10));
        movedInFrom("東京都千代田区" + odd + "1丁目");
        previouslyLivingAt("福岡県久留米市旧町3番地");
        enteredBecause("転入");
        withIndividualNumber("12345678901");
        withResidentRecordCode("1234567890");
        planningToMoveOut();
        withForeignItems(new ForeignResidentItems(
                PrintedText.parse("国" + odd),
                LocalDate.of(2019, 10, 1),
                "特別永住者",
                PrintedText.parse("在留" + odd),
                "5年",
                Optional.of(LocalDate.of(2029, 9, 30)),
                "SP1234567890"));
        return version(Long.MAX_VALUE - 1);
    }

    public Resident build() {
        return new Resident(new PersonKey(key), new HouseholdId(household), name, nameKana, formerSurname,
                formerSurnameKana, alias, birthDate, sex, relationship, address, addressSupplement, domicile,
                domicileHead, becameResidentOn, addressSetOn, notifiedOn, addressBeforeMoveIn, addressBeforeChange,
                entryReason, individualNumber, residentRecordCode, status, foreign, version);
    }
}
