package jp.kofu.core.testing;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaDeltaPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * An in-memory, thread-safe replica (証明用データベース) implementing both {@link ReplicaReadPort} and
 * {@link ReplicaWritePort} with the same rules as the database adapter.
 *
 * <p>Each tenant's data is an immutable value replaced whole by a write (copy on write), so a snapshot is
 * simply the value current when {@link #read} began: consistent, and never blocking a writer. A delta
 * ({@link ReplicaDeltaPort}) is applied the same way, with its sequence compare-and-advance done in the same
 * atomic swap.
 */
public final class InMemoryReplica implements ReplicaReadPort, ReplicaWritePort, ReplicaDeltaPort {

    /** The order {@link Snapshot#seal} chooses among several registrations of one person. */
    static final Comparator<SealRegistration> SEAL_PREFERENCE = Comparator
            .comparing((SealRegistration s) -> s.status() == SealStatus.REGISTERED ? 0 : 1)
            .thenComparing(SealRegistration::registeredOn, Comparator.reverseOrder())
            .thenComparing(SealRegistration::registrationNumber, Comparator.reverseOrder());

    private record CardKey(String issuer, BigInteger serial) {
    }

    private record TaxKey(PersonKey person, int fiscalYear) {
    }

    private record SealKey(PersonKey person, String registrationNumber) {
    }

    private record FlagKey(PersonKey person, SuppressionFlag.Kind kind, LocalDate from) {
    }

    /** What the resident-record system (住民記録システム) feeds, indexed. */
    private record JukikiData(
            Map<PersonKey, Resident> residents,
            Map<HouseholdId, List<Resident>> members,
            Map<HouseholdId, Household> households,
            Map<PersonKey, List<SealRegistration>> seals,
            Map<PersonKey, List<SuppressionFlag>> flags,
            Map<CardKey, PersonKey> cardholders,
            ReplicaContent content) {

        static final JukikiData EMPTY = of(ReplicaContent.empty());

        static JukikiData of(ReplicaContent c) {
            Map<PersonKey, Resident> residents = unique(c.residents(), Resident::key, "residents");
            Map<HouseholdId, List<Resident>> members = new HashMap<>();
            for (Resident r : c.residents()) {
                members.computeIfAbsent(r.household(), h -> new ArrayList<>()).add(r);
            }
            Map<PersonKey, List<SealRegistration>> seals = new HashMap<>();
            unique(c.seals(), s -> new SealKey(s.person(), s.registrationNumber()), "seal registrations");
            for (SealRegistration s : c.seals()) {
                seals.computeIfAbsent(s.person(), p -> new ArrayList<>()).add(s);
            }
            Map<PersonKey, List<SuppressionFlag>> flags = new HashMap<>();
            unique(c.suppressionFlags(), f -> new FlagKey(f.person(), f.kind(), f.from()), "suppression flags");
            for (SuppressionFlag f : c.suppressionFlags()) {
                flags.computeIfAbsent(f.person(), p -> new ArrayList<>()).add(f);
            }
            flags.values().forEach(l -> l.sort(Comparator.comparing(SuppressionFlag::from)
                    .thenComparing(f -> f.kind().name())));
            Map<CardKey, PersonKey> cardholders = new HashMap<>();
            unique(c.cardholders(), l -> new CardKey(l.issuer(), l.serial()), "cardholder links")
                    .forEach((k, l) -> cardholders.put(k, l.person()));
            return new JukikiData(residents, members,
                    unique(c.households(), Household::id, "households"), seals, flags, cardholders, c);
        }
    }

    private record TenantData(JukikiData jukiki, Map<TaxKey, TaxRecord> taxRecords, Map<SourceSystem, Long> sequences) {
        static final TenantData EMPTY = new TenantData(JukikiData.EMPTY, Map.of(), Map.of());
    }

    private final ConcurrentHashMap<String, TenantData> tenants = new ConcurrentHashMap<>();

    @Override
    public <T> T read(LocalGovernmentCode tenant, Function<Snapshot, T> work) {
        InMemorySnapshot snapshot = new InMemorySnapshot(tenants.getOrDefault(tenant.value(), TenantData.EMPTY));
        try {
            return work.apply(snapshot);
        } finally {
            snapshot.open = false;
        }
    }

    @Override
    public void replaceAll(LocalGovernmentCode tenant, List<BatchManifest> manifests, ReplicaContent content) {
        Set<SourceSystem> sources = ReplicaWritePort.checkFullLoad(tenant, manifests, content);
        // Indexes are built (and duplicates rejected) before anything is swapped in: all or nothing.
        JukikiData jukiki = sources.contains(SourceSystem.JUKIKI) ? JukikiData.of(content) : null;
        Map<TaxKey, TaxRecord> tax = sources.contains(SourceSystem.TAX)
                ? unique(content.taxRecords(), t -> new TaxKey(t.person(), t.fiscalYear()), "tax records")
                : null;
        tenants.compute(tenant.value(), (code, old) -> {
            TenantData current = old == null ? TenantData.EMPTY : old;
            Map<SourceSystem, Long> sequences = new EnumMap<>(SourceSystem.class);
            sequences.putAll(current.sequences());
            manifests.forEach(m -> sequences.put(m.source(), m.sequence()));
            return new TenantData(
                    jukiki != null ? jukiki : current.jukiki(),
                    tax != null ? tax : current.taxRecords(),
                    Map.copyOf(sequences));
        });
    }

    @Override
    public DeltaResult applyDelta(LocalGovernmentCode tenant, BatchManifest manifest, ReplicaContent upserts,
                                  Deletions deletions) {
        if (!manifest.tenant().equals(tenant)) {
            throw new IllegalArgumentException("a manifest of tenant " + manifest.tenant() + " was given for " + tenant);
        }
        if (manifest.kind() != BatchKind.DELTA) {
            throw new IllegalArgumentException("applyDelta takes delta batches, not " + manifest.kind().wireName());
        }
        SourceSystem source = manifest.source();
        DeltaResult[] result = new DeltaResult[1];
        tenants.compute(tenant.value(), (code, old) -> {
            TenantData current = old == null ? TenantData.EMPTY : old;
            Long stored = current.sequences().get(source);
            if ((stored == null ? 0 : stored) != manifest.sequence() - 1) {
                result[0] = new OutOfSequence(stored == null ? OptionalLong.empty() : OptionalLong.of(stored));
                return old;
            }
            long[] counts = new long[3];
            JukikiData jukiki = current.jukiki();
            Map<TaxKey, TaxRecord> tax = current.taxRecords();
            if (source == SourceSystem.JUKIKI) {
                ReplicaContent c = jukiki.content();
                jukiki = JukikiData.of(new ReplicaContent(
                        merge(c.residents(), Resident::key, Resident::version, deletions.residents(), upserts.residents(), counts),
                        merge(c.households(), Household::id, Household::version, deletions.households(), upserts.households(), counts),
                        merge(c.seals(), s -> new Deletions.SealKey(s.person(), s.registrationNumber()),
                                SealRegistration::version, deletions.seals(), upserts.seals(), counts),
                        merge(c.suppressionFlags(), f -> new Deletions.FlagKey(f.person(), f.kind(), f.from()),
                                SuppressionFlag::version, deletions.suppressionFlags(), upserts.suppressionFlags(), counts),
                        merge(c.cardholders(), l -> new Deletions.CardKey(l.issuer(), l.serial()),
                                jp.kofu.core.replica.domain.CardholderLink::version, deletions.cardholders(),
                                upserts.cardholders(), counts),
                        List.of()));
            } else {
                List<TaxRecord> merged = merge(List.copyOf(tax.values()), t -> new Deletions.TaxKey(t.person(), t.fiscalYear()),
                        TaxRecord::version, deletions.taxRecords(), upserts.taxRecords(), counts);
                tax = unique(merged, t -> new TaxKey(t.person(), t.fiscalYear()), "tax records");
            }
            Map<SourceSystem, Long> sequences = new EnumMap<>(SourceSystem.class);
            sequences.putAll(current.sequences());
            sequences.put(source, manifest.sequence());
            result[0] = new Applied(counts[0], counts[1], counts[2]);
            return new TenantData(jukiki, tax, Map.copyOf(sequences));
        });
        return result[0];
    }

    /**
     * Deletes, then upserts by key keeping the stored record when it is newer; counts upserted, ignored and
     * deleted into {@code counts}. Replaced records keep their place (a household's member order).
     */
    private static <T, K> List<T> merge(List<T> stored, Function<T, K> key, ToLongFunction<T> version, Set<K> deleted,
                                        List<T> upserts, long[] counts) {
        Map<K, T> byKey = new LinkedHashMap<>();
        stored.forEach(t -> byKey.put(key.apply(t), t));
        for (K k : deleted) {
            if (byKey.remove(k) != null) {
                counts[2]++;
            }
        }
        for (T t : upserts) {
            T existing = byKey.get(key.apply(t));
            if (existing != null && version.applyAsLong(existing) > version.applyAsLong(t)) {
                counts[1]++;
            } else {
                byKey.put(key.apply(t), t);
                counts[0]++;
            }
        }
        return new ArrayList<>(byKey.values());
    }

    @Override
    public OptionalLong lastAppliedSequence(LocalGovernmentCode tenant, SourceSystem source) {
        Long sequence = tenants.getOrDefault(tenant.value(), TenantData.EMPTY).sequences().get(source);
        return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
    }

    private static <K, V> Map<K, V> unique(Collection<V> values, Function<V, K> key, String entity) {
        Map<K, V> map = new LinkedHashMap<>();
        for (V v : values) {
            if (map.putIfAbsent(key.apply(v), v) != null) {
                throw new IllegalArgumentException("content holds a duplicate key in " + entity);
            }
        }
        return map;
    }

    private static final class InMemorySnapshot implements Snapshot {

        private final TenantData data;
        private volatile boolean open = true;

        InMemorySnapshot(TenantData data) {
            this.data = data;
        }

        private JukikiData jukiki() {
            if (!open) {
                throw new IllegalStateException("the snapshot was used after its read() returned");
            }
            return data.jukiki();
        }

        @Override
        public Optional<Resident> resident(PersonKey key) {
            return Optional.ofNullable(jukiki().residents().get(key));
        }

        @Override
        public Optional<Household> household(HouseholdId id) {
            return Optional.ofNullable(jukiki().households().get(id));
        }

        @Override
        public List<Resident> members(HouseholdId id) {
            return List.copyOf(jukiki().members().getOrDefault(id, List.of()));
        }

        @Override
        public Optional<SealRegistration> seal(PersonKey key) {
            return jukiki().seals().getOrDefault(key, List.of()).stream().min(SEAL_PREFERENCE);
        }

        @Override
        public Optional<TaxRecord> tax(PersonKey key, int fiscalYear) {
            jukiki();
            return Optional.ofNullable(data.taxRecords().get(new TaxKey(key, fiscalYear)));
        }

        @Override
        public List<SuppressionFlag> suppressionFlags(PersonKey key) {
            return List.copyOf(jukiki().flags().getOrDefault(key, List.of()));
        }

        @Override
        public Optional<PersonKey> cardholder(String issuer, BigInteger serial) {
            return Optional.ofNullable(jukiki().cardholders().get(new CardKey(issuer, serial)));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> void forEach(ReplicaEntity<R> entity, Consumer<? super R> action) {
            JukikiData jukiki = jukiki();
            // the tax records live apart: a load of both sources also leaves them in the jukiki content
            List<R> records = entity == ReplicaEntity.TAX_RECORDS
                    ? (List<R>) List.copyOf(data.taxRecords().values())
                    : entity.recordsOf(jukiki.content());
            records.forEach(action);
        }

        @Override
        public OptionalLong appliedSequence(SourceSystem source) {
            jukiki();
            Long sequence = data.sequences().get(source);
            return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
        }
    }
}
