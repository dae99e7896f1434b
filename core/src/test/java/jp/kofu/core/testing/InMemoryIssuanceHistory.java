package jp.kofu.core.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * An in-memory, thread-safe {@link IssuanceHistoryPort}: the issuance history (発行履歴) in a map guarded by
 * one lock. Like the database, it keeps timestamps to the microsecond.
 */
public final class InMemoryIssuanceHistory implements IssuanceHistoryPort {

    private record Key(String tenant, IssuanceId id) {
    }

    private record Entry(long order, Issuance issuance) {
    }

    private final Object lock = new Object();
    private final Map<Key, Entry> entries = new HashMap<>();
    private final Map<String, Long> lastNumbers = new HashMap<>();
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
            entries.put(key, new Entry(current.order(), withFacts(stored, prepared.facts())));
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
                f.pdfSha256(), micros(f.preparedAt()), f.fee());
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
