package jp.kofu.cli.generate;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.sync.domain.Deletions;

/**
 * The delta generator (異動データ生成器): after a synthetic town's full batches, the changes a
 * municipality's systems would send every five minutes — moves within the city (転居), move-ins (転入) with
 * a new household and card, move-outs (転出予定, then 消除 in a later delta), births (出生), deaths (死亡),
 * marriages with the former surname (旧氏), seal registrations and abolitions (印鑑登録・廃止), 支援措置 set
 * and lifted, and tax corrections (更正).
 *
 * <p>Every delta also carries deletions (削除, {@code op} D rows, {@link Delta#jukikiDeletions()},
 * {@link Delta#taxDeletions()}): a card re-issue (カード再交付・更新 — the old serial's cardholder link
 * deleted and a new serial linked to the same person in the same delta), and alternately a 支援措置 flag
 * withdrawn by the source deleting it (odd deltas) or a tax record corrected away by the tax source
 * (課税取消, even deltas). A deleted key is never one upserted in the same delta, and never a record of a person
 * among the first few of a town trait's list (the test cases tests and demos pick), so those keep their
 * records.
 *
 * <p>Deterministic: delta {@code k} depends only on the town, its seed and the deltas before it. Every
 * other change is an upsert with the record's version incremented; the records a delta references
 * (households, persons) exist once the deltas before it are applied on top of the full batch.
 * {@link #content()} reflects both the upserts and the deletions.
 */
public final class DeltaGenerator {

    /** One delta: its number (1 for the first after the full batch), when it was written, and the changed
     * records of each source. */
    public record Delta(int number, Instant createdAt, ReplicaContent jukiki, ReplicaContent tax,
                        Deletions jukikiDeletions, Deletions taxDeletions) {

        /** A delta of upserts only. */
        public Delta(int number, Instant createdAt, ReplicaContent jukiki, ReplicaContent tax) {
            this(number, createdAt, jukiki, tax, Deletions.none(), Deletions.none());
        }
    }

    private static final String[] GIVEN = {"陽翔", "蓮", "湊", "結菜", "陽葵", "凛", "蒼", "紬", "悠真", "芽依"};
    private static final String[] GIVEN_KANA = {"ハルト", "レン", "ミナト", "ユイナ", "ヒマリ", "リン", "アオイ", "ツムギ", "ユウマ", "メイ"};
    private static final String SPACE = "\u3000";

    private final SyntheticTown town;
    private final LocalDate day;
    private final Map<PersonKey, Resident> residents = new LinkedHashMap<>();
    private final List<PersonKey> keys = new ArrayList<>();
    private final Map<HouseholdId, Household> households = new LinkedHashMap<>();
    private final Map<String, SealRegistration> seals = new LinkedHashMap<>();
    private final List<String> sealKeys = new ArrayList<>();
    private final Map<String, SuppressionFlag> flags = new LinkedHashMap<>();
    private final List<String> flagKeys = new ArrayList<>();
    private final Map<String, TaxRecord> taxes = new LinkedHashMap<>();
    private final List<String> taxKeys = new ArrayList<>();
    private final List<CardholderLink> cards = new ArrayList<>();
    private final List<PersonKey> leaving = new ArrayList<>();
    /** How many of each trait's persons (the first, lowest 宛名番号) tests and demos pick by the trait. */
    private static final int PROTECTED_PER_TRAIT = 5;
    /** The first persons of each of the town's traits: their records are never deleted. */
    private final Set<PersonKey> protectedPersons = new HashSet<>();
    private long nextPerson;
    private long nextHousehold;
    private long nextSeal;
    private BigInteger nextSerial;
    private int number;

    /** Starts after the town's full batch. */
    public DeltaGenerator(SyntheticTown town) {
        this.town = town;
        this.day = town.referenceDate();
        ReplicaContent c = town.content();
        long maxPerson = 1_000_000_000L;
        for (Resident r : c.residents()) {
            residents.put(r.key(), r);
            keys.add(r.key());
            maxPerson = Math.max(maxPerson, numeric(r.key().value()));
        }
        long maxHousehold = 2_000_000_000L;
        for (Household h : c.households()) {
            households.put(h.id(), h);
            maxHousehold = Math.max(maxHousehold, numeric(h.id().value()));
        }
        long maxSeal = 0;
        for (SealRegistration s : c.seals()) {
            String key = sealKey(s);
            seals.put(key, s);
            sealKeys.add(key);
            maxSeal = Math.max(maxSeal, numeric(s.registrationNumber()));
        }
        for (SuppressionFlag f : c.suppressionFlags()) {
            String key = flagKey(f);
            flags.put(key, f);
            flagKeys.add(key);
        }
        for (TaxRecord t : c.taxRecords()) {
            String key = t.person().value() + "/" + t.fiscalYear();
            taxes.put(key, t);
            taxKeys.add(key);
        }
        BigInteger maxSerial = BigInteger.valueOf(9_000_000_000L);
        for (CardholderLink l : c.cardholders()) {
            cards.add(l);
            maxSerial = maxSerial.max(l.serial());
        }
        town.peopleByTrait().values().forEach(people -> protectedPersons.addAll(
                people.subList(0, Math.min(PROTECTED_PER_TRAIT, people.size()))));
        nextPerson = maxPerson + 1;
        nextHousehold = maxHousehold + 1;
        nextSeal = Math.max(maxSeal, 900_000) + 1;
        nextSerial = maxSerial.add(BigInteger.ONE);
    }

    /** The next delta; its changes are part of {@link #content()} from then on. */
    public Delta next() {
        number++;
        SplittableRandom random = new SplittableRandom(town.seed() * 1_000_003L + number);
        Changes changes = new Changes();
        // people who announced a move-out in an earlier delta are removed now (転出 completed)
        for (PersonKey k : leaving) {
            Resident r = residents.get(k);
            if (r.status() == ResidentStatus.MOVE_OUT_PLANNED) {
                changes.put(with(r, r.household(), r.name(), r.formerSurname(), r.address(), r.addressBeforeChange(),
                        "転出", ResidentStatus.REMOVED));
            }
        }
        leaving.clear();
        // every kind of change in every delta, at least; a 300,000-person town sees about 60 per 5 minutes
        int events = Math.max(11, residents.size() / 5_000);
        for (int i = 0; i < events; i++) {
            switch ((i + number) % 11) {
                case 0 -> moveWithinCity(random, changes);
                case 1 -> moveIn(random, changes);
                case 2 -> moveOut(random, changes);
                case 3 -> birth(random, changes);
                case 4 -> death(random, changes);
                case 5 -> marriage(random, changes);
                case 6 -> sealRegistered(random, changes);
                case 7 -> sealAbolished(random, changes);
                case 8 -> supportMeasureSet(random, changes);
                case 9 -> supportMeasureLifted(random, changes);
                default -> taxCorrected(random, changes);
            }
        }
        // deletions after the upserts, so the events above draw the same numbers as ever
        cardReissued(random, changes);
        if (number % 2 == 1) {
            supportMeasureWithdrawn(random, changes);
        } else {
            taxRecordWithdrawn(random, changes);
        }
        Instant createdAt = day.atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant().plusSeconds(300L * number);
        ReplicaContent jukiki = new ReplicaContent(List.copyOf(changes.residents.values()),
                List.copyOf(changes.households.values()), List.copyOf(changes.seals.values()),
                List.copyOf(changes.flags.values()), List.copyOf(changes.cards), List.of());
        ReplicaContent tax = new ReplicaContent(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.copyOf(changes.taxes.values()));
        Deletions none = Deletions.none();
        Deletions jukikiDeletions = new Deletions(Set.of(), Set.of(), Set.of(), changes.deletedFlags,
                changes.deletedCards, Set.of());
        Deletions taxDeletions = new Deletions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), changes.deletedTaxes);
        return new Delta(number, createdAt, jukiki, tax, jukikiDeletions.isEmpty() ? none : jukikiDeletions,
                taxDeletions.isEmpty() ? none : taxDeletions);
    }

    /**
     * Takes a resident record changed outside the generator (e.g. by a load test that adds its own changes to
     * a delta) as the current one, so later deltas build on it and carry higher versions.
     *
     * @throws IllegalArgumentException when the person is unknown or the version is not newer
     */
    public void adopt(Resident changed) {
        Resident known = residents.get(changed.key());
        if (known == null || changed.version() <= known.version()) {
            throw new IllegalArgumentException("adopt needs a newer version of a known resident");
        }
        residents.put(changed.key(), changed);
    }

    /**
     * Keeps the persons' records from deletion in the deltas generated from now on (e.g. the holders of a
     * benchmark's test cards, whose card links must keep resolving).
     */
    public void protect(java.util.Collection<PersonKey> persons) {
        protectedPersons.addAll(persons);
    }

    /** The current record of a person (after the deltas generated so far), if the town knows them. */
    public Optional<Resident> resident(PersonKey key) {
        return Optional.ofNullable(residents.get(key));
    }

    /** The state after the deltas generated so far: what a replica holds once they are all applied. */
    public ReplicaContent content() {
        return new ReplicaContent(List.copyOf(residents.values()), List.copyOf(households.values()),
                List.copyOf(seals.values()), List.copyOf(flags.values()), List.copyOf(cards),
                List.copyOf(taxes.values()));
    }

    /** The changed records of one delta, one per key (the latest change wins). */
    private final class Changes {
        final Map<PersonKey, Resident> residents = new LinkedHashMap<>();
        final Map<HouseholdId, Household> households = new LinkedHashMap<>();
        final Map<String, SealRegistration> seals = new LinkedHashMap<>();
        final Map<String, SuppressionFlag> flags = new LinkedHashMap<>();
        final List<CardholderLink> cards = new ArrayList<>();
        final Map<String, TaxRecord> taxes = new LinkedHashMap<>();
        final Set<Deletions.FlagKey> deletedFlags = new HashSet<>();
        final Set<Deletions.CardKey> deletedCards = new HashSet<>();
        final Set<Deletions.TaxKey> deletedTaxes = new HashSet<>();

        void delete(SuppressionFlag f) {
            String key = flagKey(f);
            DeltaGenerator.this.flags.remove(key);
            flagKeys.remove(key);
            deletedFlags.add(new Deletions.FlagKey(f.person(), f.kind(), f.from()));
        }

        void delete(CardholderLink l) {
            DeltaGenerator.this.cards.remove(l);
            deletedCards.add(new Deletions.CardKey(l.issuer(), l.serial()));
        }

        void delete(TaxRecord t) {
            String key = t.person().value() + "/" + t.fiscalYear();
            DeltaGenerator.this.taxes.remove(key);
            taxKeys.remove(key);
            deletedTaxes.add(new Deletions.TaxKey(t.person(), t.fiscalYear()));
        }

        void put(Resident r) {
            if (!DeltaGenerator.this.residents.containsKey(r.key())) {
                keys.add(r.key());
            }
            DeltaGenerator.this.residents.put(r.key(), r);
            residents.put(r.key(), r);
        }

        void put(Household h) {
            DeltaGenerator.this.households.put(h.id(), h);
            households.put(h.id(), h);
        }

        void put(SealRegistration s) {
            String key = sealKey(s);
            if (!DeltaGenerator.this.seals.containsKey(key)) {
                sealKeys.add(key);
            }
            DeltaGenerator.this.seals.put(key, s);
            seals.put(key, s);
        }

        void put(SuppressionFlag f) {
            String key = flagKey(f);
            if (!DeltaGenerator.this.flags.containsKey(key)) {
                flagKeys.add(key);
            }
            DeltaGenerator.this.flags.put(key, f);
            flags.put(key, f);
        }

        void put(CardholderLink l) {
            DeltaGenerator.this.cards.add(l);
            cards.add(l);
        }

        void put(TaxRecord t) {
            String key = t.person().value() + "/" + t.fiscalYear();
            DeltaGenerator.this.taxes.put(key, t);
            taxes.put(key, t);
        }
    }

    private Optional<Resident> anyResident(SplittableRandom random, boolean japaneseOnly) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Resident r = residents.get(keys.get(random.nextInt(keys.size())));
            if (r.status() == ResidentStatus.RESIDENT && (!japaneseOnly || !r.isForeignResident())
                    && r.name().toTagged().contains(SPACE)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private void moveWithinCity(SplittableRandom random, Changes changes) {
        Optional<Resident> mover = anyResident(random, false);
        Optional<Resident> to = anyResident(random, false);
        if (mover.isEmpty() || to.isEmpty() || to.get().address().equals(mover.get().address())) {
            return;
        }
        Resident r = mover.get();
        for (Resident member : List.copyOf(residents.values())) {
            if (member.household().equals(r.household()) && member.status() == ResidentStatus.RESIDENT) {
                changes.put(new Resident(member.key(), member.household(), member.name(), member.nameKana(),
                        member.formerSurname(), member.formerSurnameKana(), member.alias(), member.birthDate(),
                        member.sex(), member.relationship(), to.get().address(), PrintedText.EMPTY, member.domicile(),
                        member.domicileHead(), member.becameResidentOn(), Optional.of(day), Optional.of(day),
                        member.addressBeforeMoveIn(), member.address(), PrintedText.plain("転居"),
                        member.individualNumber(), member.residentRecordCode(), member.status(), member.foreign(),
                        member.version() + 1));
            }
        }
    }

    private void moveIn(SplittableRandom random, Changes changes) {
        Optional<Resident> template = anyResident(random, true);
        Optional<Resident> at = anyResident(random, false);
        if (template.isEmpty() || at.isEmpty()) {
            return;
        }
        Resident t = template.get();
        HouseholdId household = new HouseholdId(Long.toString(nextHousehold++));
        PersonKey key = new PersonKey(Long.toString(nextPerson++));
        Resident r = new Resident(key, household, t.name(), t.nameKana(), PrintedText.EMPTY, PrintedText.EMPTY,
                PrintedText.EMPTY, t.birthDate(), t.sex(), PrintedText.plain("世帯主"), at.get().address(),
                PrintedText.EMPTY, t.domicile(), t.domicileHead(), Optional.of(day), Optional.of(day), Optional.of(day),
                PrintedText.plain("東京都新宿区西新宿二丁目８番１号"), PrintedText.EMPTY, PrintedText.plain("転入"),
                Optional.empty(), Optional.empty(), ResidentStatus.RESIDENT, Optional.empty(), 1);
        changes.put(new Household(household, t.name(), 1));
        changes.put(r);
        changes.put(new CardholderLink(SyntheticTownGenerator.JPKI_USER_AUTHENTICATION_ISSUER, nextSerial, key, 1));
        nextSerial = nextSerial.add(BigInteger.ONE);
    }

    private void moveOut(SplittableRandom random, Changes changes) {
        anyResident(random, false).ifPresent(r -> {
            changes.put(with(r, r.household(), r.name(), r.formerSurname(), r.address(), r.addressBeforeChange(),
                    "転出予定", ResidentStatus.MOVE_OUT_PLANNED));
            leaving.add(r.key());
        });
    }

    private void birth(SplittableRandom random, Changes changes) {
        anyResident(random, true).ifPresent(parent -> {
            int g = random.nextInt(GIVEN.length);
            String surname = surname(parent.name());
            String kanaSurname = surname(parent.nameKana());
            LocalDate born = day.minusDays(3 + random.nextInt(10));
            PersonKey key = new PersonKey(Long.toString(nextPerson++));
            changes.put(new Resident(key, parent.household(), PrintedText.parse(surname + SPACE + GIVEN[g]),
                    PrintedText.parse(kanaSurname.isEmpty() ? GIVEN_KANA[g] : kanaSurname + SPACE + GIVEN_KANA[g]),
                    PrintedText.EMPTY, PrintedText.EMPTY, PrintedText.EMPTY, born,
                    random.nextBoolean() ? Sex.MALE : Sex.FEMALE, PrintedText.plain("子"), parent.address(),
                    parent.addressSupplement(), parent.domicile(), parent.domicileHead(), Optional.of(born),
                    Optional.of(born), Optional.of(day), PrintedText.EMPTY, PrintedText.EMPTY,
                    PrintedText.plain("出生"), Optional.empty(), Optional.empty(), ResidentStatus.RESIDENT,
                    Optional.empty(), 1));
        });
    }

    private void death(SplittableRandom random, Changes changes) {
        anyResident(random, false).ifPresent(r -> changes.put(with(r, r.household(), r.name(), r.formerSurname(),
                r.address(), r.addressBeforeChange(), "死亡", ResidentStatus.REMOVED)));
    }

    private void marriage(SplittableRandom random, Changes changes) {
        Optional<Resident> bride = anyResident(random, true);
        Optional<Resident> spouse = anyResident(random, true);
        if (bride.isEmpty() || spouse.isEmpty() || !bride.get().formerSurname().equals(PrintedText.EMPTY)) {
            return;
        }
        Resident r = bride.get();
        String old = surname(r.name());
        String newSurname = surname(spouse.get().name());
        if (old.equals(newSurname)) {
            return;
        }
        String given = r.name().toTagged().substring(old.length() + 1);
        changes.put(with(r, r.household(), PrintedText.parse(newSurname + SPACE + given), PrintedText.parse(old),
                r.address(), r.addressBeforeChange(), "婚姻", r.status()));
    }

    private void sealRegistered(SplittableRandom random, Changes changes) {
        if (sealKeys.isEmpty()) {
            return;
        }
        SealRegistration sample = seals.get(sealKeys.get(random.nextInt(sealKeys.size())));
        anyResident(random, false).ifPresent(r -> changes.put(new SealRegistration(r.key(),
                Long.toString(nextSeal++), sample.image(), r.name(), day, SealStatus.REGISTERED, 1)));
    }

    private void sealAbolished(SplittableRandom random, Changes changes) {
        for (int attempt = 0; attempt < 20 && !sealKeys.isEmpty(); attempt++) {
            SealRegistration s = seals.get(sealKeys.get(random.nextInt(sealKeys.size())));
            if (s.status() == SealStatus.REGISTERED) {
                changes.put(new SealRegistration(s.person(), s.registrationNumber(), s.image(), s.registeredName(),
                        s.registeredOn(), SealStatus.ABOLISHED, s.version() + 1));
                return;
            }
        }
    }

    private void supportMeasureSet(SplittableRandom random, Changes changes) {
        anyResident(random, false).ifPresent(r -> {
            SuppressionFlag f = new SuppressionFlag(r.key(), SuppressionFlag.Kind.SUPPORT_MEASURE, day,
                    Optional.empty(), 1);
            if (!flags.containsKey(flagKey(f))) {
                changes.put(f);
            }
        });
    }

    private void supportMeasureLifted(SplittableRandom random, Changes changes) {
        for (int attempt = 0; attempt < 20 && !flagKeys.isEmpty(); attempt++) {
            SuppressionFlag f = flags.get(flagKeys.get(random.nextInt(flagKeys.size())));
            if (f.until().isEmpty() && !f.from().isAfter(day)) {
                changes.put(new SuppressionFlag(f.person(), f.kind(), f.from(), Optional.of(day), f.version() + 1));
                return;
            }
        }
    }

    private void taxCorrected(SplittableRandom random, Changes changes) {
        if (taxKeys.isEmpty()) {
            return;
        }
        TaxRecord t = taxes.get(taxKeys.get(random.nextInt(taxKeys.size())));
        long levy = t.incomeLevy() + 100L * (1 + random.nextInt(50));
        changes.put(new TaxRecord(t.person(), t.fiscalYear(), t.residentOnJanuary1(), t.addressOnJanuary1(),
                t.filed(), t.incomes(), t.deductions(), t.taxableIncome(), levy, t.perCapitaLevy(), t.dependants(),
                t.version() + 1));
    }

    /** Whether a record of the person may be deleted in this delta: not a test case's, not changed in it. */
    private boolean deletable(PersonKey person, Changes changes) {
        Resident r = residents.get(person);
        return r != null && r.status() == ResidentStatus.RESIDENT && !protectedPersons.contains(person)
                && !changes.residents.containsKey(person);
    }

    /** カード再交付: the old card's link deleted, a new serial linked to the same person. */
    private void cardReissued(SplittableRandom random, Changes changes) {
        for (int attempt = 0; attempt < 50 && !cards.isEmpty(); attempt++) {
            CardholderLink old = cards.get(random.nextInt(cards.size()));
            if (deletable(old.person(), changes) && !changes.cards.contains(old)) {
                changes.delete(old);
                changes.put(new CardholderLink(old.issuer(), nextSerial, old.person(), 1));
                nextSerial = nextSerial.add(BigInteger.ONE);
                return;
            }
        }
    }

    /** 支援措置 withdrawn: the source deletes the flag rather than ending it. */
    private void supportMeasureWithdrawn(SplittableRandom random, Changes changes) {
        for (int attempt = 0; attempt < 50 && !flagKeys.isEmpty(); attempt++) {
            String key = flagKeys.get(random.nextInt(flagKeys.size()));
            SuppressionFlag f = flags.get(key);
            if (f.kind() == SuppressionFlag.Kind.SUPPORT_MEASURE && deletable(f.person(), changes)
                    && !changes.flags.containsKey(key)) {
                changes.delete(f);
                return;
            }
        }
    }

    /** 課税取消: a tax record (without dependants) corrected away by the tax source. */
    private void taxRecordWithdrawn(SplittableRandom random, Changes changes) {
        for (int attempt = 0; attempt < 50 && !taxKeys.isEmpty(); attempt++) {
            String key = taxKeys.get(random.nextInt(taxKeys.size()));
            TaxRecord t = taxes.get(key);
            if (t.dependants().isEmpty() && deletable(t.person(), changes) && !changes.taxes.containsKey(key)) {
                changes.delete(t);
                return;
            }
        }
    }

    private Resident with(Resident r, HouseholdId household, PrintedText name, PrintedText formerSurname,
                          PrintedText address, PrintedText addressBeforeChange, String reason, ResidentStatus status) {
        return new Resident(r.key(), household, name, r.nameKana(), formerSurname, r.formerSurnameKana(), r.alias(),
                r.birthDate(), r.sex(), r.relationship(), address, r.addressSupplement(), r.domicile(),
                r.domicileHead(), r.becameResidentOn(), r.addressSetOn(), Optional.of(day), r.addressBeforeMoveIn(),
                addressBeforeChange, PrintedText.plain(reason), r.individualNumber(), r.residentRecordCode(), status,
                r.foreign(), r.version() + 1);
    }

    /** The surname part (tagged form) of a name written surname, U+3000, given name; empty when not so. */
    private static String surname(PrintedText name) {
        String tagged = name.toTagged();
        int space = tagged.indexOf(SPACE);
        return space < 0 ? "" : tagged.substring(0, space);
    }

    private static String sealKey(SealRegistration s) {
        return s.person().value() + "/" + s.registrationNumber();
    }

    private static String flagKey(SuppressionFlag f) {
        return f.person().value() + "/" + f.kind() + "/" + f.from();
    }

    private static long numeric(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
