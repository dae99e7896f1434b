package jp.kofu.core.sync.domain;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.SuppressionFlag;

/**
 * The deletions (削除) a delta batch (異動データ) carries: the keys, per entity, of records the source no
 * longer holds. Each entity is keyed exactly as the replica keys it (the source's 宛名番号, 世帯番号,
 * 印鑑登録番号, …), so a deletion names one stored record. A deletion of a record the replica does not hold
 * is a no-op (the source may delete what a later full load already dropped). Deletions carry no version:
 * a replay of the same batch is refused by its sequence number before anything is written.
 *
 * @param residents residents by 宛名番号
 * @param households households by 世帯番号
 * @param seals seal registrations by person and 印鑑登録番号
 * @param suppressionFlags suppression flags by person, kind and start date
 * @param cardholders cardholder links by issuer and serial
 * @param taxRecords tax records by person and fiscal year
 */
public record Deletions(
        Set<PersonKey> residents,
        Set<HouseholdId> households,
        Set<SealKey> seals,
        Set<FlagKey> suppressionFlags,
        Set<CardKey> cardholders,
        Set<TaxKey> taxRecords) {

    public Deletions {
        residents = Set.copyOf(residents);
        households = Set.copyOf(households);
        seals = Set.copyOf(seals);
        suppressionFlags = Set.copyOf(suppressionFlags);
        cardholders = Set.copyOf(cardholders);
        taxRecords = Set.copyOf(taxRecords);
    }

    /** No deletion at all (what full batches carry). */
    public static Deletions none() {
        return new Deletions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Both sets of deletions together. */
    public Deletions plus(Deletions other) {
        return new Deletions(union(residents, other.residents), union(households, other.households),
                union(seals, other.seals), union(suppressionFlags, other.suppressionFlags),
                union(cardholders, other.cardholders), union(taxRecords, other.taxRecords));
    }

    /** Number of deleted keys over all entities. */
    public long size() {
        return (long) residents.size() + households.size() + seals.size() + suppressionFlags.size()
                + cardholders.size() + taxRecords.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        var all = new java.util.HashSet<T>(a);
        all.addAll(b);
        return all;
    }

    /** The key of a seal registration (印鑑登録). */
    public record SealKey(PersonKey person, String registrationNumber) {
        public SealKey {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(registrationNumber, "registrationNumber");
        }
    }

    /** The key of a suppression flag (発行抑止フラグ). */
    public record FlagKey(PersonKey person, SuppressionFlag.Kind kind, LocalDate from) {
        public FlagKey {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
        }
    }

    /** The key of a cardholder link (利用者証明用電子証明書の紐付け). */
    public record CardKey(String issuer, BigInteger serial) {
        public CardKey {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(serial, "serial");
        }
    }

    /** The key of a tax record (課税情報). */
    public record TaxKey(PersonKey person, int fiscalYear) {
        public TaxKey {
            Objects.requireNonNull(person, "person");
        }
    }
}
