package jp.kofu.cli.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import jp.kofu.cli.generate.Drafts.FamilyName;
import jp.kofu.cli.generate.Drafts.ForeignDraft;
import jp.kofu.cli.generate.Drafts.HouseholdDraft;
import jp.kofu.cli.generate.Drafts.PersonDraft;
import jp.kofu.cli.generate.Drafts.Role;
import jp.kofu.cli.generate.TownTables.NamePart;
import jp.kofu.cli.generate.TownTables.Town;
import jp.kofu.cli.generate.TownTables.Variant;
import jp.kofu.cli.generate.TownTables.VendorChar;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.Sex;

/**
 * Builds the people and households of one synthetic town (町の人口と世帯の生成): household structures,
 * names, ages, addresses, life events and the rare cases, as {@link Drafts}. One instance per generation;
 * every random draw comes from one {@link SplittableRandom} in a fixed order, so a seed always gives the
 * same town.
 */
final class TownBuilder {

    static final String CITY = "福岡県久留米市";
    /** The day foreign residents entered the 住民基本台帳 (改正住民基本台帳法 施行日). */
    static final LocalDate FOREIGN_RESIDENTS_REGISTERED = LocalDate.of(2012, 7, 9);

    private static final String SPACE = "\u3000";
    private static final int[] HOUSEHOLD_SIZE_WEIGHTS = {0, 380, 280, 160, 120, 45, 12, 4, 2};
    private static final String[] KOAZA = {"中島ノ内八反田", "石垣ノ上寺ノ前", "大石ヶ坪", "井手ノ上宮ノ前"};

    final TownTables t;
    final SplittableRandom rnd;
    final LocalDate ref;
    final int taxYear;
    final LocalDate january1;
    private final int target;

    final List<HouseholdDraft> households = new ArrayList<>();
    final List<PersonDraft> people = new ArrayList<>();
    final Map<String, MjId> vendorUsed = new TreeMap<>();
    private final Set<String> cardNumbers = new HashSet<>();
    private final Weighted<Integer> householdSizes;

    TownBuilder(TownTables tables, int residents, long seed, LocalDate referenceDate, int taxYear) {
        this.t = tables;
        this.target = residents;
        this.rnd = new SplittableRandom(seed);
        this.ref = referenceDate;
        this.taxYear = taxYear;
        this.january1 = LocalDate.of(taxYear, 1, 1);
        Weighted.Builder<Integer> sizes = Weighted.builder();
        for (int s = 1; s < HOUSEHOLD_SIZE_WEIGHTS.length; s++) {
            sizes.add(s, HOUSEHOLD_SIZE_WEIGHTS[s]);
        }
        this.householdSizes = sizes.build();
    }

    /** Runs every pass; afterwards {@link #households} and {@link #people} are complete. */
    void build() {
        createHouseholds();
        ensureNewcomers();
        chooseVeryLongAddresses();
        for (HouseholdDraft h : households) {
            placeAndDate(h);
        }
        variantSurnames();
        mjOnlyNames();
        vendorNames();
        removedAndMovingOut();
    }

    // ---- random helpers ------------------------------------------------------------------------------

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    int between(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    <T> T pick(List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }

    LocalDate dateBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return from;
        }
        long days = ChronoUnit.DAYS.between(from, to);
        return from.plusDays(rnd.nextLong(days + 1));
    }

    /** A birth date giving exactly this age on the reference date. */
    private LocalDate bornAged(int age) {
        return ref.minusYears(age).minusDays(1 + rnd.nextInt(363));
    }

    private static int era(LocalDate birth) {
        int y = birth.getYear();
        return y <= 1945 ? 0 : y <= 1965 ? 1 : y <= 1985 ? 2 : y <= 2005 ? 3 : 4;
    }

    private Sex randomSex() {
        return rnd.nextInt(100) < 51 ? Sex.MALE : Sex.FEMALE;
    }

    private FamilyName surname() {
        NamePart p = t.surnames.pick(rnd);
        return new FamilyName(p.text(), p.reading());
    }

    private FamilyName otherSurname(FamilyName not) {
        for (int i = 0; i < 10; i++) {
            FamilyName f = surname();
            if (!f.text.equals(not.text)) {
                return f;
            }
        }
        return new FamilyName("古賀".equals(not.text) ? "田中" : "古賀", "古賀".equals(not.text) ? "タナカ" : "コガ");
    }

    private NamePart givenName(Sex sex, LocalDate birth, List<PersonDraft> avoid) {
        Weighted<NamePart> names = t.givenNames(sex, era(birth));
        NamePart p = names.pick(rnd);
        for (int i = 0; i < 8 && taken(p, avoid); i++) {
            p = names.pick(rnd);
        }
        return p;
    }

    private static boolean taken(NamePart p, List<PersonDraft> avoid) {
        for (PersonDraft d : avoid) {
            if (p.text().equals(d.given)) {
                return true;
            }
        }
        return false;
    }

    // ---- households ----------------------------------------------------------------------------------

    private void createHouseholds() {
        List<Integer> forcedAt = new ArrayList<>();
        int forcedKinds = target >= 100 ? 4 : 0;
        int expectedHouseholds = Math.max(1, target * 10 / 23);
        for (int k = 0; k < forcedKinds; k++) {
            forcedAt.add(rnd.nextInt(expectedHouseholds));
        }
        int forcedDone = 0;
        while (people.size() < target) {
            int remaining = target - people.size();
            int hi = households.size();
            boolean forcedNow = false;
            for (int k = 0; k < forcedKinds; k++) {
                if ((forcedDone & (1 << k)) == 0 && forcedAt.get(k) <= hi && remaining >= 8) {
                    forcedDone |= 1 << k;
                    forced(k);
                    forcedNow = true;
                    break;
                }
            }
            if (forcedNow) {
                continue;
            }
            if (chance(0.035)) {
                foreignHousehold(remaining);
            } else {
                japaneseHousehold(Math.min(householdSizes.pick(rnd), remaining));
            }
        }
    }

    /** Households every town of 100 or more gets once, so each rare shape is present. */
    private void forced(int kind) {
        switch (kind) {
            case 0 -> nikkeiFamily(4, true);
            case 1 -> koreanFamily(2, true);
            case 2 -> threeGenerations(newHousehold(false), surname(), 7);
            default -> {
                HouseholdDraft h = newHousehold(true);
                intern(h, "LK");
            }
        }
    }

    private HouseholdDraft newHousehold(boolean foreign) {
        HouseholdDraft h = new HouseholdDraft();
        h.index = households.size();
        h.foreign = foreign;
        households.add(h);
        return h;
    }

    private PersonDraft add(HouseholdDraft h, FamilyName fam, Sex sex, LocalDate birth, Role role, String rel) {
        PersonDraft p = new PersonDraft();
        p.index = people.size();
        p.household = h;
        p.family = fam;
        p.sex = sex;
        p.birth = birth;
        p.role = role;
        p.relationship = rel;
        if (fam != null) {
            NamePart g = givenName(sex, birth, h.members);
            p.given = g.text();
            p.givenReading = g.reading();
        }
        people.add(p);
        h.members.add(p);
        return p;
    }

    /** Someone named on a record who does not live here (a 筆頭者 elsewhere or deceased). */
    private PersonDraft absent(FamilyName fam, Sex sex, LocalDate birth) {
        PersonDraft p = new PersonDraft();
        p.family = fam;
        p.sex = sex;
        p.birth = birth;
        NamePart g = givenName(sex, birth, List.of());
        p.given = g.text();
        p.givenReading = g.reading();
        return p;
    }

    private void japaneseHousehold(int size) {
        HouseholdDraft h = newHousehold(false);
        FamilyName fam = surname();
        double r = rnd.nextDouble();
        switch (size) {
            case 1 -> single(h, fam);
            case 2 -> {
                if (r < 0.48) {
                    elderlyCouple(h, fam, 0);
                } else if (r < 0.70) {
                    couple(h, fam, 0, false);
                } else if (r < 0.82) {
                    singleParent(h, fam, 1);
                } else if (r < 0.95) {
                    parentAndAdultChild(h, fam);
                } else {
                    sharers(h, fam);
                }
            }
            case 3 -> {
                if (r < 0.60) {
                    couple(h, fam, 1, false);
                } else if (r < 0.72) {
                    singleParent(h, fam, 2);
                } else if (r < 0.82) {
                    couple(h, fam, 0, true);
                } else {
                    elderlyCouple(h, fam, 1);
                }
            }
            case 4 -> {
                if (r < 0.75) {
                    couple(h, fam, 2, false);
                } else if (r < 0.90) {
                    couple(h, fam, 1, true);
                } else if (r < 0.95) {
                    singleParent(h, fam, 3);
                } else {
                    threeGenerations(h, fam, 4);
                }
            }
            case 5 -> {
                if (r < 0.45) {
                    couple(h, fam, 3, false);
                } else if (r < 0.75) {
                    couple(h, fam, 2, true);
                } else {
                    threeGenerations(h, fam, 5);
                }
            }
            default -> {
                if (r < 0.60) {
                    threeGenerations(h, fam, size);
                } else if (r < 0.85 && size <= 7) {
                    coupleWithBothParents(h, fam, size - 4);
                } else {
                    couple(h, fam, size - 2, false);
                }
            }
        }
    }

    private void single(HouseholdDraft h, FamilyName fam) {
        double r = rnd.nextDouble();
        int age;
        Sex sex;
        if (r < 0.32) {
            age = between(18, 34);
            sex = rnd.nextInt(100) < 55 ? Sex.MALE : Sex.FEMALE;
            h.apartmentShare = 0.8;
            h.longtime = chance(0.25);
        } else if (r < 0.56) {
            age = between(35, 64);
            sex = rnd.nextInt(100) < 55 ? Sex.MALE : Sex.FEMALE;
            h.apartmentShare = 0.45;
            h.longtime = chance(0.5);
        } else {
            double old = rnd.nextDouble();
            age = old < 0.6 ? between(65, 79) : old < 0.92 ? between(80, 89) : between(90, 99);
            sex = rnd.nextInt(100) < 68 ? Sex.FEMALE : Sex.MALE;
            h.apartmentShare = 0.2;
            h.longtime = chance(0.8);
        }
        PersonDraft p = add(h, fam, sex, bornAged(age), Role.HEAD, "世帯主");
        p.student = age <= 22 && chance(0.6);
        if (age >= 65 && sex == Sex.FEMALE && chance(0.8)) {
            p.widowed = true;
            setDomicile(List.of(p), domicile(), absent(fam, Sex.MALE, p.birth.minusYears(between(0, 5))));
        } else if (age < 35 && chance(0.8)) {
            setDomicile(List.of(p), domicile(), absent(fam, Sex.MALE, p.birth.minusYears(between(25, 35))));
        } else {
            setDomicile(List.of(p), domicile(), p);
        }
    }

    private void elderlyCouple(HouseholdDraft h, FamilyName fam, int adultChildren) {
        int husband = chance(0.6) ? between(65, 80) : between(81, 95);
        int wife = Math.max(60, husband - between(0, 7));
        PersonDraft head = add(h, fam, Sex.MALE, bornAged(husband), Role.HEAD, "世帯主");
        PersonDraft spouse = spouse(h, head, wife);
        List<PersonDraft> kids = new ArrayList<>();
        for (int i = 0; i < adultChildren; i++) {
            int age = Math.max(25, wife - between(24, 36) - i * between(2, 4));
            kids.add(add(h, fam, randomSex(), bornAged(age), Role.CHILD, "子"));
        }
        marry(head, spouse, kids);
        setDomicile(h.members, domicile(), head);
        h.apartmentShare = 0.1;
        h.longtime = chance(0.75);
    }

    /** A couple under 65 with children and optionally the head's mother (or father). */
    private void couple(HouseholdDraft h, FamilyName fam, int children, boolean withParent) {
        int[] kidAges = childAges(children, 0, children == 0 ? 0 : 27);
        int motherAge = children == 0 ? between(22, 62) : kidAges[0] + between(23, 38);
        int fatherAge = Math.max(20, motherAge + between(-2, 6));
        boolean femaleHead = chance(0.05);
        PersonDraft head;
        PersonDraft spouse;
        if (femaleHead) {
            head = add(h, fam, Sex.FEMALE, bornAged(motherAge), Role.HEAD, "世帯主");
            spouse = spouse(h, head, fatherAge);
        } else {
            head = add(h, fam, Sex.MALE, bornAged(fatherAge), Role.HEAD, "世帯主");
            spouse = chance(0.012) ? foreignWife(h, head, motherAge) : spouse(h, head, motherAge);
        }
        if (withParent) {
            int parentAge = Math.min(100, Math.max(head.age(ref), spouse.age(ref)) + between(24, 34));
            Sex ps = chance(0.7) ? Sex.FEMALE : Sex.MALE;
            PersonDraft parent = add(h, fam, ps, bornAged(parentAge), Role.PARENT, ps == Sex.FEMALE ? "母" : "父");
            parent.widowed = true;
            setDomicile(List.of(parent), domicile(), ps == Sex.MALE ? parent : absent(fam, Sex.MALE, parent.birth));
        }
        List<PersonDraft> kids = new ArrayList<>();
        for (int age : kidAges) {
            kids.add(add(h, fam, randomSex(), bornAged(age), Role.CHILD, "子"));
        }
        marry(head, spouse, kids);
        List<PersonDraft> register = new ArrayList<>(kids);
        register.add(head);
        if (spouse.foreign == null) {
            register.add(spouse);
        }
        setDomicile(register, domicile(), head);
        h.apartmentShare = children == 0 ? 0.55 : withParent ? 0.05 : 0.3;
        h.longtime = chance(withParent ? 0.85 : 0.5);
    }

    private void coupleWithBothParents(HouseholdDraft h, FamilyName fam, int children) {
        int[] kidAges = childAges(children, 0, 20);
        int wife = kidAges.length == 0 ? between(30, 55) : kidAges[0] + between(24, 36);
        int husband = Math.max(22, wife + between(-1, 5));
        PersonDraft head = add(h, fam, Sex.MALE, bornAged(husband), Role.HEAD, "世帯主");
        PersonDraft spouse = spouse(h, head, wife);
        int fatherAge = Math.min(98, husband + between(25, 34));
        PersonDraft father = add(h, fam, Sex.MALE, bornAged(fatherAge), Role.PARENT, "父");
        PersonDraft mother = add(h, fam, Sex.FEMALE, bornAged(Math.max(husband + 18, fatherAge - between(0, 5))),
                Role.PARENT, "母");
        marry(father, mother, List.of());
        List<PersonDraft> kids = new ArrayList<>();
        for (int age : kidAges) {
            kids.add(add(h, fam, randomSex(), bornAged(age), Role.CHILD, "子"));
        }
        marry(head, spouse, kids);
        List<PersonDraft> register = new ArrayList<>(kids);
        register.add(head);
        register.add(spouse);
        setDomicile(register, domicile(), head);
        setDomicile(List.of(father, mother), domicile(), father);
        h.apartmentShare = 0.02;
        h.longtime = chance(0.9);
    }

    /** Elder couple, their son and his wife, and grandchildren. */
    private void threeGenerations(HouseholdDraft h, FamilyName fam, int size) {
        int grandchildren = Math.max(0, size - 4);
        int[] gAges = childAges(grandchildren, 0, 16);
        int daughterInLaw = (gAges.length == 0 ? between(0, 5) : gAges[0]) + between(24, 36);
        int son = Math.max(22, daughterInLaw + between(-1, 5));
        int headAge = Math.min(95, son + between(24, 34));
        PersonDraft head = add(h, fam, Sex.MALE, bornAged(headAge), Role.HEAD, "世帯主");
        PersonDraft spouse = spouse(h, head, Math.max(son + 18, headAge - between(0, 5)));
        PersonDraft child = add(h, fam, Sex.MALE, bornAged(son), Role.CHILD, "子");
        marry(head, spouse, List.of(child));
        PersonDraft childSpouse = add(h, fam, Sex.FEMALE, bornAged(daughterInLaw), Role.CHILD_SPOUSE, "子の妻");
        List<PersonDraft> grand = new ArrayList<>();
        for (int age : gAges) {
            grand.add(add(h, fam, randomSex(), bornAged(age), Role.GRANDCHILD, "孫"));
        }
        child.spouse = childSpouse;
        childSpouse.spouse = child;
        marry(child, childSpouse, grand);
        setDomicile(List.of(head, spouse), domicile(), head);
        List<PersonDraft> young = new ArrayList<>(grand);
        young.add(child);
        young.add(childSpouse);
        setDomicile(young, chance(0.6) ? head.domicile : domicile(), child);
        h.apartmentShare = 0.02;
        h.longtime = chance(0.9);
    }

    private void singleParent(HouseholdDraft h, FamilyName fam, int children) {
        int[] kidAges = childAges(children, 0, 22);
        Sex sex = chance(0.85) ? Sex.FEMALE : Sex.MALE;
        int age = Math.max(22, kidAges[0] + between(22, 38));
        PersonDraft head = add(h, fam, sex, bornAged(age), Role.HEAD, "世帯主");
        List<PersonDraft> kids = new ArrayList<>();
        for (int a : kidAges) {
            kids.add(add(h, fam, randomSex(), bornAged(a), Role.CHILD, "子"));
        }
        List<PersonDraft> register = new ArrayList<>(kids);
        register.add(head);
        setDomicile(register, domicile(), head);
        h.apartmentShare = 0.6;
        h.longtime = chance(0.45);
    }

    private void parentAndAdultChild(HouseholdDraft h, FamilyName fam) {
        boolean parentIsHead = chance(0.5);
        int parentAge = between(68, 97);
        int childAge = Math.max(30, parentAge - between(24, 38));
        Sex parentSex = chance(0.75) ? Sex.FEMALE : Sex.MALE;
        PersonDraft parent;
        PersonDraft child;
        if (parentIsHead) {
            parent = add(h, fam, parentSex, bornAged(parentAge), Role.HEAD, "世帯主");
            child = add(h, fam, randomSex(), bornAged(childAge), Role.CHILD, "子");
        } else {
            child = add(h, fam, randomSex(), bornAged(childAge), Role.HEAD, "世帯主");
            parent = add(h, fam, parentSex, bornAged(parentAge), Role.PARENT, parentSex == Sex.FEMALE ? "母" : "父");
        }
        parent.widowed = true;
        PersonDraft father = parentSex == Sex.MALE ? parent : absent(fam, Sex.MALE, parent.birth);
        setDomicile(List.of(parent, child), domicile(), father);
        h.apartmentShare = 0.15;
        h.longtime = chance(0.8);
    }

    /** Two unrelated adults sharing a home (同居人), or an unmarried couple (妻（未届）). */
    private void sharers(HouseholdDraft h, FamilyName fam) {
        int age = between(20, 45);
        Sex sex = randomSex();
        PersonDraft head = add(h, fam, sex, bornAged(age), Role.HEAD, "世帯主");
        boolean partner = chance(0.3);
        Sex otherSex = partner ? (sex == Sex.MALE ? Sex.FEMALE : Sex.MALE) : sex;
        String rel = partner ? (otherSex == Sex.FEMALE ? "妻（未届）" : "夫（未届）") : "同居人";
        PersonDraft other = add(h, otherSurname(fam), otherSex, bornAged(Math.max(18, age + between(-5, 5))),
                Role.LODGER, rel);
        setDomicile(List.of(head), domicile(), chance(0.5) ? head : absent(fam, Sex.MALE, head.birth.minusYears(28)));
        setDomicile(List.of(other), domicile(), other);
        h.apartmentShare = 0.85;
        h.longtime = chance(0.2);
    }

    /** Ages of {@code k} children, oldest first, 1–5 years apart. */
    private int[] childAges(int k, int oldestMin, int oldestMax) {
        int[] ages = new int[k];
        if (k == 0) {
            return ages;
        }
        int[] gaps = new int[k];
        int span = 0;
        for (int i = 1; i < k; i++) {
            gaps[i] = between(1, 5);
            span += gaps[i];
        }
        int oldest = Math.max(span, between(oldestMin, oldestMax));
        ages[0] = oldest;
        for (int i = 1; i < k; i++) {
            ages[i] = ages[i - 1] - gaps[i];
        }
        return ages;
    }

    private PersonDraft spouse(HouseholdDraft h, PersonDraft head, int age) {
        Sex sex = head.sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
        PersonDraft s = add(h, head.family, sex, bornAged(Math.max(18, age)), Role.SPOUSE,
                sex == Sex.FEMALE ? "妻" : "夫");
        head.spouse = s;
        s.spouse = head;
        return s;
    }

    /**
     * Records the marriage: the day (before the first child, after both were 18) and, for the one who took
     * the other's surname, sometimes a recorded 旧氏.
     */
    private void marry(PersonDraft a, PersonDraft b, List<PersonDraft> children) {
        a.spouse = b;
        b.spouse = a;
        LocalDate adult = max(a.birth.plusYears(20), b.birth.plusYears(20));
        LocalDate latest = ref.minusDays(30);
        for (PersonDraft c : children) {
            if (c.birth.isBefore(latest)) {
                latest = c.birth.minusDays(between(200, 1200));
            }
        }
        if (latest.isBefore(adult)) {
            latest = adult;
        }
        LocalDate day = dateBetween(max(adult, latest.minusYears(8)), latest);
        // b is always the one who joined: the wife, the husband of a female head, the son's wife
        PersonDraft joined = b;
        joined.marriedOn = day;
        if (joined.foreign == null && joined.family != null && chance(0.10)) {
            FamilyName maiden = otherSurname(joined.family);
            joined.formerSurname = maiden.text;
            joined.formerSurnameReading = maiden.reading;
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private void setDomicile(List<PersonDraft> persons, String domicile, PersonDraft head) {
        for (PersonDraft p : persons) {
            if (p.foreign == null) {
                p.domicile = domicile;
                p.domicileHead = head;
            }
        }
    }

    /** 本籍: often Kurume itself, else somewhere in Kyushu or beyond. */
    private String domicile() {
        if (chance(0.45)) {
            Town town = t.towns.pick(rnd);
            String area = town.form() == Town.Form.AZA ? pick(town.areas()) : "";
            String chome = town.form() == Town.Form.CHOME ? Text.kanji(between(1, town.chome())) + "丁目" : "";
            return CITY + town.name() + area + chome + Text.fullWidth(between(1, 1500)) + "番地";
        }
        return t.places.pick(rnd) + Text.fullWidth(between(1, 2500)) + "番地";
    }

    // ---- foreign households --------------------------------------------------------------------------

    private void foreignHousehold(int remaining) {
        double r = rnd.nextDouble();
        if (r < 0.35 || remaining < 2) {
            HouseholdDraft h = newHousehold(true);
            intern(h, pickCountry(new String[] {"VN", "ID", "MM", "PH"}, new int[] {55, 20, 15, 10}));
        } else if (r < 0.55) {
            student(newHousehold(true));
        } else if (r < 0.65) {
            worker(newHousehold(true), 1);
        } else if (r < 0.75) {
            worker(newHousehold(true), Math.min(remaining, between(2, 4)));
        } else if (r < 0.87) {
            koreanFamily(Math.min(remaining, between(1, 4)), false);
        } else if (r < 0.92) {
            nikkeiFamily(Math.min(remaining, between(2, 5)), false);
        } else {
            permanentFamily(Math.min(remaining, between(1, 4)));
        }
    }

    private String pickCountry(String[] codes, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = rnd.nextInt(total);
        for (int i = 0; i < codes.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return codes[i];
            }
        }
        return codes[codes.length - 1];
    }

    private String nationalityName(String code) {
        for (TownTables.Nationality n : t.nationalities.items()) {
            if (n.code().equals(code)) {
                return n.name();
            }
        }
        throw new IllegalStateException("unknown nationality " + code);
    }

    /** A foreign person; {@code family} (name, reading) is shared within a family, null for a fresh one. */
    private PersonDraft foreigner(HouseholdDraft h, String country, Sex sex, int age, Role role, String rel,
                                  String[] family) {
        PersonDraft p = add(h, null, sex, bornAged(age), role, rel);
        String[] fam = family != null ? family : familyPart(country);
        String[] name = composeName(country, sex, fam);
        for (int i = 0; i < 8 && sameNameInHousehold(h, name[0]); i++) {
            name = composeName(country, sex, fam);
        }
        p.fullName = name[0];
        p.fullNameReading = name[1];
        p.givenReading = name[2];
        ForeignDraft f = new ForeignDraft();
        f.nationalityCode = country;
        f.nationality = nationalityName(country);
        p.foreign = f;
        return p;
    }

    private static boolean sameNameInHousehold(HouseholdDraft h, String name) {
        for (PersonDraft m : h.members) {
            if (name.equals(m.fullName)) {
                return true;
            }
        }
        return false;
    }

    /** The family part of a name: {text, reading}, empty for Myanmar (no family names). */
    private String[] familyPart(String country) {
        List<NamePart> fams = t.foreign(country, "FAMILY");
        if (fams.isEmpty()) {
            return new String[] {"", ""};
        }
        NamePart a = pick(fams);
        if ("BR".equals(country)) {
            StringBuilder text = new StringBuilder(a.text());
            StringBuilder reading = new StringBuilder(a.reading());
            if (chance(0.6)) {
                NamePart link = pick(t.foreign(country, "MIDDLE_M"));
                NamePart b = pick(fams);
                text.append(' ').append(link.text()).append(' ').append(b.text());
                reading.append(SPACE).append(link.reading()).append(SPACE).append(b.reading());
            }
            if (chance(0.4)) {
                NamePart c = pick(fams);
                text.append(' ').append(c.text());
                reading.append(SPACE).append(c.reading());
            }
            return new String[] {text.toString(), reading.toString()};
        }
        return new String[] {a.text(), a.reading()};
    }

    /** {name, reading, reading of the first given name} in the order of the residence card. */
    private String[] composeName(String country, Sex sex, String[] fam) {
        String g = sex == Sex.MALE ? "GIVEN_M" : "GIVEN_F";
        String m = sex == Sex.MALE ? "MIDDLE_M" : "MIDDLE_F";
        NamePart given = pick(t.foreign(country, g));
        String givenReading = Text.beforeSpace(given.reading());
        return switch (country) {
            case "VN" -> {
                NamePart mid = middleNot(country, m, given);
                yield join(" ", fam[0], mid.text(), given.text(), fam[1], mid.reading(), given.reading(), givenReading);
            }
            case "CN", "TW", "KR" -> new String[] {fam[0] + SPACE + given.text(), fam[1] + SPACE + given.reading(),
                    givenReading};
            case "PH" -> {
                NamePart mid = pick(t.foreign(country, m));
                yield new String[] {fam[0] + ", " + given.text() + " " + mid.text(),
                        fam[1] + SPACE + given.reading() + SPACE + mid.reading(), givenReading};
            }
            case "NP" -> {
                if (chance(0.5)) {
                    NamePart mid = pick(t.foreign(country, m));
                    yield join(" ", fam[0], given.text(), mid.text(), fam[1], given.reading(), mid.reading(),
                            givenReading);
                }
                yield new String[] {fam[0] + " " + given.text(), fam[1] + SPACE + given.reading(), givenReading};
            }
            case "ID" -> chance(0.3)
                    ? new String[] {given.text(), given.reading(), givenReading}
                    : new String[] {given.text() + " " + fam[0], given.reading() + SPACE + fam[1], givenReading};
            case "MM" -> {
                NamePart b = middleNot(country, g, given);
                if (chance(0.5)) {
                    NamePart c = middleNot(country, g, b);
                    yield join(" ", given.text(), b.text(), c.text(), given.reading(), b.reading(), c.reading(),
                            givenReading);
                }
                yield new String[] {given.text() + " " + b.text(), given.reading() + SPACE + b.reading(),
                        givenReading};
            }
            case "BR", "US" -> new String[] {fam[0] + ", " + given.text(), fam[1] + SPACE + given.reading(),
                    givenReading};
            default -> new String[] {fam[0] + " " + given.text(), fam[1] + SPACE + given.reading(), givenReading};
        };
    }

    /** A name part that does not repeat the first word of {@code not} (THANH THANH HUONG reads badly). */
    private NamePart middleNot(String country, String part, NamePart not) {
        String first = not.text().split(" ")[0];
        NamePart p = pick(t.foreign(country, part));
        for (int i = 0; i < 8 && p.text().split(" ")[0].equals(first); i++) {
            p = pick(t.foreign(country, part));
        }
        return p;
    }

    private static String[] join(String sep, String a, String b, String c, String ra, String rb, String rc,
                                 String given) {
        return new String[] {a + sep + b + sep + c, ra + SPACE + rb + SPACE + rc, given};
    }

    private void status(PersonDraft p, String status, String period, int periodDays) {
        p.foreign.residenceStatus = status;
        p.foreign.periodOfStay = period;
        p.foreign.periodDays = periodDays;
        p.foreign.cardNumber = cardNumber();
    }

    private void sameStatusAs(PersonDraft p, PersonDraft like, String status) {
        p.foreign.residenceStatus = status;
        p.foreign.periodOfStay = like.foreign.periodOfStay;
        p.foreign.periodDays = like.foreign.periodDays;
        p.foreign.cardNumber = cardNumber();
    }

    /** 在留カード番号: two letters, eight digits, two letters, unique in the town. */
    private String cardNumber() {
        while (true) {
            char[] c = new char[12];
            c[0] = (char) ('A' + rnd.nextInt(26));
            c[1] = (char) ('A' + rnd.nextInt(26));
            for (int i = 2; i < 10; i++) {
                c[i] = (char) ('0' + rnd.nextInt(10));
            }
            c[10] = (char) ('A' + rnd.nextInt(26));
            c[11] = (char) ('A' + rnd.nextInt(26));
            String s = new String(c);
            if (cardNumbers.add(s)) {
                return s;
            }
        }
    }

    private void intern(HouseholdDraft h, String country) {
        PersonDraft p = foreigner(h, country, chance(0.6) ? Sex.MALE : Sex.FEMALE, between(20, 33), Role.HEAD,
                "世帯主", null);
        double r = rnd.nextDouble();
        if (r < 0.3) {
            status(p, "技能実習第１号ロ", "1年", 365);
        } else if (r < 0.7) {
            status(p, "技能実習第２号ロ", chance(0.5) ? "1年" : "2年", 365);
        } else {
            status(p, "特定技能１号", "1年", 365);
        }
        h.dormitory = true;
        h.apartmentShare = 0.3;
        h.newcomerThisYear = chance(0.25);
    }

    private void student(HouseholdDraft h) {
        String country = pickCountry(new String[] {"NP", "VN", "CN", "LK", "MM", "ID"}, new int[] {35, 25, 15, 10, 10, 5});
        PersonDraft p = foreigner(h, country, chance(0.6) ? Sex.MALE : Sex.FEMALE, between(19, 29), Role.HEAD,
                "世帯主", null);
        String[] periods = {"1年3月", "2年3月", "4年3月"};
        int i = rnd.nextInt(3);
        status(p, "留学", periods[i], new int[] {455, 820, 1550}[i]);
        p.student = true;
        h.dormitory = chance(0.4);
        h.apartmentShare = 0.9;
        h.newcomerThisYear = chance(0.2);
    }

    private void worker(HouseholdDraft h, int size) {
        String country = pickCountry(new String[] {"CN", "VN", "NP", "LK", "US", "PH", "TW"},
                new int[] {25, 30, 15, 8, 10, 7, 5});
        int age = between(24, 45);
        PersonDraft head = foreigner(h, country, chance(0.75) ? Sex.MALE : Sex.FEMALE, age, Role.HEAD, "世帯主",
                null);
        int years = new int[] {1, 3, 5}[rnd.nextInt(3)];
        status(head, "US".equals(country) && chance(0.4) ? "教授" : "技術・人文知識・国際業務", years + "年", years * 365);
        String[] fam = familyOf(head, country);
        if (size >= 2) {
            Sex ss = head.sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            boolean keepsOwn = keepsOwnSurname(country);
            PersonDraft s = foreigner(h, country, ss, Math.max(20, age + between(-6, 3)), Role.SPOUSE,
                    ss == Sex.FEMALE ? "妻" : "夫", keepsOwn ? null : fam);
            sameStatusAs(s, head, "家族滞在");
            head.spouse = s;
            s.spouse = head;
            for (int i = 2; i < size; i++) {
                int kidAge = Math.max(0, Math.min(age - 22, between(0, 12)) - (i - 2) * 2);
                PersonDraft c = foreigner(h, country, randomSex(), kidAge, Role.CHILD, "子", fam);
                sameStatusAs(c, head, "家族滞在");
            }
        }
        h.apartmentShare = 0.85;
        h.newcomerThisYear = chance(0.12);
    }

    /** A family came together: straight from abroad, or from another town in Japan. */
    private static void sameOrigin(HouseholdDraft h, boolean fromAbroad) {
        for (PersonDraft p : h.members) {
            p.foreign.fromAbroad = fromAbroad;
        }
    }

    private static boolean keepsOwnSurname(String country) {
        return switch (country) {
            case "VN", "CN", "TW", "KR", "NP", "MM", "LK" -> true;
            default -> false;
        };
    }

    /** The family part that children (and, where the custom is, the spouse) take from this person. */
    private String[] familyOf(PersonDraft p, String country) {
        String name = p.fullName;
        String reading = p.fullNameReading;
        return switch (country) {
            case "CN", "TW", "KR" -> new String[] {Text.beforeSpace(name), Text.beforeSpace(reading)};
            case "VN", "NP", "LK" -> {
                String first = name.substring(0, name.indexOf(' ') < 0 ? name.length() : name.indexOf(' '));
                if ("LK".equals(country) && name.indexOf(' ') > 0) {
                    // Sri Lankan ancestral names often have two words; keep what the name table gave
                    for (NamePart f : t.foreign(country, "FAMILY")) {
                        if (name.startsWith(f.text() + " ")) {
                            yield new String[] {f.text(), f.reading()};
                        }
                    }
                }
                yield new String[] {first, Text.beforeSpace(reading)};
            }
            case "BR", "US", "PH" -> {
                String fam = name.substring(0, name.indexOf(','));
                int words = fam.split(" ").length;
                String[] r = reading.split(SPACE);
                StringBuilder fr = new StringBuilder();
                for (int i = 0; i < words && i < r.length; i++) {
                    fr.append(i == 0 ? "" : SPACE).append(r[i]);
                }
                yield new String[] {fam, fr.toString()};
            }
            case "ID" -> name.indexOf(' ') < 0
                    ? new String[] {name, reading}
                    : new String[] {name.substring(name.lastIndexOf(' ') + 1),
                            reading.substring(reading.lastIndexOf('\u3000') + 1)};
            default -> new String[] {"", ""};
        };
    }

    /** 特別永住者 (or 永住者) of Korean nationality, born in Japan, most with a Japanese 通称. */
    private void koreanFamily(int size, boolean forceAlias) {
        HouseholdDraft h = newHousehold(true);
        boolean special = forceAlias || chance(0.8);
        boolean alias = forceAlias || chance(0.7);
        FamilyName aliasFamily = surname();
        int headAge = size <= 2 ? between(55, 92) : between(35, 55);
        PersonDraft head = foreigner(h, "KR", Sex.MALE, headAge, Role.HEAD, "世帯主", null);
        String[] fam = familyOf(head, "KR");
        List<PersonDraft> all = new ArrayList<>(List.of(head));
        if (size >= 2) {
            PersonDraft s = foreigner(h, "KR", Sex.FEMALE, Math.max(25, headAge - between(0, 6)), Role.SPOUSE, "妻",
                    null);
            head.spouse = s;
            s.spouse = head;
            all.add(s);
            for (int i = 2; i < size; i++) {
                int kidAge = Math.max(0, headAge - between(26, 38) - (i - 2) * 3);
                all.add(foreigner(h, "KR", randomSex(), kidAge, Role.CHILD, "子", fam));
            }
        }
        for (PersonDraft p : all) {
            if (special) {
                p.foreign.category = "特別永住者";
                p.foreign.cardNumber = cardNumber();
            } else {
                status(p, "永住者", "", 0);
            }
            p.foreign.fromAbroad = false;
            if (alias) {
                p.alias = aliasFamily.text + SPACE + givenName(p.sex, p.birth, List.of()).text();
            }
        }
        h.longtime = true;
        h.apartmentShare = 0.3;
    }

    /** A Brazilian family of Japanese descent (日系), 定住者 or 永住者, often with a Japanese 通称. */
    private void nikkeiFamily(int size, boolean forceLongNameAndAlias) {
        HouseholdDraft h = newHousehold(true);
        int headAge = between(30, 55);
        PersonDraft head = foreigner(h, "BR", Sex.MALE, headAge, Role.HEAD, "世帯主", null);
        if (forceLongNameAndAlias) {
            head.fullName = "FERNANDES DA SILVA SANTOS NAKAMURA, RICARDO KENJI";
            head.fullNameReading = "フェルナンデス　ダ　シルバ　サントス　ナカムラ　ヒカルド　ケンジ";
        }
        String[] fam = familyOf(head, "BR");
        List<PersonDraft> all = new ArrayList<>(List.of(head));
        if (size >= 2) {
            PersonDraft s = foreigner(h, "BR", Sex.FEMALE, Math.max(22, headAge - between(-3, 6)), Role.SPOUSE, "妻",
                    fam);
            head.spouse = s;
            s.spouse = head;
            all.add(s);
            for (int i = 2; i < size; i++) {
                int kidAge = Math.max(0, headAge - between(24, 34) - (i - 2) * 2);
                all.add(foreigner(h, "BR", randomSex(), kidAge, Role.CHILD, "子", fam));
            }
        }
        String kanjiFamily = nikkeiKanji(fam[0]);
        boolean alias = forceLongNameAndAlias || kanjiFamily != null && chance(0.5);
        FamilyName aliasFamily = kanjiFamily != null ? new FamilyName(kanjiFamily, "") : surname();
        boolean permanent = chance(0.5);
        for (PersonDraft p : all) {
            if (permanent) {
                status(p, "永住者", "", 0);
            } else {
                int years = chance(0.5) ? 3 : 5;
                status(p, "定住者", years + "年", years * 365);
            }
            if (alias) {
                p.alias = aliasFamily.text + SPACE + givenName(p.sex, p.birth, List.of()).text();
            }
        }
        sameOrigin(h, chance(0.4));
        h.apartmentShare = 0.6;
        h.newcomerThisYear = chance(0.05);
    }

    private static String nikkeiKanji(String family) {
        for (String[] m : new String[][] {{"NAKAMURA", "中村"}, {"HIGA", "比嘉"}, {"YAMASHITA", "山下"},
                {"MATSUMOTO", "松本"}}) {
            if (family.contains(m[0])) {
                return m[1];
            }
        }
        return null;
    }

    private void permanentFamily(int size) {
        HouseholdDraft h = newHousehold(true);
        String country = pickCountry(new String[] {"CN", "PH", "VN", "TW"}, new int[] {45, 30, 15, 10});
        int headAge = between(35, 65);
        PersonDraft head = foreigner(h, country, chance(0.6) ? Sex.MALE : Sex.FEMALE, headAge, Role.HEAD, "世帯主",
                null);
        status(head, "永住者", "", 0);
        String[] fam = familyOf(head, country);
        if (size >= 2) {
            Sex ss = head.sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            PersonDraft s = foreigner(h, country, ss, Math.max(25, headAge + between(-6, 4)), Role.SPOUSE,
                    ss == Sex.FEMALE ? "妻" : "夫", keepsOwnSurname(country) ? null : fam);
            if (chance(0.5)) {
                status(s, "永住者", "", 0);
            } else {
                status(s, "永住者の配偶者等", "3年", 3 * 365);
            }
            head.spouse = s;
            s.spouse = head;
            for (int i = 2; i < size; i++) {
                int kidAge = Math.max(0, headAge - between(26, 36) - (i - 2) * 3);
                PersonDraft c = foreigner(h, country, randomSex(), kidAge, Role.CHILD, "子", fam);
                status(c, "永住者の配偶者等", "3年", 3 * 365);
            }
        }
        sameOrigin(h, chance(0.3));
        h.apartmentShare = 0.5;
    }

    /** A foreign wife of a Japanese head; her 通称 often carries his surname. */
    private PersonDraft foreignWife(HouseholdDraft h, PersonDraft head, int age) {
        String country = pickCountry(new String[] {"PH", "CN", "KR", "VN", "BR"}, new int[] {35, 30, 15, 10, 10});
        PersonDraft s = foreigner(h, country, Sex.FEMALE, Math.max(20, age), Role.SPOUSE, "妻", null);
        if (chance(0.55)) {
            int years = chance(0.5) ? 1 : 3;
            status(s, "日本人の配偶者等", years + "年", years * 365);
        } else {
            status(s, "永住者", "", 0);
        }
        if (chance(0.6)) {
            // her husband's surname with her own given name (in kanji where she has one)
            s.alias = head.family.text + SPACE + ("CN".equals(country) || "KR".equals(country)
                    ? s.fullName.substring(s.fullName.indexOf('\u3000') + 1)
                    : s.givenReading);
        }
        s.foreign.fromAbroad = chance(0.5);
        head.spouse = s;
        s.spouse = head;
        return s;
    }

    // ---- quotas of rare cases ------------------------------------------------------------------------

    /** At least a few adults moved in after 1 January, whatever the draws gave. */
    private void ensureNewcomers() {
        int want = Math.max(2, (int) Math.round(people.size() * 0.004));
        int have = 0;
        for (HouseholdDraft h : households) {
            if (!h.longtime && !h.newcomerThisYear && chance(0.04)) {
                h.newcomerThisYear = true;
            }
            if (h.newcomerThisYear) {
                have += adults(h);
            }
        }
        List<HouseholdDraft> candidates = shuffled(households);
        for (HouseholdDraft h : candidates) {
            if (have >= want) {
                break;
            }
            if (!h.newcomerThisYear && adults(h) > 0 && h.members.size() <= 3) {
                h.newcomerThisYear = true;
                h.longtime = false;
                have += adults(h);
            }
        }
    }

    private int adults(HouseholdDraft h) {
        int n = 0;
        for (PersonDraft p : h.members) {
            if (p.age(ref) >= 18) {
                n++;
            }
        }
        return n;
    }

    private void chooseVeryLongAddresses() {
        int want = Math.max(2, (int) Math.round(households.size() * 0.0008));
        int have = 0;
        for (HouseholdDraft h : shuffled(households)) {
            if (have >= want) {
                break;
            }
            if (!h.dormitory) {
                h.veryLongAddress = true;
                have++;
            }
        }
    }

    <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T tmp = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, tmp);
        }
        return copy;
    }

    // ---- addresses and life events -------------------------------------------------------------------

    private String townAddress(boolean preferAza) {
        Town town = t.towns.pick(rnd);
        if (preferAza) {
            for (int i = 0; i < 20 && town.form() != Town.Form.AZA; i++) {
                town = t.towns.pick(rnd);
            }
        }
        StringBuilder sb = new StringBuilder(32).append(CITY).append(town.name());
        switch (town.form()) {
            case CHOME -> sb.append(Text.kanji(between(1, town.chome()))).append("丁目")
                    .append(Text.fullWidth(between(1, 30))).append('番')
                    .append(Text.fullWidth(between(1, 25))).append('号');
            case BANCHI -> {
                sb.append(Text.fullWidth(between(1, chance(0.7) ? 300 : 1500))).append("番地");
                if (chance(0.6)) {
                    sb.append(Text.fullWidth(between(1, 30)));
                }
            }
            case AZA -> {
                sb.append(pick(town.areas()));
                if (preferAza) {
                    sb.append('字').append(KOAZA[rnd.nextInt(KOAZA.length)]);
                }
                sb.append(Text.fullWidth(between(1, 3000))).append("番地");
                if (chance(0.5) || preferAza) {
                    sb.append(preferAza ? "の" : "").append(Text.fullWidth(between(1, 60)));
                }
            }
        }
        return sb.toString();
    }

    private String apartment(boolean tall) {
        String name;
        double r = rnd.nextDouble();
        if (r < 0.02) {
            name = pick(t.longBuildings);
        } else {
            name = pick(t.buildingPrefixes) + pick(t.buildingCores) + pick(t.buildingSuffixes);
        }
        int floor = tall ? between(1, 14) : between(1, 4);
        String room = Text.fullWidth(floor) + "０" + Text.fullWidth(between(1, 9));
        return name + room + (chance(0.5) ? "号室" : "号");
    }

    private String outsideAddress() {
        String place = t.places.pick(rnd);
        if (chance(0.5)) {
            return place + Text.kanji(between(1, 5)) + "丁目" + Text.fullWidth(between(1, 30)) + "番"
                    + Text.fullWidth(between(1, 25)) + "号";
        }
        return place + Text.fullWidth(between(1, 2000)) + "番地" + (chance(0.5) ? Text.fullWidth(between(1, 20)) : "");
    }

    /** Address, 方書 and every member's dates, consistent with births, arrival and marriages. */
    private void placeAndDate(HouseholdDraft h) {
        PersonDraft head = h.head();
        if (h.veryLongAddress) {
            for (int i = 0; i < 50; i++) {
                h.address = townAddress(true);
                h.supplement = pick(t.extraLongBuildings)
                        + "第" + Text.fullWidth(between(2, 3)) + "期" + Text.fullWidth(between(2, 9)) + "階"
                        + Text.fullWidth(between(2, 9)) + "０" + Text.fullWidth(between(1, 9)) + "号室";
                if (h.address.length() + h.supplement.length() >= 100) {
                    break;
                }
            }
        } else {
            h.address = townAddress(false);
            if (h.dormitory) {
                h.supplement = pick(t.dormitories) + Text.fullWidth(between(1, 3)) + "０" + Text.fullWidth(between(1, 9))
                        + "号室";
            } else if (chance(h.apartmentShare)) {
                h.supplement = apartment(chance(0.3));
            }
        }
        LocalDate oldestAdult = head.birth.plusYears(18);
        if (h.newcomerThisYear) {
            h.longtime = false;
            LocalDate from = max(january1.plusDays(1), oldestAdult);
            h.arrival = dateBetween(from, ref.minusDays(3));
        } else if (!h.longtime) {
            LocalDate earliest = max(oldestAdult, ref.minusYears(h.foreign ? 12 : 30));
            LocalDate latest = january1;
            if (earliest.isAfter(latest)) {
                earliest = latest.minusYears(1);
            }
            // recent arrivals are likelier: square a uniform draw towards the latest day
            long span = ChronoUnit.DAYS.between(earliest, latest);
            double u = rnd.nextDouble();
            h.arrival = latest.minusDays((long) (span * u * u));
        }
        if (!h.longtime) {
            h.movedInFrom = h.foreign ? "" : outsideAddress();
        }
        // the last move within the town (転居), if any
        if (h.longtime) {
            LocalDate from = max(head.birth.plusYears(20), ref.minusYears(35));
            h.addressSetOn = chance(0.25) || from.isAfter(ref.minusDays(10)) ? null : dateBetween(from, ref.minusDays(10));
        } else if (chance(0.25) && h.arrival.isBefore(ref.minusDays(40))) {
            h.addressSetOn = dateBetween(h.arrival.plusDays(30), ref.minusDays(5));
        } else {
            h.addressSetOn = h.arrival;
        }
        if (h.addressSetOn != null && (h.arrival == null || h.addressSetOn.isAfter(h.arrival))) {
            h.previousAddressInTown = townAddress(false) + (chance(0.4) ? SPACE + apartment(false) : "");
        }
        for (PersonDraft p : h.members) {
            dateMember(h, p);
        }
        // a change of head after the older generation's head died (世帯変更)
        if (head.role == Role.HEAD && h.members.size() >= 2 && hasRole(h, Role.PARENT) && chance(0.4)) {
            LocalDate last = ref.minusYears(10);
            for (PersonDraft p : h.members) {
                last = max(last, p.addressSet);
            }
            if (last.isBefore(ref.minusDays(20))) {
                h.householdChangedOn = dateBetween(last.plusDays(1), ref.minusDays(5));
                for (PersonDraft p : h.members) {
                    p.entryReason = "世帯変更";
                    p.notified = notice(h.householdChangedOn);
                }
            }
        }
    }

    private static boolean hasRole(HouseholdDraft h, Role role) {
        for (PersonDraft p : h.members) {
            if (p.role == role) {
                return true;
            }
        }
        return false;
    }

    private LocalDate notice(LocalDate event) {
        LocalDate d = event.plusDays(between(0, 14));
        return d.isAfter(ref) ? ref : d;
    }

    private void dateMember(HouseholdDraft h, PersonDraft p) {
        LocalDate became;
        String reason;
        String from = "";
        boolean foreign = p.foreign != null;
        if (p.marriedOn != null && (h.arrival == null || p.marriedOn.isAfter(h.arrival)) && !p.marriedOn.isAfter(ref)
                && !foreign && chance(0.5)) {
            // married in from elsewhere
            became = p.marriedOn;
            reason = "転入";
            from = outsideAddress();
        } else if (h.arrival == null || p.birth.isAfter(h.arrival)) {
            became = p.birth;
            reason = "出生";
        } else {
            became = h.arrival;
            if (foreign && p.foreign.fromAbroad) {
                reason = "国外転入";
                from = p.foreign.nationality;
            } else {
                reason = "転入";
                from = h.movedInFrom.isEmpty() ? outsideAddress() : h.movedInFrom;
            }
        }
        if (foreign) {
            ForeignDraft f = p.foreign;
            LocalDate inJapan = reason.equals("転入") ? became.minusDays(between(200, 3000)) : became;
            if (inJapan.isBefore(p.birth)) {
                inJapan = p.birth;
            }
            if (inJapan.isBefore(FOREIGN_RESIDENTS_REGISTERED)) {
                inJapan = FOREIGN_RESIDENTS_REGISTERED;
            }
            f.becameForeignResidentOn = inJapan;
            if (became.isBefore(FOREIGN_RESIDENTS_REGISTERED)) {
                // registered under the former alien registration system; the resident record starts in 2012
                became = FOREIGN_RESIDENTS_REGISTERED;
                reason = "職権記載";
                from = "";
                f.becameForeignResidentOn = FOREIGN_RESIDENTS_REGISTERED;
            }
            if (f.periodDays > 0) {
                f.stayExpiresOn = ref.plusDays(between(15, Math.max(16, f.periodDays)));
            }
        }
        p.becameResident = became;
        p.addressBeforeMoveIn = from;
        LocalDate set = h.addressSetOn == null || h.addressSetOn.isBefore(became) ? became : h.addressSetOn;
        p.addressSet = set;
        if (set.isAfter(became)) {
            p.entryReason = "転居";
            p.addressBeforeChange = h.previousAddressInTown.isEmpty() ? townAddress(false) : h.previousAddressInTown;
        } else {
            p.entryReason = reason;
        }
        p.notified = notice(set);
    }

    // ---- name variants -------------------------------------------------------------------------------

    /** About 3 % of the people get an MJ variant (異体字) in their family's surname. */
    private void variantSurnames() {
        int want = Math.max(3, (int) Math.round(people.size() * 0.03));
        int have = 0;
        for (HouseholdDraft h : shuffled(households)) {
            if (have >= want) {
                break;
            }
            if (h.foreign) {
                continue;
            }
            FamilyName fam = h.head().family;
            List<Integer> bases = variantBases(fam.text, Variant.Kind.UCS, Variant.Kind.IVS);
            if (bases.isEmpty()) {
                continue;
            }
            int base = pick(bases);
            List<Variant> options = new ArrayList<>();
            for (Variant v : t.variantsByBase.get(base)) {
                if (v.kind() != Variant.Kind.MJONLY) {
                    options.add(v);
                }
            }
            fam.text = replace(fam.text, base, pick(options).tagged());
            have += sharing(h, fam);
        }
    }

    private List<Integer> variantBases(String text, Variant.Kind... kinds) {
        List<Integer> out = new ArrayList<>();
        text.codePoints().forEach(cp -> {
            List<Variant> vs = t.variantsByBase.get(cp);
            if (vs != null && !out.contains(cp)) {
                for (Variant v : vs) {
                    for (Variant.Kind k : kinds) {
                        if (v.kind() == k) {
                            out.add(cp);
                            return;
                        }
                    }
                }
            }
        });
        return out;
    }

    private static String replace(String text, int codePoint, String with) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (cp == codePoint) {
                sb.append(with);
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static int sharing(HouseholdDraft h, FamilyName fam) {
        int n = 0;
        for (PersonDraft p : h.members) {
            if (p.family == fam) {
                n++;
            }
        }
        return n;
    }

    /** About 0.1 % (at least two) get a character that only an MJ id names. */
    private void mjOnlyNames() {
        int want = Math.max(2, (int) Math.round(people.size() * 0.001));
        int have = 0;
        for (PersonDraft p : shuffled(people)) {
            if (have >= want) {
                break;
            }
            if (p.foreign != null || p.family == null || !p.family.text.equals(plainOf(p.family.text))) {
                continue;
            }
            List<Integer> surnameBases = variantBases(p.family.text, Variant.Kind.MJONLY);
            List<Integer> givenBases = variantBases(p.given, Variant.Kind.MJONLY);
            if (!surnameBases.isEmpty() && chance(0.5)) {
                int base = surnameBases.get(0);
                p.family.text = replace(p.family.text, base, t.variantsByBase.get(base).get(0).tagged());
                have += sharing(p.household, p.family);
            } else if (!givenBases.isEmpty()) {
                int base = givenBases.get(0);
                p.given = replace(p.given, base, t.variantsByBase.get(base).get(0).tagged());
                have++;
            } else {
                NamePart n = pick(p.sex == Sex.MALE ? t.mjOnlyMaleNames : t.mjOnlyFemaleNames);
                p.given = n.text();
                p.givenReading = n.reading();
                have++;
            }
        }
    }

    /** Whether the text holds no tag and no supplementary character (untouched by the earlier passes). */
    private static String plainOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || Character.isSurrogate(c)) {
                return "";
            }
        }
        return text;
    }

    /**
     * About 0.2 % (at least four) get a vendor 外字 instead of a character, taking the codes in turn so that
     * as many codes as the town allows appear (the ground-truth map then covers them). A surname is changed
     * only in small households, where it touches one or two people.
     */
    private void vendorNames() {
        int want = Math.max(4, (int) Math.round(people.size() * 0.002));
        int have = 0;
        List<PersonDraft> order = shuffled(people);
        int[] cursor = new int[t.vendorChars.size()];
        boolean progress = true;
        while (have < want && progress) {
            progress = false;
            for (int i = 0; i < t.vendorChars.size() && have < want; i++) {
                VendorChar v = t.vendorChars.get(i);
                PersonDraft p = null;
                String base = Character.toString(v.base());
                while (cursor[i] < order.size() && p == null) {
                    PersonDraft c = order.get(cursor[i]++);
                    if (c.foreign != null || c.family == null || !c.family.text.equals(plainOf(c.family.text))
                            || !c.given.equals(plainOf(c.given))) {
                        continue;
                    }
                    if (c.family.text.contains(base) && c.household.members.size() <= 2 || c.given.contains(base)) {
                        p = c;
                    }
                }
                if (p == null) {
                    continue;
                }
                progress = true;
                vendorUsed.put(v.code(), v.intended());
                if (p.given.contains(base)) {
                    p.given = replace(p.given, v.base(), v.tagged());
                    have++;
                } else {
                    p.family.text = replace(p.family.text, v.base(), v.tagged());
                    have += sharing(p.household, p.family);
                }
            }
        }
    }

    // ---- statuses ------------------------------------------------------------------------------------

    /** About 1 % removed (消除) and 0.5 % about to move out (転出予定), by person or by whole household. */
    private void removedAndMovingOut() {
        int wantRemoved = Math.max(2, (int) Math.round(people.size() * 0.01));
        int wantMoving = Math.max(2, (int) Math.round(people.size() * 0.005));
        int removed = 0;
        int moving = 0;
        for (HouseholdDraft h : shuffled(households)) {
            if (removed >= wantRemoved && moving >= wantMoving) {
                break;
            }
            boolean whole = chance(0.4) && h.members.size() <= 3;
            if (removed < wantRemoved) {
                if (whole) {
                    for (PersonDraft p : h.members) {
                        p.status = ResidentStatus.REMOVED;
                    }
                    removed += h.members.size();
                    continue;
                }
                PersonDraft p = h.members.size() > 1 ? h.members.get(1 + rnd.nextInt(h.members.size() - 1)) : null;
                if (p != null && (p.age(ref) >= 75 || p.age(ref) >= 18 && p.age(ref) <= 30)) {
                    p.status = ResidentStatus.REMOVED;
                    removed++;
                    continue;
                }
            }
            if (moving < wantMoving) {
                if (whole) {
                    for (PersonDraft p : h.members) {
                        p.status = ResidentStatus.MOVE_OUT_PLANNED;
                    }
                    moving += h.members.size();
                } else if (h.members.size() > 1) {
                    PersonDraft p = h.members.get(1 + rnd.nextInt(h.members.size() - 1));
                    if (p.age(ref) >= 18) {
                        p.status = ResidentStatus.MOVE_OUT_PLANNED;
                        moving++;
                    }
                }
            }
        }
    }
}
