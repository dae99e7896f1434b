package jp.kofu.core.gaiji.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase;
import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** Implements {@link DetectUnidentifiedCharactersUseCase}. Stateless. */
public final class DetectUnidentifiedCharactersService implements DetectUnidentifiedCharactersUseCase {

    private final CorrespondenceTablePort tables;
    private final ReplicaTextPort texts;
    private final AlarmPort alarms;
    private final Clock clock;

    @Inject
    public DetectUnidentifiedCharactersService(CorrespondenceTablePort tables, ReplicaTextPort texts, AlarmPort alarms,
                                               Clock clock) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ReplicaContent convert(LocalGovernmentCode tenant, ReplicaContent content) {
        return ReplicaTexts.convert(content, tables.current(tenant));
    }

    @Override
    public Detection detect(LocalGovernmentCode tenant) {
        Map<String, Count> counts = new TreeMap<>();
        texts.forEachText(tenant, true, item -> count(counts, item));
        return raiseAndClear(tenant, counts);
    }

    @Override
    public Detection detectWhole(LocalGovernmentCode tenant, ReplicaContent wholeReplica) {
        Map<String, Count> counts = new TreeMap<>();
        ReplicaTexts.forEachText(wholeReplica, item -> {
            if (item.text().hasUnidentified()) {
                count(counts, item);
            }
        });
        return raiseAndClear(tenant, counts);
    }

    private Detection raiseAndClear(LocalGovernmentCode tenant, Map<String, Count> counts) {
        Detection detection = detection(tenant, counts);
        raise(detection);
        Set<String> present = new HashSet<>(counts.keySet());
        for (Alarm alarm : alarms.active()) {
            if (alarm.tenant().equals(Optional.of(tenant)) && alarm.key().startsWith(ALARM_PREFIX)
                    && !present.contains(alarm.key().substring(ALARM_PREFIX.length()))) {
                alarms.clear(alarm.key(), tenant);
            }
        }
        return detection;
    }

    @Override
    public Detection detect(LocalGovernmentCode tenant, ReplicaContent content) {
        CorrespondenceTable table = tables.current(tenant);
        Map<String, Count> inContent = new TreeMap<>();
        ReplicaTexts.forEachText(content, item -> {
            if (item.text().hasUnidentified()) {
                count(inContent, item);
            }
        });
        inContent.keySet().removeIf(code -> table.lookup(code).isPresent());
        if (inContent.isEmpty()) {
            return new Detection(tenant, List.of());
        }
        Map<String, Count> inReplica = new TreeMap<>();
        texts.forEachText(tenant, true, item -> count(inReplica, item));
        Map<String, Count> merged = new TreeMap<>();
        inContent.forEach((code, c) -> {
            Count m = new Count();
            m.persons.addAll(c.persons);
            m.occurrences = c.occurrences;
            Count stored = inReplica.get(code);
            if (stored != null) {
                m.persons.addAll(stored.persons);
                m.occurrences = Math.max(m.occurrences, stored.occurrences);
            }
            merged.put(code, m);
        });
        Detection detection = detection(tenant, merged);
        raise(detection);
        return detection;
    }

    private static void count(Map<String, Count> counts, ReplicaTextPort.TextItem item) {
        for (PrintedChar c : item.text().chars()) {
            if (c instanceof PrintedChar.UnidentifiedVendor v) {
                Count n = counts.computeIfAbsent(v.vendorCode(), k -> new Count());
                n.occurrences++;
                item.person().ifPresent(n.persons::add);
            }
        }
    }

    private static Detection detection(LocalGovernmentCode tenant, Map<String, Count> counts) {
        List<CodeCount> codes = new ArrayList<>(counts.size());
        counts.forEach((code, c) -> codes.add(new CodeCount(code, c.persons.size(), c.occurrences)));
        return new Detection(tenant, codes);
    }

    private void raise(Detection detection) {
        for (CodeCount c : detection.codes()) {
            alarms.raise(new Alarm(ALARM_PREFIX + c.vendorCode(), Optional.of(detection.tenant()), Alarm.Severity.CRITICAL,
                    ALARM_WHERE, c.vendorCode() + ": " + c.persons() + " residents suppressed (未同定外字)",
                    clock.instant()));
        }
    }

    private static final class Count {
        final Set<PersonKey> persons = new HashSet<>();
        long occurrences;
    }
}
