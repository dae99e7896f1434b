package jp.kofu.core.gaiji.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CodePoints;
import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry.Action;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.CorrespondenceTableVersion;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.in.ApplyCorrespondenceTableUseCase;
import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase;
import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Implements {@link ApplyCorrespondenceTableUseCase}. Entries naming an MJ id are normalised to the form
 * the repertoire prints (its Moji_Joho sequence, else its code point, else the MJ id), so that every
 * version stores one form per character.
 */
public final class ApplyCorrespondenceTableService implements ApplyCorrespondenceTableUseCase {

    private final CorrespondenceTablePort tables;
    private final ReplicaTextPort texts;
    private final DetectUnidentifiedCharactersUseCase detector;
    private final MjRepertoire repertoire;
    private final Clock clock;

    @Inject
    public ApplyCorrespondenceTableService(CorrespondenceTablePort tables, ReplicaTextPort texts, AlarmPort alarms,
                                           Clock clock) {
        this(tables, texts, alarms, clock, MjRepertoire.shared());
    }

    public ApplyCorrespondenceTableService(CorrespondenceTablePort tables, ReplicaTextPort texts, AlarmPort alarms,
                                           Clock clock, MjRepertoire repertoire) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.repertoire = Objects.requireNonNull(repertoire, "repertoire");
        this.detector = new DetectUnidentifiedCharactersService(tables, texts, alarms, clock);
    }

    @Override
    public Result apply(Command command) {
        LocalGovernmentCode tenant = command.tenant();
        List<CorrespondenceEntry> entries = normalised(command.entries());
        Optional<CorrespondenceTableVersion> previous = tables.latest(tenant);
        Map<String, CorrespondenceEntry> merged = new TreeMap<>();
        previous.ifPresent(p -> p.entries().forEach(e -> merged.put(e.vendorCode(), e)));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int unchanged = 0;
        List<CorrespondenceAuditEntry> audit = new ArrayList<>();
        int previousNumber = previous.map(CorrespondenceTableVersion::version).orElse(0);
        int number = previousNumber + 1;
        Instant now = clock.instant();
        for (CorrespondenceEntry e : entries) {
            CorrespondenceEntry before = merged.put(e.vendorCode(), e);
            if (before == null) {
                added.add(e.vendorCode());
                audit.add(new CorrespondenceAuditEntry(number, now, command.actor(), Action.ADDED, e.vendorCode(),
                        "→ " + describe(e)));
            } else if (before.equals(e)) {
                unchanged++;
            } else {
                changed.add(e.vendorCode());
                audit.add(new CorrespondenceAuditEntry(number, now, command.actor(), Action.CHANGED, e.vendorCode(),
                        describe(before) + " → " + describe(e) + " (records converted under version " + previousNumber
                                + " keep the old character until their source sends them again)"));
            }
        }
        int version = previousNumber;
        boolean created = false;
        CorrespondenceTable table = previous.map(CorrespondenceTableVersion::table).orElse(CorrespondenceTable.empty());
        if (!added.isEmpty() || !changed.isEmpty()) {
            audit.add(0, new CorrespondenceAuditEntry(number, now, command.actor(), Action.IMPORTED, "",
                    entries.size() + " entries from " + (command.source().isEmpty() ? "(unnamed)" : command.source())
                            + ": " + added.size() + " added, " + changed.size() + " changed, " + unchanged
                            + " unchanged; " + merged.size() + " in the table"));
            CorrespondenceTableVersion next = new CorrespondenceTableVersion(number, now, command.actor(),
                    command.source(), new ArrayList<>(merged.values()));
            tables.append(tenant, next, audit);
            version = number;
            created = true;
            table = next.table();
        }
        return reconvert(tenant, version, table, created, added, changed, unchanged, command.actor());
    }

    @Override
    public Result reconvert(LocalGovernmentCode tenant) {
        Optional<CorrespondenceTableVersion> current = tables.latest(tenant);
        int version = current.map(CorrespondenceTableVersion::version).orElse(0);
        CorrespondenceTable table = current.map(CorrespondenceTableVersion::table).orElse(CorrespondenceTable.empty());
        return reconvert(tenant, version, table, false, List.of(), List.of(), 0, "");
    }

    private Result reconvert(LocalGovernmentCode tenant, int version, CorrespondenceTable table, boolean created,
                             List<String> added, List<String> changed, int unchanged, String actor) {
        ReplicaTextPort.Reconversion done = table.entries().isEmpty()
                ? ReplicaTextPort.Reconversion.none()
                : texts.reconvert(tenant, table);
        if (done.items() > 0) {
            tables.recordAudit(tenant, new CorrespondenceAuditEntry(version, clock.instant(), actor, Action.RECONVERTED,
                    "", done.persons().size() + " persons' and " + done.households() + " households' records, "
                            + done.items() + " items re-converted"));
        }
        DetectUnidentifiedCharactersUseCase.Detection left = detector.detect(tenant);
        return new Result(version, created, added, changed, unchanged, done.persons().size(), done.items(), left);
    }

    private List<CorrespondenceEntry> normalised(List<CorrespondenceEntry> entries) {
        Set<String> seen = new HashSet<>();
        List<CorrespondenceEntry> out = new ArrayList<>(entries.size());
        for (CorrespondenceEntry e : entries) {
            if (!seen.add(e.vendorCode())) {
                throw new IllegalArgumentException("vendor code " + e.vendorCode() + " appears twice");
            }
            if (e.mj().isPresent()) {
                MjCharacter mj = repertoire.byId(e.mj().get()).orElseThrow(() -> new IllegalArgumentException(
                        e.vendorCode() + ": " + e.mj().get() + " is not in the MJ character list"));
                Optional<MjCharacter> printed = repertoire.of(e.character());
                if (!(e.character() instanceof PrintedChar.MjOnly)
                        && (printed.isEmpty() || !printed.get().id().equals(mj.id()))) {
                    throw new IllegalArgumentException(e.vendorCode() + ": " + CodePoints.notation(e.character())
                            + " does not print as " + mj.id());
                }
                out.add(CorrespondenceEntry.ofMj(e.vendorCode(), mj, e.match()));
            } else {
                Optional<MjCharacter> mj = repertoire.of(e.character());
                out.add(mj.isPresent() ? CorrespondenceEntry.ofMj(e.vendorCode(), mj.get(), e.match()) : e);
            }
        }
        return out;
    }

    private static String describe(CorrespondenceEntry e) {
        String points = CodePoints.notation(e.character());
        String mj = e.mj().map(Object::toString).orElse("");
        String form = mj.isEmpty() ? points : points.isEmpty() ? mj : mj + " (" + points + ")";
        return form + " " + e.match().japanese();
    }
}
