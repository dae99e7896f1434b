package jp.kofu.core.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.issuance.domain.ChainHead;
import jp.kofu.core.issuance.domain.HistoryEntry;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * An in-memory, thread-safe {@link IssuanceHistoryPort}: the issuance history (発行履歴) and its per-tenant
 * hash chain in maps guarded by one lock. Like the database, it keeps timestamps to the microsecond.
 * {@link #replaceChainEntry} lets a test tamper with the chain.
 */
public final class InMemoryIssuanceHistory implements IssuanceHistoryPort {

    private record Key(String tenant, IssuanceId id) {
    }

    private record Entry(long order, Issuance issuance) {
    }

    private final Object lock = new Object();
    private final Map<Key, Entry> entries = new HashMap<>();
    private final Map<String, Long> lastNumbers = new HashMap<>();
    private final Map<String, List<HistoryEntry>> chains = new HashMap<>();
    private final Map<String, ChainHead> heads = new HashMap<>();
    private long nextOrder;

    @Override
    public void recordPrepared(Issuance.Prepared prepared) {
        Issuance.Prepared stored = new Issuance.Prepared(truncated(prepared.facts()));
        Key key = new Key(stored.facts().tenant().value(), stored.id());
        synchronized (lock) {
            if (entries.containsKey(key)) {
                throw new IllegalStateException("issuance " + stored.id() + " was already recorded");
            }
            entries.put(key, new Entry(nextOrder++, stored));
            append(stored);
        }
    }

    private void append(Issuance issuance) {
        String tenant = issuance.facts().tenant().value();
        ChainHead head = heads.getOrDefault(tenant, ChainHead.EMPTY);
        HistoryEntry entry = HistoryEntry.of(issuance, head.lastSequence() + 1, head.lastHash());
        chains.computeIfAbsent(tenant, t -> new ArrayList<>()).add(entry);
        heads.put(tenant, new ChainHead(entry.sequence(), entry.hash()));
    }

    /** Overwrites a chain entry as an attacker with database access would (for tamper tests). */
    public void replaceChainEntry(HistoryEntry tampered) {
        synchronized (lock) {
            List<HistoryEntry> chain = chains.get(tampered.tenant().value());
            chain.set((int) tampered.sequence() - 1, tampered);
        }
    }

    @Override
    public boolean recordCompletion(Issuance completed) {
        Issuance stored;
        if (completed instanceof Issuance.Issued issued) {
            stored = new Issuance.Issued(issued.facts(), micros(issued.completedAt()), issued.feePaid());
        } else if (completed instanceof Issuance.Voided voided) {
            stored = new Issuance.Voided(voided.facts(), micros(voided.voidedAt()), voided.reason());
        } else {
            throw new IllegalArgumentException("a completion is issued or voided, not " + completed.state());
        }
        Key key = new Key(completed.facts().tenant().value(), completed.id());
        synchronized (lock) {
            Entry current = entries.get(key);
            if (current == null || !(current.issuance() instanceof Issuance.Prepared prepared)) {
                return false;
            }
            Issuance completion = withFacts(stored, prepared.facts());
            entries.put(key, new Entry(current.order(), completion));
            append(completion);
            return true;
        }
    }

    @Override
    public Optional<Issuance> find(LocalGovernmentCode tenant, IssuanceId id) {
        synchronized (lock) {
            return Optional.ofNullable(entries.get(new Key(tenant.value(), id))).map(Entry::issuance);
        }
    }

    @Override
    public Optional<Issuance> findByCertificateNumber(LocalGovernmentCode tenant, String certificateNumber) {
        synchronized (lock) {
            return entries.values().stream().map(Entry::issuance)
                    .filter(i -> i.facts().tenant().equals(tenant) && i.facts().certificateNumber().equals(certificateNumber))
                    .findFirst();
        }
    }

    @Override
    public List<Issuance> list(LocalGovernmentCode tenant) {
        List<Entry> ofTenant = new ArrayList<>();
        synchronized (lock) {
            for (var e : entries.entrySet()) {
                if (e.getKey().tenant().equals(tenant.value())) {
                    ofTenant.add(e.getValue());
                }
            }
        }
        ofTenant.sort(Comparator.comparing((Entry e) -> e.issuance().facts().preparedAt())
                .thenComparingLong(Entry::order));
        return ofTenant.stream().map(Entry::issuance).toList();
    }

    @Override
    public long nextCertificateNumber(LocalGovernmentCode tenant) {
        synchronized (lock) {
            return lastNumbers.merge(tenant.value(), 1L, Long::sum);
        }
    }

    @Override
    public List<Issuance.Prepared> preparedBefore(LocalGovernmentCode tenant, Instant before, int limit) {
        return list(tenant).stream()
                .filter(i -> i instanceof Issuance.Prepared && i.facts().preparedAt().isBefore(before))
                .map(i -> (Issuance.Prepared) i)
                .limit(limit)
                .toList();
    }

    @Override
    public List<HistoryEntry> chain(LocalGovernmentCode tenant, long afterSequence, int limit) {
        synchronized (lock) {
            return chains.getOrDefault(tenant.value(), List.of()).stream()
                    .filter(e -> e.sequence() > afterSequence)
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public ChainHead chainHead(LocalGovernmentCode tenant) {
        synchronized (lock) {
            return heads.getOrDefault(tenant.value(), ChainHead.EMPTY);
        }
    }

    /** The stored facts are those recorded when prepared, as in a database row. */
    private static Issuance withFacts(Issuance completed, Issuance.Facts facts) {
        if (completed instanceof Issuance.Issued issued) {
            return new Issuance.Issued(facts, issued.completedAt(), issued.feePaid());
        }
        Issuance.Voided voided = (Issuance.Voided) completed;
        return new Issuance.Voided(facts, voided.voidedAt(), voided.reason());
    }

    private static Issuance.Facts truncated(Issuance.Facts f) {
        return new Issuance.Facts(f.id(), f.tenant(), f.applicant(), f.request(), f.channel(), f.certificateNumber(),
                f.pdfSha256(), micros(f.preparedAt()), f.fee(), f.test(), f.verificationCode());
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
