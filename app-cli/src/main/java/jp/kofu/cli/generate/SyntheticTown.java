package jp.kofu.cli.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * A synthetic town (合成の町): the replica content a municipality's resident-record and tax systems would
 * export, plus the ground truth tests need about it. Two towns are equal when all their content is.
 *
 * <p>Parts: {@code tenant} the municipality the content belongs to; {@code seed} the seed it was generated
 * from; {@code referenceDate} the day ages, periods and statuses refer to ("today" in the town);
 * {@code taxYear} the latest fiscal year (年度) of the tax records (the one before is present too);
 * {@code content} residents, households, seals, suppression flags, cardholder links and tax records;
 * {@code peopleByTrait} persons by trait, each list sorted by 宛名番号 (every trait has a list, maybe empty);
 * {@code vendorCharacters} the vendor 外字 codes used in names ({@code U+E011}) → the MJ character each
 * stands for (the answer a 文字同定 must find), sorted by code.
 */
public final class SyntheticTown {

    private final LocalGovernmentCode tenant;
    private final long seed;
    private final LocalDate referenceDate;
    private final int taxYear;
    private final ReplicaContent content;
    private final Map<Trait, List<PersonKey>> peopleByTrait;
    private final Map<String, MjId> vendorCharacters;
    private final Map<PersonKey, Resident> residentsByKey;
    private final Map<PersonKey, CardholderLink> cardsByPerson;

    public SyntheticTown(LocalGovernmentCode tenant, long seed, LocalDate referenceDate, int taxYear,
                         ReplicaContent content, Map<Trait, List<PersonKey>> peopleByTrait,
                         Map<String, MjId> vendorCharacters) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.seed = seed;
        this.referenceDate = Objects.requireNonNull(referenceDate, "referenceDate");
        this.taxYear = taxYear;
        this.content = Objects.requireNonNull(content, "content");
        EnumMap<Trait, List<PersonKey>> traits = new EnumMap<>(Trait.class);
        for (Trait t : Trait.values()) {
            traits.put(t, List.copyOf(peopleByTrait.getOrDefault(t, List.of())));
        }
        this.peopleByTrait = Collections.unmodifiableMap(traits);
        this.vendorCharacters = Collections.unmodifiableMap(new TreeMap<>(vendorCharacters));
        Map<PersonKey, Resident> residents = new HashMap<>(content.residents().size() * 2);
        for (Resident r : content.residents()) {
            residents.put(r.key(), r);
        }
        this.residentsByKey = residents;
        Map<PersonKey, CardholderLink> cards = new HashMap<>(content.cardholders().size() * 2);
        for (CardholderLink c : content.cardholders()) {
            cards.put(c.person(), c);
        }
        this.cardsByPerson = cards;
    }

    public LocalGovernmentCode tenant() {
        return tenant;
    }

    public long seed() {
        return seed;
    }

    public LocalDate referenceDate() {
        return referenceDate;
    }

    public int taxYear() {
        return taxYear;
    }

    public ReplicaContent content() {
        return content;
    }

    public Map<Trait, List<PersonKey>> peopleByTrait() {
        return peopleByTrait;
    }

    public Map<String, MjId> vendorCharacters() {
        return vendorCharacters;
    }

    /** The persons with the trait, sorted by 宛名番号. */
    public List<PersonKey> people(Trait trait) {
        return peopleByTrait.get(trait);
    }

    /** The first person (lowest 宛名番号) with all the traits, if any. */
    public Optional<PersonKey> anyWith(Trait first, Trait... more) {
        outer:
        for (PersonKey k : people(first)) {
            for (Trait t : more) {
                if (Collections.binarySearch(people(t), k) < 0) {
                    continue outer;
                }
            }
            return Optional.of(k);
        }
        return Optional.empty();
    }

    /** Whether the person has the trait. */
    public boolean has(PersonKey person, Trait trait) {
        return Collections.binarySearch(people(trait), person) >= 0;
    }

    /** The resident record of the person. */
    public Optional<Resident> resident(PersonKey person) {
        return Optional.ofNullable(residentsByKey.get(person));
    }

    /** The My Number card link of the person (issuer DN and serial of the test card), if they hold one. */
    public Optional<CardholderLink> cardOf(PersonKey person) {
        return Optional.ofNullable(cardsByPerson.get(person));
    }

    /** What the resident-record system exports: everything but the tax records. */
    public ReplicaContent residentRecordContent() {
        return new ReplicaContent(content.residents(), content.households(), content.seals(),
                content.suppressionFlags(), content.cardholders(), List.of());
    }

    /** What the tax system exports: the tax records only. */
    public ReplicaContent taxContent() {
        return new ReplicaContent(List.of(), List.of(), List.of(), List.of(), List.of(), content.taxRecords());
    }

    /** Counts per trait, for summaries (no personal data). */
    public Map<Trait, Integer> traitCounts() {
        EnumMap<Trait, Integer> out = new EnumMap<>(Trait.class);
        peopleByTrait.forEach((t, l) -> out.put(t, l.size()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntheticTown t && seed == t.seed && taxYear == t.taxYear && tenant.equals(t.tenant)
                && referenceDate.equals(t.referenceDate) && content.equals(t.content)
                && peopleByTrait.equals(t.peopleByTrait) && vendorCharacters.equals(t.vendorCharacters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, seed, referenceDate, taxYear, content.residents().size());
    }

    /** A redacted description: sizes only. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(content.residents().size() + " residents");
        parts.add(content.households().size() + " households");
        parts.add(content.seals().size() + " seals");
        parts.add(content.taxRecords().size() + " tax records");
        return "SyntheticTown[" + tenant + ", seed " + seed + ", " + String.join(", ", parts) + "]";
    }
}
