package jp.kofu.core.replica.domain;

import java.util.List;

/**
 * One kind of record the replica (証明用データベース) holds — an entity (エンティティ) — as a typed token, so that
 * a port can enumerate the records of any entity through one method. The names are the entity names of
 * the batch manifests ({@code docs/formats/README.md}); a seal's image and a tax record's dependants are
 * part of their record, not entities of their own.
 *
 * @param <R> the record type
 */
public final class ReplicaEntity<R> {

    /** 住民, keyed by 宛名番号. */
    public static final ReplicaEntity<Resident> RESIDENTS =
            new ReplicaEntity<>("residents", false, Resident.class);
    /** 世帯, keyed by 世帯番号. */
    public static final ReplicaEntity<Household> HOUSEHOLDS =
            new ReplicaEntity<>("households", false, Household.class);
    /** 印鑑登録, keyed by person and 登録番号. */
    public static final ReplicaEntity<SealRegistration> SEALS =
            new ReplicaEntity<>("seals", false, SealRegistration.class);
    /** 発行抑止フラグ, keyed by person, kind and start date. */
    public static final ReplicaEntity<SuppressionFlag> SUPPRESSION_FLAGS =
            new ReplicaEntity<>("suppression_flags", false, SuppressionFlag.class);
    /** 利用者証明用電子証明書の紐付け, keyed by issuer and serial. */
    public static final ReplicaEntity<CardholderLink> CARDHOLDERS =
            new ReplicaEntity<>("cardholders", false, CardholderLink.class);
    /** 個人住民税の課税情報 with its dependants, keyed by person and 年度. */
    public static final ReplicaEntity<TaxRecord> TAX_RECORDS =
            new ReplicaEntity<>("tax_records", true, TaxRecord.class);

    private static final List<ReplicaEntity<?>> ALL =
            List.of(RESIDENTS, HOUSEHOLDS, SEALS, SUPPRESSION_FLAGS, CARDHOLDERS, TAX_RECORDS);

    private final String name;
    private final boolean taxSystem;
    private final Class<R> type;

    private ReplicaEntity(String name, boolean taxSystem, Class<R> type) {
        this.name = name;
        this.taxSystem = taxSystem;
        this.type = type;
    }

    /** Every entity, resident-record entities first, in a fixed order. */
    public static List<ReplicaEntity<?>> all() {
        return ALL;
    }

    /**
     * The entities the tax system (税システム) feeds ({@code true}) or the resident-record system
     * (住民記録システム) feeds ({@code false}), in the order of {@link #all()}.
     */
    public static List<ReplicaEntity<?>> ofTaxSystem(boolean taxSystem) {
        return ALL.stream().filter(e -> e.taxSystem == taxSystem).toList();
    }

    /** The entity of that manifest name, if any. */
    public static java.util.Optional<ReplicaEntity<?>> named(String name) {
        return ALL.stream().filter(e -> e.name.equals(name)).findFirst();
    }

    /** The entity name of manifests and digests, e.g. {@code residents}. */
    public String name() {
        return name;
    }

    /** Whether the tax system feeds the entity (else the resident-record system does). */
    public boolean fromTaxSystem() {
        return taxSystem;
    }

    /** The record type. */
    public Class<R> type() {
        return type;
    }

    /** The entity's records of a content, typed. */
    @SuppressWarnings("unchecked")
    public List<R> recordsOf(ReplicaContent content) {
        Object records = switch (name) {
            case "residents" -> content.residents();
            case "households" -> content.households();
            case "seals" -> content.seals();
            case "suppression_flags" -> content.suppressionFlags();
            case "cardholders" -> content.cardholders();
            case "tax_records" -> content.taxRecords();
            default -> throw new IllegalStateException(name);
        };
        return (List<R>) records;
    }

    @Override
    public String toString() {
        return name;
    }
}
