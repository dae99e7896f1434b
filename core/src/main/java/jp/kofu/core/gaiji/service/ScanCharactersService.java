package jp.kofu.core.gaiji.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CharacterKind;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.port.in.ScanCharactersUseCase;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** Implements {@link ScanCharactersUseCase}. Stateless; each scan keeps its tally in local variables. */
public final class ScanCharactersService implements ScanCharactersUseCase {

    private final ReplicaTextPort texts;
    private final MjRepertoire repertoire;

    @Inject
    public ScanCharactersService(ReplicaTextPort texts) {
        this(texts, MjRepertoire.shared());
    }

    public ScanCharactersService(ReplicaTextPort texts, MjRepertoire repertoire) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.repertoire = Objects.requireNonNull(repertoire, "repertoire");
    }

    @Override
    public Report scan(LocalGovernmentCode tenant) {
        Tally tally = new Tally();
        texts.forEachText(tenant, false, tally::add);
        return tally.report(repertoire);
    }

    @Override
    public Report scan(ReplicaContent content) {
        Tally tally = new Tally();
        ReplicaTexts.forEachText(content, tally::add);
        return tally.report(repertoire);
    }

    /** Counts per distinct character; single-threaded. */
    static final class Tally {
        private final Map<PrintedChar, Count> counts = new HashMap<>();
        private long items;

        void add(ReplicaTextPort.TextItem item) {
            items++;
            for (PrintedChar c : item.text().chars()) {
                Optional<CharacterKind> kind = CharacterKind.of(c);
                if (kind.isEmpty()) {
                    continue;
                }
                Count count = counts.computeIfAbsent(c, k -> new Count(kind.get()));
                count.occurrences++;
                count.fields.merge(item.field(), 1L, Long::sum);
                item.person().ifPresent(count.persons::add);
            }
        }

        Report report(MjRepertoire repertoire) {
            List<Finding> findings = new ArrayList<>(counts.size());
            counts.forEach((c, n) -> findings.add(new Finding(n.kind, c,
                    repertoire.of(c).map(MjCharacter::id), n.occurrences, n.persons.size(), n.fields)));
            findings.sort(Comparator.comparing(Finding::kind)
                    .thenComparing(Comparator.comparingLong(Finding::occurrences).reversed())
                    .thenComparing(Finding::label));
            return new Report(findings, items);
        }
    }

    private static final class Count {
        final CharacterKind kind;
        long occurrences;
        final Set<PersonKey> persons = new HashSet<>();
        final Map<TextField, Long> fields = new EnumMap<>(TextField.class);

        Count(CharacterKind kind) {
            this.kind = kind;
        }
    }
}
