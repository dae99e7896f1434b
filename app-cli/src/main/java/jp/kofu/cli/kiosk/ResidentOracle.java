package jp.kofu.cli.kiosk;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * The misissuance oracle (誤交付の判定): knows every version of every resident's record with the time span in
 * which the replica may have served it, and checks a returned PDF against the authenticated cardholder's
 * record at that moment — name, birth date and address must be those of a version current at some instant
 * between the request's start and the answer. A PDF showing anyone else's data fails.
 *
 * <p>A version becomes possible when the write that carries it starts and stops being possible when the
 * write that replaces it has returned: the oracle never blames kofu for the replica's own commit timing.
 * Name, birth date and address must all come from one version (never a mix of two). The seal's registered
 * name (印鑑登録証明書) and the address on 1 January (所得証明書) are checked against every value the person's
 * seal registrations and tax records have had: they never belong to anyone else. Thread-safe.
 */
public final class ResidentOracle {

    /** One version of a record and the span in which it may be current. */
    private record Version(Resident resident, Instant from, Instant until) {
        boolean overlaps(Instant start, Instant end) {
            return !from.isAfter(end) && (until == null || !until.isBefore(start));
        }
    }

    private final Map<PersonKey, List<Version>> versions = new ConcurrentHashMap<>();
    private final Map<PersonKey, java.util.Set<String>> sealNames = new ConcurrentHashMap<>();
    private final Map<PersonKey, java.util.Set<String>> taxAddresses = new ConcurrentHashMap<>();
    private final int taxYear;

    /** An oracle knowing the initial content, current since the beginning of time. */
    public ResidentOracle(ReplicaContent initial, int taxYear) {
        for (Resident r : initial.residents()) {
            versions.put(r.key(), new ArrayList<>(List.of(new Version(r, Instant.MIN, null))));
        }
        this.taxYear = taxYear;
        learn(initial.seals(), initial.taxRecords());
    }

    /** Seal registrations and tax records that a delta brings (known before the delta is applied). */
    public void learn(List<SealRegistration> seals, List<TaxRecord> taxRecords) {
        for (SealRegistration s : seals) {
            if (s.status() == SealStatus.REGISTERED && !s.registeredName().isEmpty()) {
                sealNames.computeIfAbsent(s.person(), k -> ConcurrentHashMap.newKeySet()).add(compact(s.registeredName().toUnicode()));
            }
        }
        for (TaxRecord t : taxRecords) {
            if (t.fiscalYear() == taxYear && !t.addressOnJanuary1().isEmpty()) {
                taxAddresses.computeIfAbsent(t.person(), k -> ConcurrentHashMap.newKeySet()).add(compact(t.addressOnJanuary1().toUnicode()));
            }
        }
    }

    /** A write carrying these new versions starts now: from now on either version may be served. */
    public void writing(List<Resident> changed, Instant startedAt) {
        for (Resident r : changed) {
            List<Version> list = versions.computeIfAbsent(r.key(), k -> new ArrayList<>());
            synchronized (list) {
                list.add(new Version(r, startedAt, null));
            }
        }
    }

    /** The write has returned: the versions before the new ones can no longer be served. */
    public void written(List<Resident> changed, Instant returnedAt) {
        for (Resident r : changed) {
            List<Version> list = versions.get(r.key());
            synchronized (list) {
                for (int i = 0; i < list.size() - 1; i++) {
                    Version v = list.get(i);
                    if (v.until() == null) {
                        list.set(i, new Version(v.resident(), v.from(), returnedAt));
                    }
                }
            }
        }
    }

    /** The record of the person as the oracle knows it last (for churn). */
    public Optional<Resident> latest(PersonKey person) {
        List<Version> list = versions.get(person);
        if (list == null) {
            return Optional.empty();
        }
        synchronized (list) {
            return Optional.of(list.get(list.size() - 1).resident());
        }
    }

    /**
     * Whether the PDF is the cardholder's: its text holds the name, birth date and address of a version of
     * the cardholder's record that may have been current between {@code start} and {@code end}.
     */
    public boolean isCardholders(PersonKey holder, CertificateKind kind, byte[] pdf, Instant start, Instant end) {
        String text;
        try {
            text = compact(PdfText.of(pdf));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        List<Version> list = versions.get(holder);
        if (list == null) {
            return false;
        }
        List<Version> candidates;
        synchronized (list) {
            candidates = List.copyOf(list);
        }
        for (Version v : candidates) {
            if (v.overlaps(start, end) && shows(text, kind, v.resident())) {
                return true;
            }
        }
        return false;
    }

    private boolean shows(String text, CertificateKind kind, Resident r) {
        java.util.Set<String> names = java.util.Set.of(compact(r.name().toUnicode()));
        java.util.Set<String> addresses = java.util.Set.of(compact(r.address().toUnicode()));
        if (kind == CertificateKind.INKAN) {
            names = sealNames.getOrDefault(r.key(), names);
        } else if (kind == CertificateKind.SHOTOKU) {
            addresses = taxAddresses.getOrDefault(r.key(), addresses);
        }
        return names.stream().anyMatch(text::contains) && text.contains(compact(JapaneseDates.format(r.birthDate())))
                && addresses.stream().anyMatch(text::contains);
    }

    static String compact(String s) {
        return s.replaceAll("[\\s\u3000]+", "");
    }
}
