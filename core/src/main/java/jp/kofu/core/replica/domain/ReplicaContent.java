package jp.kofu.core.replica.domain;

import java.util.List;

/**
 * The content of one source's records for a tenant (複製データ): what a full batch carries and what the
 * replica holds. A source fills only its own entities (the resident-record system everything but tax
 * records, the tax system the tax records); the others stay empty.
 */
public record ReplicaContent(
        List<Resident> residents,
        List<Household> households,
        List<SealRegistration> seals,
        List<SuppressionFlag> suppressionFlags,
        List<CardholderLink> cardholders,
        List<TaxRecord> taxRecords) {

    public ReplicaContent {
        residents = List.copyOf(residents);
        households = List.copyOf(households);
        seals = List.copyOf(seals);
        suppressionFlags = List.copyOf(suppressionFlags);
        cardholders = List.copyOf(cardholders);
        taxRecords = List.copyOf(taxRecords);
    }

    public static ReplicaContent empty() {
        return new ReplicaContent(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Both contents together (they come from different sources, so nothing overlaps). */
    public ReplicaContent plus(ReplicaContent other) {
        return new ReplicaContent(
                concat(residents, other.residents),
                concat(households, other.households),
                concat(seals, other.seals),
                concat(suppressionFlags, other.suppressionFlags),
                concat(cardholders, other.cardholders),
                concat(taxRecords, other.taxRecords));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        var all = new java.util.ArrayList<T>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** Total number of records of all entities. */
    public long size() {
        return (long) residents.size() + households.size() + seals.size() + suppressionFlags.size()
                + cardholders.size() + taxRecords.size();
    }
}
