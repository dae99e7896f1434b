package jp.kofu.cli.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.Sex;

/**
 * The mutable drafts (下書き) the generator fills in several passes before it freezes them into the core's
 * immutable records. Names are kept in PrintedText's tagged form so that a later pass can swap a
 * character for a variant, an MJ-only character or a vendor 外字 in one place.
 */
final class Drafts {

    private Drafts() {
    }

    /** A surname shared by the members of a family: replacing a character here changes all of them. */
    static final class FamilyName {
        String text;
        final String reading;

        FamilyName(String text, String reading) {
            this.text = text;
            this.reading = reading;
        }
    }

    /** The role of a member in the household; the printed 続柄 is a separate label. */
    enum Role { HEAD, SPOUSE, CHILD, PARENT, CHILD_SPOUSE, GRANDCHILD, LODGER }

    /** The foreign-resident items of a draft person. */
    static final class ForeignDraft {
        String nationalityCode;
        String nationality;
        String category = "中長期在留者";
        String residenceStatus = "";
        String periodOfStay = "";
        /** Days of the period, to draw the expiry date; 0 for no period. */
        int periodDays;
        LocalDate stayExpiresOn;
        String cardNumber = "";
        LocalDate becameForeignResidentOn;
        /** Whether the person came straight from abroad (the country is the 転入前住所). */
        boolean fromAbroad = true;
    }

    /** A person being generated. */
    static final class PersonDraft {
        int index;
        HouseholdDraft household;
        /** Japanese-style name: family + given; null for names given whole in {@link #fullName}. */
        FamilyName family;
        String given = "";
        String givenReading = "";
        /** A whole name (foreign names), with its reading. */
        String fullName;
        String fullNameReading;
        Sex sex;
        LocalDate birth;
        String relationship;
        Role role;
        PersonDraft spouse;
        /** The household member who claims this person as a dependant in the tax system, if any. */
        PersonDraft supporter;
        String alias = "";
        String formerSurname = "";
        String formerSurnameReading = "";
        /** 本籍 (empty for foreign residents). */
        String domicile = "";
        /** 筆頭者: a household member or someone living elsewhere (or deceased). */
        PersonDraft domicileHead;
        ForeignDraft foreign;
        /** Joined the household by marriage on this day (null otherwise). */
        LocalDate marriedOn;
        boolean widowed;
        boolean student;
        ResidentStatus status = ResidentStatus.RESIDENT;
        // timeline
        LocalDate becameResident;
        LocalDate addressSet;
        LocalDate notified;
        String entryReason = "";
        String addressBeforeMoveIn = "";
        String addressBeforeChange = "";

        String name() {
            return fullName != null ? fullName : family.text + "\u3000" + given;
        }

        String nameReading() {
            return fullName != null ? fullNameReading : family.reading + "\u3000" + givenReading;
        }

        String surnameText() {
            return family != null ? family.text : "";
        }

        private LocalDate ageDay;
        private int ageOnDay;

        /** Age in whole years on the day; remembers the last day asked (nearly always the reference date). */
        int age(LocalDate day) {
            if (!day.equals(ageDay)) {
                ageOnDay = java.time.Period.between(birth, day).getYears();
                ageDay = day;
            }
            return ageOnDay;
        }
    }

    /** A household being generated. */
    static final class HouseholdDraft {
        int index;
        final List<PersonDraft> members = new ArrayList<>();
        boolean foreign;
        /** Lived in the town for generations: members were born here or married in. */
        boolean longtime;
        /** Moved in after 1 January of the tax year (not resident on the 賦課期日). */
        boolean newcomerThisYear;
        /** Gets a 100+ character address line. */
        boolean veryLongAddress;
        /** Prefers a dormitory as 方書 (technical interns, students). */
        boolean dormitory;
        /** Rough apartment likelihood of the household type. */
        double apartmentShare;
        String address;
        String supplement = "";
        String previousAddressInTown = "";
        String movedInFrom = "";
        LocalDate arrival;
        LocalDate addressSetOn;
        /** The head changed (世帯主変更) on this day, after everything else. */
        LocalDate householdChangedOn;

        PersonDraft head() {
            return members.get(0);
        }
    }
}
