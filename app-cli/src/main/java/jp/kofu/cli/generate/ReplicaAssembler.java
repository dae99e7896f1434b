package jp.kofu.cli.generate;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import jp.kofu.cli.generate.Drafts.HouseholdDraft;
import jp.kofu.cli.generate.Drafts.PersonDraft;
import jp.kofu.cli.generate.Drafts.Role;
import jp.kofu.cli.generate.TownTables.VendorChar;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.IndividualNumber;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentRecordCode;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.domain.TaxRecord.Deduction;
import jp.kofu.core.replica.domain.TaxRecord.DeductionKind;
import jp.kofu.core.replica.domain.TaxRecord.Income;
import jp.kofu.core.replica.domain.TaxRecord.IncomeKind;

/**
 * Freezes the drafts into the core's records (複製データの組み立て): residents and households, then the
 * records that hang off them — seal registrations with their 印影, suppression flags, My Number card links
 * and two years of tax records. Continues the builder's random sequence, so it stays deterministic.
 */
final class ReplicaAssembler {

    private static final double[] SEAL_SIZES_MM = {10.5, 12.0, 13.5, 15.0, 16.5, 18.0};
    private static final int[] SEAL_SIZE_WEIGHTS = {2, 4, 5, 4, 2, 1};
    private static final long YEN_1000 = 1_000;
    private static final Deduction BASIC_DEDUCTION = new Deduction(DeductionKind.BASIC, TaxRules.BASIC_DEDUCTION);

    private final TownBuilder b;
    private final TownTables t;
    private final SealImages sealImages;
    private final SplittableRandom rnd;
    private final LocalDate ref;
    private final String issuer;

    private PersonKey[] keys;
    private PrintedText[] names;
    private final List<Resident> residents = new ArrayList<>();
    private final List<Household> householdRecords = new ArrayList<>();
    private final List<SealRegistration> seals = new ArrayList<>();
    private final List<SuppressionFlag> flags = new ArrayList<>();
    private final List<CardholderLink> cards = new ArrayList<>();
    private final List<TaxRecord> taxRecords = new ArrayList<>();
    private final List<String> ruralTownPrefixes = new ArrayList<>();
    /** Repeated short texts (続柄, 記載事由, shared addresses) become one PrintedText each. */
    private final Map<String, PrintedText> texts = new HashMap<>();
    private final PrintedChar[] bmp = new PrintedChar[0x10000];

    ReplicaAssembler(TownBuilder builder, SealImages sealImages, String issuer) {
        this.b = builder;
        this.t = builder.t;
        this.sealImages = sealImages;
        this.rnd = builder.rnd;
        this.ref = builder.ref;
        this.issuer = issuer;
        for (TownTables.Town town : t.towns.items()) {
            if (town.form() == TownTables.Town.Form.AZA) {
                ruralTownPrefixes.add(TownBuilder.CITY + town.name());
            }
        }
    }

    ReplicaContent assemble() {
        int n = b.people.size();
        keys = new PersonKey[n];
        names = new PrintedText[n];
        for (PersonDraft p : b.people) {
            keys[p.index] = new PersonKey(Long.toString(1_000_000_001L + p.index));
            names[p.index] = printed(p.name());
        }
        residentsAndHouseholds();
        seals();
        suppressionFlags();
        cardholders();
        taxRecords();
        texts.clear();
        return new ReplicaContent(residents, householdRecords, seals, flags, cards, taxRecords);
    }

    private PrintedText text(String s) {
        if (s.isEmpty()) {
            return PrintedText.EMPTY;
        }
        PrintedText pt = texts.get(s);
        if (pt == null) {
            pt = printed(s);
            texts.put(s, pt);
        }
        return pt;
    }

    /**
     * A tagged string as PrintedText, sharing one {@link PrintedChar.Ucs} per BMP code point: a 300,000-person
     * town holds some 20 million characters, and one object each would double its memory and GC time.
     * Equal to {@link PrintedText#parse}.
     */
    private PrintedText printed(String s) {
        if (s.isEmpty()) {
            return PrintedText.EMPTY;
        }
        if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
            return PrintedText.parse(s); // MJ and vendor tags: rare
        }
        List<PrintedChar> out = new ArrayList<>(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (i < n) {
                int next = s.codePointAt(i);
                if (next >= 0xE0100 && next <= 0xE01EF || next >= 0xFE00 && next <= 0xFE0F) {
                    out.add(new PrintedChar.VariationSequence(cp, next));
                    i += Character.charCount(next);
                    continue;
                }
            }
            out.add(ucs(cp));
        }
        return PrintedText.of(out);
    }

    private PrintedChar ucs(int cp) {
        if (cp > 0xFFFF) {
            return new PrintedChar.Ucs(cp);
        }
        PrintedChar c = bmp[cp];
        if (c == null) {
            c = new PrintedChar.Ucs(cp);
            bmp[cp] = c;
        }
        return c;
    }

    private PersonKey key(PersonDraft p) {
        return keys[p.index];
    }

    // ---- residents -----------------------------------------------------------------------------------

    private void residentsAndHouseholds() {
        Set<Long> individualNumbers = new HashSet<>(b.people.size() * 2);
        Set<Long> recordCodes = new HashSet<>(b.people.size() * 2);
        for (HouseholdDraft h : b.households) {
            HouseholdId hid = new HouseholdId(Long.toString(2_000_000_001L + h.index));
            householdRecords.add(new Household(hid, names[h.head().index], 1));
            PrintedText address = printed(h.address);
            PrintedText supplement = printed(h.supplement);
            for (PersonDraft p : h.members) {
                Optional<IndividualNumber> number = Optional.empty();
                // a newborn's number is still being issued
                if (p.birth.isBefore(ref.minusDays(20))) {
                    long v = unique(individualNumbers, 100_000_000_000L);
                    number = Optional.of(IndividualNumber.ofElevenDigits(Text.zeroPad(v, 11)));
                }
                ResidentRecordCode code = ResidentRecordCode.ofTenDigits(
                        Text.zeroPad(unique(recordCodes, 10_000_000_000L), 10));
                Optional<ForeignResidentItems> foreign = Optional.empty();
                if (p.foreign != null) {
                    Drafts.ForeignDraft f = p.foreign;
                    foreign = Optional.of(new ForeignResidentItems(text(f.nationality),
                            f.becameForeignResidentOn, f.category, text(f.residenceStatus),
                            f.periodOfStay, Optional.ofNullable(f.stayExpiresOn), f.cardNumber));
                }
                residents.add(new Resident(
                        key(p), hid, names[p.index], printed(p.nameReading()),
                        text(p.formerSurname), text(p.formerSurnameReading),
                        printed(p.alias), p.birth, p.sex, text(p.relationship),
                        address, supplement, text(p.domicile),
                        p.domicileHead == null ? PrintedText.EMPTY : text(p.domicileHead.name()),
                        Optional.of(p.becameResident), Optional.of(p.addressSet), Optional.of(p.notified),
                        text(p.addressBeforeMoveIn), text(p.addressBeforeChange),
                        text(p.entryReason), number, Optional.of(code), p.status, foreign, 1));
            }
        }
    }

    /** A random number below the bound not drawn before (the set only answers membership). */
    private long unique(Set<Long> used, long bound) {
        while (true) {
            long v = rnd.nextLong(bound / 10, bound);
            if (used.add(v)) {
                return v;
            }
        }
    }

    // ---- seals ---------------------------------------------------------------------------------------

    private void seals() {
        int number = 10_000_001;
        for (PersonDraft p : b.people) {
            if (p.age(ref) < 15 || !b.chance(0.6)) {
                continue;
            }
            LocalDate earliest = max(p.birth.plusYears(15), p.becameResident);
            if (!earliest.isBefore(ref)) {
                continue;
            }
            LocalDate registered = b.dateBetween(earliest, ref.minusDays(1));
            SealStatus status;
            if (p.status == ResidentStatus.REMOVED) {
                status = SealStatus.ABOLISHED; // registration ends with the record
            } else {
                double r = rnd.nextDouble();
                status = r < 0.95 ? SealStatus.REGISTERED : r < 0.985 ? SealStatus.ABOLISHED : SealStatus.LOST;
            }
            if (status == SealStatus.REGISTERED && b.chance(0.03) && registered.isAfter(earliest.plusDays(60))) {
                // an older registration, abolished or lost, before the current one
                LocalDate older = b.dateBetween(earliest, registered.minusDays(30));
                seals.add(seal(p, Integer.toString(number++), older,
                        b.chance(0.6) ? SealStatus.ABOLISHED : SealStatus.LOST));
            }
            seals.add(seal(p, Integer.toString(number++), registered, status));
        }
    }

    private SealRegistration seal(PersonDraft p, String number, LocalDate on, SealStatus status) {
        String registeredName;
        String engraved;
        if (p.foreign != null) {
            if (!p.alias.isEmpty()) {
                registeredName = p.alias;
                engraved = Text.beforeSpace(p.alias);
            } else if (p.fullName.indexOf('\u3000') >= 0) {
                registeredName = p.fullName;
                engraved = p.fullName.replace("\u3000", "");
            } else {
                registeredName = p.fullNameReading; // the katakana form of a foreign name
                engraved = Text.beforeSpace(p.fullNameReading);
            }
        } else if (!p.formerSurname.isEmpty() && b.chance(0.3)) {
            registeredName = p.formerSurname + "\u3000" + p.given;
            engraved = p.formerSurname;
        } else {
            registeredName = p.name();
            double r = rnd.nextDouble();
            double givenShare = p.sex == Sex.FEMALE ? 0.18 : 0.03;
            engraved = r < givenShare ? p.given : p.family.text;
        }
        String text = drawable(engraved);
        if (text.isEmpty()) {
            text = drawable(Text.beforeSpace(p.nameReading()));
        }
        if (text.codePointCount(0, text.length()) > 4) {
            text = new String(text.codePoints().limit(4).toArray(), 0, 4);
        }
        double size = SEAL_SIZES_MM[pickIndex(SEAL_SIZE_WEIGHTS)];
        boolean square = (text.hashCode() & 7) == 0;
        return new SealRegistration(key(p), number, sealImages.image(text, square, size),
                text(registeredName), on, status, 1);
    }

    /** The code points a seal engraver would cut for a tagged name: variants by their base character. */
    private String drawable(String tagged) {
        StringBuilder sb = new StringBuilder();
        for (PrintedChar c : PrintedText.parse(tagged).chars()) {
            if (c instanceof PrintedChar.Ucs u) {
                if (u.codePoint() != ' ' && u.codePoint() != ',' && u.codePoint() != '\u3000') {
                    sb.appendCodePoint(u.codePoint());
                }
            } else if (c instanceof PrintedChar.VariationSequence v) {
                sb.appendCodePoint(v.base());
            } else if (c instanceof PrintedChar.MjOnly m) {
                Integer cp = t.mjOnlyBaseCodePoints.get(m.id());
                if (cp != null) {
                    sb.appendCodePoint(cp);
                }
            } else if (c instanceof PrintedChar.UnidentifiedVendor v) {
                for (VendorChar vc : t.vendorChars) {
                    if (vc.code().equals(v.vendorCode())) {
                        sb.appendCodePoint(vc.base());
                    }
                }
            }
        }
        return sb.toString();
    }

    private int pickIndex(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    // ---- suppression flags ---------------------------------------------------------------------------

    /**
     * 支援措置 for about 0.3 % in force (a victim and usually her children), 0.1 % ended, and a few staff stops.
     */
    private void suppressionFlags() {
        int wantActive = Math.max(2, (int) Math.round(b.people.size() * 0.003));
        int wantEnded = Math.max(1, (int) Math.round(b.people.size() * 0.001));
        int active = 0;
        int ended = 0;
        Set<Integer> flagged = new HashSet<>();
        for (HouseholdDraft h : b.shuffled(b.households)) {
            if (active >= wantActive && ended >= wantEnded) {
                break;
            }
            PersonDraft head = h.head();
            boolean victimLike = head.sex == Sex.FEMALE && head.age(ref) >= 18 && head.age(ref) < 65
                    && head.spouse == null && head.status != ResidentStatus.REMOVED;
            if (!victimLike) {
                continue;
            }
            boolean inForce = active < wantActive;
            LocalDate from = b.dateBetween(ref.minusYears(5), ref.minusDays(30));
            if (from.isBefore(head.becameResident)) {
                from = head.becameResident;
            }
            Optional<LocalDate> until;
            if (inForce) {
                // one year at a time, renewed: open-ended or up to the end of the current year
                LocalDate end = from.plusYears(1).minusDays(1);
                while (end.isBefore(ref)) {
                    end = end.plusYears(1);
                }
                until = b.chance(0.4) ? Optional.empty() : Optional.of(end);
            } else {
                LocalDate end = from.plusYears(1).minusDays(1);
                if (!end.isBefore(ref)) {
                    end = b.dateBetween(from, ref.minusDays(1));
                }
                until = Optional.of(end);
            }
            List<PersonDraft> covered = new ArrayList<>();
            covered.add(head);
            boolean withChildren = b.chance(0.7);
            for (PersonDraft p : h.members) {
                if (p != head && withChildren && p.role == Role.CHILD) {
                    covered.add(p);
                }
            }
            int added = 0;
            for (PersonDraft p : covered) {
                LocalDate own = from.isBefore(p.birth) ? p.birth : from;
                if (until.isPresent() && until.get().isBefore(own)) {
                    continue; // born after the measure ended
                }
                flags.add(new SuppressionFlag(key(p), SuppressionFlag.Kind.SUPPORT_MEASURE, own, until, 1));
                flagged.add(p.index);
                added++;
            }
            if (inForce) {
                active += added;
            } else {
                ended += added;
            }
        }
        int wantStops = Math.max(2, (int) Math.round(b.people.size() * 0.0005));
        int stops = 0;
        for (PersonDraft p : b.shuffled(b.people)) {
            if (stops >= wantStops) {
                break;
            }
            if (p.status == ResidentStatus.REMOVED || flagged.contains(p.index)) {
                continue;
            }
            LocalDate from = b.dateBetween(ref.minusDays(400), ref.minusDays(1));
            if (from.isBefore(p.birth)) {
                from = p.birth;
            }
            flags.add(new SuppressionFlag(key(p), SuppressionFlag.Kind.STAFF_STOP, from,
                    b.chance(0.5) ? Optional.empty() : Optional.of(ref.plusDays(b.between(1, 180))), 1));
            stops++;
        }
    }

    // ---- cards ---------------------------------------------------------------------------------------

    private void cardholders() {
        Set<Long> serials = new HashSet<>();
        for (PersonDraft p : b.people) {
            if (p.age(ref) >= 15 && p.status != ResidentStatus.REMOVED && b.chance(0.7)) {
                long serial = unique(serials, 1L << 40);
                cards.add(new CardholderLink(issuer, BigInteger.valueOf(serial), key(p), 1));
            }
        }
    }

    // ---- tax -----------------------------------------------------------------------------------------

    /** What a person earns in the income year before the latest tax year; the year before scales it. */
    private static final class Profile {
        long salary;
        long pension;
        long businessRevenue;
        long businessIncome;
        long farmRevenue;
        long farmIncome;
        long rentRevenue;
        long rentIncome;
        boolean unfiled;
        long lifeInsurance;
        long earthquakeInsurance;
        long medical;

        Profile scaled(double f) {
            Profile p = new Profile();
            p.salary = round(salary * f);
            p.pension = round(pension * f);
            p.businessRevenue = round(businessRevenue * f);
            p.businessIncome = round(businessIncome * f);
            p.farmRevenue = round(farmRevenue * f);
            p.farmIncome = round(farmIncome * f);
            p.rentRevenue = round(rentRevenue * f);
            p.rentIncome = round(rentIncome * f);
            p.unfiled = unfiled;
            p.lifeInsurance = lifeInsurance;
            p.earthquakeInsurance = earthquakeInsurance;
            p.medical = medical;
            return p;
        }

        long totalIncome(int ageAtYearEnd) {
            return (salary > 0 ? TaxRules.salaryIncome(salary) : 0)
                    + (pension > 0 ? TaxRules.pensionIncome(pension, ageAtYearEnd) : 0)
                    + businessIncome + farmIncome + rentIncome;
        }
    }

    private static long round(double yen) {
        return Math.max(0, Math.round(yen / YEN_1000)) * YEN_1000;
    }

    private long amount(double lo, double hi) {
        return round(lo + rnd.nextDouble() * (hi - lo));
    }

    private long lognormal(double median, double sigma, double lo, double hi) {
        double v = median * Math.exp(sigma * rnd.nextGaussian());
        return round(Math.max(lo, Math.min(hi, v)));
    }

    private Profile profile(PersonDraft p) {
        Profile pr = new Profile();
        int age = p.age(ref);
        boolean rural = false;
        for (String prefix : ruralTownPrefixes) {
            if (p.household.address.startsWith(prefix)) {
                rural = true;
                break;
            }
        }
        String status = p.foreign == null ? "" : p.foreign.residenceStatus;
        if (status.startsWith("技能実習") || status.startsWith("特定技能")) {
            pr.salary = amount(1_900_000, 2_700_000);
        } else if (status.equals("留学")) {
            pr.salary = b.chance(0.7) ? amount(500_000, 1_400_000) : 0;
        } else if (status.equals("家族滞在")) {
            pr.salary = b.chance(0.3) ? amount(300_000, 1_000_000) : 0;
        } else if (status.equals("技術・人文知識・国際業務") || status.equals("教授")) {
            pr.salary = lognormal(4_200_000, 0.25, 2_800_000, 9_000_000);
        } else if (age >= 65) {
            pr.pension = p.sex == Sex.MALE ? amount(1_500_000, 3_400_000)
                    : p.widowed ? amount(1_200_000, 2_400_000) : amount(700_000, 2_000_000);
            if (age < 75 && b.chance(0.2)) {
                pr.salary = amount(600_000, 2_400_000);
            }
            if (rural && b.chance(0.12)) {
                pr.farmRevenue = amount(1_000_000, 6_000_000);
                pr.farmIncome = round(pr.farmRevenue * (0.15 + 0.2 * rnd.nextDouble()));
            }
            if (b.chance(0.08)) {
                pr.rentRevenue = amount(600_000, 6_000_000);
                pr.rentIncome = round(pr.rentRevenue * (0.3 + 0.3 * rnd.nextDouble()));
            }
        } else if (age <= 22) {
            if (p.student) {
                pr.salary = b.chance(0.6) ? amount(200_000, 1_100_000) : 0;
            } else {
                pr.salary = b.chance(0.8) ? amount(1_800_000, 3_000_000) : 0;
            }
        } else if (p.sex == Sex.MALE) {
            double r = rnd.nextDouble();
            if (r < 0.84) {
                pr.salary = lognormal(4_300_000, 0.35, 2_000_000, 15_000_000);
            } else if (r < 0.95) {
                business(pr);
            } else if (rural && r < 0.98) {
                pr.farmRevenue = amount(2_000_000, 12_000_000);
                pr.farmIncome = round(pr.farmRevenue * (0.15 + 0.25 * rnd.nextDouble()));
            }
        } else {
            boolean married = p.role == Role.SPOUSE || p.role == Role.CHILD_SPOUSE;
            double r = rnd.nextDouble();
            if (married) {
                if (r < 0.35) {
                    pr.salary = amount(500_000, 1_300_000);
                } else if (r < 0.74) {
                    pr.salary = lognormal(3_200_000, 0.3, 1_800_000, 9_000_000);
                } else if (r < 0.80) {
                    business(pr);
                }
            } else if (r < 0.82) {
                pr.salary = lognormal(3_000_000, 0.35, 1_600_000, 10_000_000);
            } else if (r < 0.90) {
                business(pr);
            }
        }
        boolean reported = pr.salary > 0 || pr.pension > 0;
        if (!reported) {
            pr.unfiled = pr.businessRevenue + pr.farmRevenue + pr.rentRevenue == 0 ? b.chance(0.3) : b.chance(0.05);
        }
        if (pr.unfiled) {
            Profile none = new Profile();
            none.unfiled = true;
            return none;
        }
        boolean earns = pr.salary + pr.pension + pr.businessRevenue + pr.farmRevenue + pr.rentRevenue > 0;
        if (earns) {
            pr.lifeInsurance = b.chance(0.55) ? b.between(8, 28) * YEN_1000 : 0;
            pr.earthquakeInsurance = b.chance(0.2) ? b.between(1, 25) * YEN_1000 : 0;
            pr.medical = b.chance(0.05) ? b.between(10, 250) * YEN_1000 : 0;
        }
        return pr;
    }

    private void business(Profile pr) {
        pr.businessRevenue = amount(3_000_000, 25_000_000);
        pr.businessIncome = round(pr.businessRevenue * (0.15 + 0.25 * rnd.nextDouble()));
    }

    private void taxRecords() {
        int n = b.people.size();
        Profile[] latest = new Profile[n];
        Profile[] previous = new Profile[n];
        for (PersonDraft p : b.people) {
            if (p.age(ref) >= 18) {
                latest[p.index] = profile(p);
                previous[p.index] = latest[p.index].scaled(0.92 + 0.14 * rnd.nextDouble());
            }
        }
        PersonDraft[] supporter = supporters();
        List<List<PersonDraft>> supported = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            supported.add(null);
        }
        for (PersonDraft p : b.people) {
            PersonDraft s = supporter[p.index];
            if (s != null) {
                if (supported.get(s.index) == null) {
                    supported.set(s.index, new ArrayList<>());
                }
                supported.get(s.index).add(p);
            }
        }
        for (PersonDraft p : b.people) {
            if (latest[p.index] == null) {
                continue;
            }
            taxRecords.add(record(p, b.taxYear, latest, supported.get(p.index)));
            if (p.age(ref) >= 19) {
                taxRecords.add(record(p, b.taxYear - 1, previous, supported.get(p.index)));
            }
        }
    }

    /** Who claims whom: the head their spouse, children and parents; a married son his wife and children. */
    private PersonDraft[] supporters() {
        PersonDraft[] out = new PersonDraft[b.people.size()];
        for (HouseholdDraft h : b.households) {
            PersonDraft head = h.head();
            PersonDraft marriedChild = null;
            for (PersonDraft m : h.members) {
                if (m.role == Role.CHILD && m.spouse != null && m.spouse.role == Role.CHILD_SPOUSE) {
                    marriedChild = m;
                }
            }
            for (PersonDraft m : h.members) {
                PersonDraft s = switch (m.role) {
                    case SPOUSE -> head.spouse == m ? head : null;
                    case CHILD -> m == marriedChild ? null : head;
                    case GRANDCHILD -> marriedChild != null ? marriedChild : head;
                    case CHILD_SPOUSE -> m.spouse;
                    case PARENT -> head;
                    default -> null;
                };
                out[m.index] = s;
            }
        }
        return out;
    }

    private TaxRecord record(PersonDraft p, int fiscalYear, Profile[] profiles, List<PersonDraft> dependantsOf) {
        LocalDate january1 = LocalDate.of(fiscalYear, 1, 1);
        LocalDate yearEnd = january1.minusDays(1);
        PersonKey key = key(p);
        if (!isResidentOn(p, january1)) {
            return new TaxRecord(key, fiscalYear, false, text(p.addressBeforeMoveIn), false,
                    List.of(), List.of(), 0, 0, 0, List.of(), 1);
        }
        PrintedText address = text(addressOn(p, january1));
        Profile pr = profiles[p.index];
        if (pr.unfiled) {
            return new TaxRecord(key, fiscalYear, true, address, false, List.of(), List.of(), 0, 0, 0, List.of(), 1);
        }
        int age = p.age(yearEnd);
        List<Income> incomes = new ArrayList<>();
        if (pr.salary > 0) {
            incomes.add(new Income(IncomeKind.SALARY, pr.salary, TaxRules.salaryIncome(pr.salary)));
        }
        if (pr.pension > 0) {
            incomes.add(new Income(IncomeKind.PENSION, pr.pension, TaxRules.pensionIncome(pr.pension, age)));
        }
        if (pr.businessRevenue > 0) {
            incomes.add(new Income(IncomeKind.BUSINESS, pr.businessRevenue, pr.businessIncome));
        }
        if (pr.farmRevenue > 0) {
            incomes.add(new Income(IncomeKind.AGRICULTURE, pr.farmRevenue, pr.farmIncome));
        }
        if (pr.rentRevenue > 0) {
            incomes.add(new Income(IncomeKind.REAL_ESTATE, pr.rentRevenue, pr.rentIncome));
        }
        long total = pr.totalIncome(age);
        List<Deduction> deductions = new ArrayList<>();
        long social = pr.salary >= 1_060_000 ? pr.salary * 145 / 1000 : 0;
        social += pr.pension * 9 / 100;
        if (pr.businessRevenue + pr.farmRevenue > 0) {
            social += 200_000 + (pr.businessIncome + pr.farmIncome) / 10;
        }
        if (social > 0) {
            deductions.add(new Deduction(DeductionKind.SOCIAL_INSURANCE, social));
        }
        if (pr.lifeInsurance > 0) {
            deductions.add(new Deduction(DeductionKind.LIFE_INSURANCE, pr.lifeInsurance));
        }
        if (pr.earthquakeInsurance > 0) {
            deductions.add(new Deduction(DeductionKind.EARTHQUAKE_INSURANCE, pr.earthquakeInsurance));
        }
        if (pr.medical > 0) {
            deductions.add(new Deduction(DeductionKind.MEDICAL, pr.medical));
        }
        List<TaxRecord.Dependant> dependants = new ArrayList<>();
        long spouseDeduction = 0;
        long spouseSpecial = 0;
        long dependantDeduction = 0;
        boolean hasChildDependant = false;
        boolean hasSpouse = p.spouse != null && p.spouse.household == p.household;
        if (dependantsOf != null && total > 0) {
            for (PersonDraft d : dependantsOf) {
                if (d.status == ResidentStatus.REMOVED || d.birth.isAfter(yearEnd)) {
                    continue;
                }
                Profile dp = profiles[d.index];
                long income = dp == null || dp.unfiled ? 0 : dp.totalIncome(d.age(yearEnd));
                boolean spouse = d == p.spouse;
                if (income > TaxRules.DEPENDANT_INCOME_LIMIT) {
                    if (spouse && total <= 10_000_000) {
                        spouseSpecial = TaxRules.spouseSpecialDeduction(income);
                    }
                    continue;
                }
                int dAge = d.age(yearEnd);
                if (spouse) {
                    spouseDeduction = dAge >= 70 ? TaxRules.ELDERLY_SPOUSE_DEDUCTION : TaxRules.SPOUSE_DEDUCTION;
                } else {
                    dependantDeduction += TaxRules.dependantDeduction(dAge, d.role == Role.PARENT);
                    hasChildDependant |= d.role == Role.CHILD || d.role == Role.GRANDCHILD;
                }
                boolean filed = dp != null && !dp.unfiled && isResidentOn(d, january1);
                dependants.add(new TaxRecord.Dependant(names[d.index], relationshipFrom(p, d), filed));
            }
        }
        if (spouseDeduction > 0) {
            deductions.add(new Deduction(DeductionKind.SPOUSE, spouseDeduction));
        }
        if (spouseSpecial > 0) {
            deductions.add(new Deduction(DeductionKind.SPOUSE_SPECIAL, spouseSpecial));
        }
        if (dependantDeduction > 0) {
            deductions.add(new Deduction(DeductionKind.DEPENDANT, dependantDeduction));
        }
        boolean singleParent = !hasSpouse && hasChildDependant && total <= 5_000_000;
        boolean widow = !singleParent && p.widowed && p.sex == Sex.FEMALE && total <= 5_000_000;
        if (singleParent) {
            deductions.add(new Deduction(DeductionKind.SINGLE_PARENT, TaxRules.SINGLE_PARENT_DEDUCTION));
        } else if (widow) {
            deductions.add(new Deduction(DeductionKind.WIDOW, TaxRules.WIDOW_DEDUCTION));
        }
        if (total <= 24_000_000) {
            deductions.add(BASIC_DEDUCTION);
        }
        long deductionSum = 0;
        for (Deduction d : deductions) {
            deductionSum += d.amount();
        }
        long taxable = TaxRules.taxableIncome(total, deductionSum);
        long incomeLevy = 0;
        long perCapita = 0;
        if (total > TaxRules.nonTaxableLimit(dependants.size(), singleParent || widow)) {
            incomeLevy = TaxRules.incomeLevy(taxable);
            perCapita = TaxRules.PER_CAPITA_LEVY;
        }
        return new TaxRecord(key, fiscalYear, true, address, true, incomes, deductions, taxable, incomeLevy,
                perCapita, dependants, 1);
    }

    private static boolean isResidentOn(PersonDraft p, LocalDate day) {
        return !p.becameResident.isAfter(day);
    }

    /** 住所 (with 方書) on the day: the current one, or the one before the last move within the town. */
    private static String addressOn(PersonDraft p, LocalDate day) {
        if (p.addressSet.isAfter(day) && !p.addressBeforeChange.isEmpty()) {
            return p.addressBeforeChange;
        }
        HouseholdDraft h = p.household;
        return h.supplement.isEmpty() ? h.address : h.address + "\u3000" + h.supplement;
    }

    private static String relationshipFrom(PersonDraft supporter, PersonDraft d) {
        if (supporter.role == Role.HEAD) {
            return d.relationship;
        }
        if (d == supporter.spouse) {
            return d.sex == Sex.FEMALE ? "妻" : "夫";
        }
        return d.role == Role.GRANDCHILD ? "子" : d.relationship;
    }

    private static LocalDate max(LocalDate a, LocalDate c) {
        return a.isAfter(c) ? a : c;
    }
}
