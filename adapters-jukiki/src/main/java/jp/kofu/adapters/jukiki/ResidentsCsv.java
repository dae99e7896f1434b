package jp.kofu.adapters.jukiki;

import java.time.LocalDate;
import java.util.Map;
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
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.CodeTable;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.Representable;

/** {@code residents.csv}: one row per person of the resident record (住民), see docs/formats/residents.csv.md. */
final class ResidentsCsv {

    static final Layout LAYOUT = new Layout(JukikiLayout.RESIDENTS, JukikiLayout.fileName(JukikiLayout.RESIDENTS));
    static final int OP = LAYOUT.operation("op");
    static final int PERSON_KEY = LAYOUT.required("person_key");
    static final int HOUSEHOLD_ID = LAYOUT.required("household_id");
    static final int NAME = LAYOUT.required("name");
    static final int NAME_KANA = LAYOUT.optional("name_kana");
    static final int FORMER_SURNAME = LAYOUT.optional("former_surname");
    static final int FORMER_SURNAME_KANA = LAYOUT.optional("former_surname_kana");
    static final int ALIAS = LAYOUT.optional("alias");
    static final int BIRTH_DATE = LAYOUT.required("birth_date");
    static final int SEX = LAYOUT.required("sex");
    static final int RELATIONSHIP = LAYOUT.optional("relationship");
    static final int ADDRESS = LAYOUT.required("address");
    static final int ADDRESS_SUPPLEMENT = LAYOUT.optional("address_supplement");
    static final int DOMICILE = LAYOUT.optional("domicile");
    static final int DOMICILE_HEAD = LAYOUT.optional("domicile_head");
    static final int BECAME_RESIDENT_ON = LAYOUT.optional("became_resident_on");
    static final int ADDRESS_SET_ON = LAYOUT.optional("address_set_on");
    static final int NOTIFIED_ON = LAYOUT.optional("notified_on");
    static final int ADDRESS_BEFORE_MOVE_IN = LAYOUT.optional("address_before_move_in");
    static final int ADDRESS_BEFORE_CHANGE = LAYOUT.optional("address_before_change");
    static final int ENTRY_REASON = LAYOUT.optional("entry_reason");
    static final int INDIVIDUAL_NUMBER = LAYOUT.optional("individual_number");
    static final int RESIDENT_RECORD_CODE = LAYOUT.optional("resident_record_code");
    static final int STATUS = LAYOUT.required("status");
    static final int NATIONALITY = LAYOUT.optional("nationality");
    static final int BECAME_FOREIGN_RESIDENT_ON = LAYOUT.optional("became_foreign_resident_on");
    static final int ARTICLE_30_45_CATEGORY = LAYOUT.optional("article_30_45_category");
    static final int RESIDENCE_STATUS = LAYOUT.optional("residence_status");
    static final int PERIOD_OF_STAY = LAYOUT.optional("period_of_stay");
    static final int STAY_EXPIRES_ON = LAYOUT.optional("stay_expires_on");
    static final int RESIDENCE_CARD_NUMBER = LAYOUT.optional("residence_card_number");
    static final int VERSION = LAYOUT.required("version");

    private static final int[] FOREIGN_COLUMNS = {NATIONALITY, BECAME_FOREIGN_RESIDENT_ON, ARTICLE_30_45_CATEGORY,
        RESIDENCE_STATUS, PERIOD_OF_STAY, STAY_EXPIRES_ON, RESIDENCE_CARD_NUMBER};

    static final CodeTable<Sex> SEX_CODES = CodeTable.of(Map.entry("1", Sex.MALE), Map.entry("2", Sex.FEMALE));
    static final CodeTable<ResidentStatus> STATUS_CODES = CodeTable.of(Map.entry("resident", ResidentStatus.RESIDENT),
            Map.entry("move_out_planned", ResidentStatus.MOVE_OUT_PLANNED), Map.entry("removed", ResidentStatus.REMOVED));

    private ResidentsCsv() {
    }

    /** The row as a resident, or null when a problem was reported. */
    static Resident parse(Cells c) {
        PersonKey key = c.personKey(PERSON_KEY);
        HouseholdId household = c.householdId(HOUSEHOLD_ID);
        PrintedText name = c.text(NAME, true);
        PrintedText nameKana = c.text(NAME_KANA, false);
        PrintedText formerSurname = c.text(FORMER_SURNAME, false);
        PrintedText formerSurnameKana = c.text(FORMER_SURNAME_KANA, false);
        PrintedText alias = c.text(ALIAS, false);
        LocalDate birthDate = c.personalDate(BIRTH_DATE);
        Sex sex = c.code(SEX, SEX_CODES);
        PrintedText relationship = c.vocabularyText(RELATIONSHIP, false);
        PrintedText address = c.repeatedText(ADDRESS, true);
        PrintedText addressSupplement = c.repeatedText(ADDRESS_SUPPLEMENT, false);
        PrintedText domicile = c.repeatedText(DOMICILE, false);
        PrintedText domicileHead = c.repeatedText(DOMICILE_HEAD, false);
        Optional<LocalDate> becameResidentOn = c.optionalDate(BECAME_RESIDENT_ON);
        Optional<LocalDate> addressSetOn = c.optionalDate(ADDRESS_SET_ON);
        Optional<LocalDate> notifiedOn = c.optionalDate(NOTIFIED_ON);
        PrintedText addressBeforeMoveIn = c.repeatedText(ADDRESS_BEFORE_MOVE_IN, false);
        PrintedText addressBeforeChange = c.repeatedText(ADDRESS_BEFORE_CHANGE, false);
        PrintedText entryReason = c.vocabularyText(ENTRY_REASON, false);
        Optional<IndividualNumber> individualNumber = individualNumber(c);
        Optional<ResidentRecordCode> residentRecordCode = residentRecordCode(c);
        ResidentStatus status = c.code(STATUS, STATUS_CODES);
        Optional<ForeignResidentItems> foreign = foreign(c);
        long version = c.version(VERSION);
        if (!c.rowOk()) {
            return null;
        }
        return new Resident(key, household, name, nameKana, formerSurname, formerSurnameKana, alias, birthDate, sex,
                relationship, address, addressSupplement, domicile, domicileHead, becameResidentOn, addressSetOn,
                notifiedOn, addressBeforeMoveIn, addressBeforeChange, entryReason, individualNumber,
                residentRecordCode, status, foreign, version);
    }

    private static Optional<IndividualNumber> individualNumber(Cells c) {
        String value = c.raw(INDIVIDUAL_NUMBER);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() != 12 || !allDigits(value)) {
            c.problem(INDIVIDUAL_NUMBER, "malformed individual number (expected 12 digits; the value is not shown)");
            return Optional.empty();
        }
        try {
            return Optional.of(new IndividualNumber(value));
        } catch (IllegalArgumentException e) {
            c.problem(INDIVIDUAL_NUMBER, "individual number has a wrong check digit (the value is not shown)");
            return Optional.empty();
        }
    }

    private static Optional<ResidentRecordCode> residentRecordCode(Cells c) {
        String value = c.raw(RESIDENT_RECORD_CODE);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() != 11 || !allDigits(value)) {
            c.problem(RESIDENT_RECORD_CODE, "malformed resident record code (expected 11 digits; the value is not shown)");
            return Optional.empty();
        }
        try {
            return Optional.of(new ResidentRecordCode(value));
        } catch (IllegalArgumentException e) {
            c.problem(RESIDENT_RECORD_CODE, "resident record code has a wrong check digit (the value is not shown)");
            return Optional.empty();
        }
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    /** The foreign-resident items: present when any of their columns holds a value. */
    private static Optional<ForeignResidentItems> foreign(Cells c) {
        boolean any = false;
        for (int column : FOREIGN_COLUMNS) {
            any |= !c.isEmpty(column);
        }
        if (!any) {
            return Optional.empty();
        }
        boolean complete = true;
        for (int column : new int[] {NATIONALITY, BECAME_FOREIGN_RESIDENT_ON, ARTICLE_30_45_CATEGORY}) {
            if (c.isEmpty(column)) {
                c.problem(column, "required for a foreign resident (other foreign-resident columns are filled)");
                complete = false;
            }
        }
        if (!complete) {
            return Optional.empty();
        }
        PrintedText nationality = c.vocabularyText(NATIONALITY, true);
        LocalDate became = c.date(BECAME_FOREIGN_RESIDENT_ON);
        String category = c.plain(ARTICLE_30_45_CATEGORY, true);
        PrintedText residenceStatus = c.vocabularyText(RESIDENCE_STATUS, false);
        String periodOfStay = c.plain(PERIOD_OF_STAY, false);
        Optional<LocalDate> expires = c.optionalDate(STAY_EXPIRES_ON);
        String cardNumber = c.plain(RESIDENCE_CARD_NUMBER, false);
        if (nationality == null || became == null || category == null || periodOfStay == null || cardNumber == null) {
            return Optional.empty();
        }
        return Optional.of(new ForeignResidentItems(nationality, became, category, residenceStatus, periodOfStay,
                expires, cardNumber));
    }

    /** The resident as a row of {@link #LAYOUT}'s columns. */
    static String[] format(Resident r) {
        String[] row = new String[LAYOUT.size()];
        Object key = r;
        row[OP] = "";
        row[PERSON_KEY] = r.key().value();
        row[HOUSEHOLD_ID] = r.household().value();
        row[NAME] = Representable.requiredText(r.name(), "name", key);
        row[NAME_KANA] = Representable.text(r.nameKana());
        row[FORMER_SURNAME] = Representable.text(r.formerSurname());
        row[FORMER_SURNAME_KANA] = Representable.text(r.formerSurnameKana());
        row[ALIAS] = Representable.text(r.alias());
        row[BIRTH_DATE] = Representable.date(r.birthDate(), "birth_date", key);
        row[SEX] = SEX_CODES.codeOf(r.sex());
        row[RELATIONSHIP] = Representable.text(r.relationship());
        row[ADDRESS] = Representable.requiredText(r.address(), "address", key);
        row[ADDRESS_SUPPLEMENT] = Representable.text(r.addressSupplement());
        row[DOMICILE] = Representable.text(r.domicile());
        row[DOMICILE_HEAD] = Representable.text(r.domicileHead());
        row[BECAME_RESIDENT_ON] = Representable.date(r.becameResidentOn(), "became_resident_on", key);
        row[ADDRESS_SET_ON] = Representable.date(r.addressSetOn(), "address_set_on", key);
        row[NOTIFIED_ON] = Representable.date(r.notifiedOn(), "notified_on", key);
        row[ADDRESS_BEFORE_MOVE_IN] = Representable.text(r.addressBeforeMoveIn());
        row[ADDRESS_BEFORE_CHANGE] = Representable.text(r.addressBeforeChange());
        row[ENTRY_REASON] = Representable.text(r.entryReason());
        row[INDIVIDUAL_NUMBER] = r.individualNumber().map(IndividualNumber::value).orElse("");
        row[RESIDENT_RECORD_CODE] = r.residentRecordCode().map(ResidentRecordCode::value).orElse("");
        row[STATUS] = STATUS_CODES.codeOf(r.status());
        ForeignResidentItems f = r.foreign().orElse(null);
        if (f == null) {
            for (int column : FOREIGN_COLUMNS) {
                row[column] = "";
            }
        } else {
            row[NATIONALITY] = Representable.requiredText(f.nationality(), "nationality", key);
            row[BECAME_FOREIGN_RESIDENT_ON] = Representable.date(f.becameForeignResidentOn(),
                    "became_foreign_resident_on", key);
            row[ARTICLE_30_45_CATEGORY] = Representable.requiredPlain(f.article30_45Category(),
                    "article_30_45_category", key);
            row[RESIDENCE_STATUS] = Representable.text(f.residenceStatus());
            row[PERIOD_OF_STAY] = Representable.plain(f.periodOfStay(), "period_of_stay", key);
            row[STAY_EXPIRES_ON] = Representable.date(f.stayExpiresOn(), "stay_expires_on", key);
            row[RESIDENCE_CARD_NUMBER] = Representable.plain(f.residenceCardNumber(), "residence_card_number", key);
        }
        row[VERSION] = Long.toString(r.version());
        return row;
    }

}
