package jp.kofu.core.sync.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase;
import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.port.out.ReplicaDeltaPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamState;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.port.out.BatchReaderPort;
import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Implements {@link ApplyBatchUseCase}. Alarms: {@code sync/<source>/gap} names the missing number,
 * {@code sync/<source>/quarantine} the quarantined batch and its first problem ({@code sync/manifest/quarantine}
 * when the manifest itself could not be read). Both are cleared when the condition ends.
 *
 * <p>Applies of one service instance are serialised; the sequence compare-and-advance of
 * {@link ReplicaDeltaPort} keeps appliers in different processes from applying a batch twice.
 */
public final class ApplyBatchService implements ApplyBatchUseCase {

    private static final String WHERE = "連携(異動データ反映)";

    private final BatchManifestPort manifests;
    private final Map<SourceSystem, BatchReaderPort> readers = new EnumMap<>(SourceSystem.class);
    private final ReplicaWritePort sequences;
    private final ReplicaDeltaPort replica;
    private final SyncStatePort state;
    private final DetectUnidentifiedCharactersUseCase characters;
    private final AlarmPort alarms;
    private final Clock clock;

    /**
     * @param sequences where the applied sequence of each stream is read
     * @param characters converts vendor characters before writing and raises alarms for unidentified ones after
     */
    @Inject
    public ApplyBatchService(BatchManifestPort manifests, Set<BatchReaderPort> readers, ReplicaWritePort sequences,
                             ReplicaDeltaPort replica, SyncStatePort state, DetectUnidentifiedCharactersUseCase characters,
                             AlarmPort alarms, Clock clock) {
        this.manifests = manifests;
        for (BatchReaderPort reader : readers) {
            if (this.readers.put(reader.source(), reader) != null) {
                throw new IllegalStateException("two readers for source " + reader.source());
            }
        }
        this.sequences = sequences;
        this.replica = replica;
        this.state = state;
        this.characters = characters;
        this.alarms = alarms;
        this.clock = clock;
    }

    @Override
    public synchronized Outcome apply(Command command) {
        BatchManifest manifest;
        try {
            manifest = manifests.read(command.batch());
        } catch (BatchRejectedException e) {
            alarms.raise(new Alarm("sync/manifest/quarantine", Optional.of(command.tenant()), Alarm.Severity.CRITICAL,
                    WHERE, "batch " + command.batch().getFileName() + " quarantined: " + e.problems().get(0),
                    clock.instant()));
            return new Quarantined(Optional.empty(), 0, e.problems());
        }
        if (manifest.kind() == BatchKind.DIGEST) {
            // a digest names a position of its stream but is not a step of it: it must neither be held
            // behind a gap nor stop the stream, so it is refused before the stream's state is touched
            return new Quarantined(Optional.empty(), 0, List.of(new InputProblem(BatchManifest.FILE_NAME, 0, "kind",
                    "a digest batch (照合データ) is not applied; compare it with the replica (kofu sync verify)")));
        }
        SourceSystem source = manifest.source();
        state.received(command.tenant(), source, clock.instant());
        return applyInOrder(command.tenant(), command.batch(), manifest);
    }

    private Outcome applyInOrder(LocalGovernmentCode tenant, Path directory, BatchManifest manifest) {
        SourceSystem source = manifest.source();
        long sequence = manifest.sequence();
        long last = sequences.lastAppliedSequence(tenant, source).orElse(0);
        if (manifest.tenant().equals(tenant) && sequence <= last) {
            state.release(tenant, source, sequence);
            return new AlreadyApplied(source, sequence, last);
        }
        StreamState stream = state.state(tenant, source);
        if (stream.quarantine().isPresent() && stream.quarantine().get().sequence() != sequence) {
            state.hold(tenant, source, sequence, directory);
            return new StreamStopped(source, sequence, stream.quarantine().get().sequence());
        }
        List<InputProblem> problems = checkManifest(tenant, manifest);
        if (problems.isEmpty() && sequence > last + 1) {
            state.hold(tenant, source, sequence, directory);
            raiseGap(tenant, source, last + 1);
            return new Held(source, sequence, last + 1);
        }
        ParsedBatch parsed = null;
        if (problems.isEmpty()) {
            problems.addAll(BatchFiles.verify(directory, manifest));
        }
        if (problems.isEmpty()) {
            try {
                parsed = readers.get(source).read(directory, manifest);
                for (BatchFile file : manifest.files()) {
                    long found = parsed.recordsPerFile().getOrDefault(file.name(), -1L);
                    if (found != file.records()) {
                        problems.add(InputProblem.ofFile(file.name(), "has " + found
                                + " records but the manifest says " + file.records()));
                    }
                }
            } catch (BatchRejectedException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            state.release(tenant, source, sequence);
            state.quarantine(tenant, source, new StreamState.Quarantine(sequence, directory, problems, clock.instant()));
            alarms.raise(new Alarm(quarantineKey(source), Optional.of(tenant), Alarm.Severity.CRITICAL, WHERE,
                    source.wireName() + " batch " + sequence + " quarantined, stream stopped: " + problems.size()
                            + " problem(s), first: " + problems.get(0), clock.instant()));
            return new Quarantined(Optional.of(source), sequence, problems);
        }
        ReplicaContent content = characters.convert(tenant, parsed.content());
        ReplicaDeltaPort.DeltaResult result = replica.applyDelta(tenant, manifest, content, parsed.deletions());
        if (result instanceof ReplicaDeltaPort.OutOfSequence out) {
            // another applier moved the stream between our check and our transaction
            OptionalLong stored = out.stored();
            if (stored.isPresent() && stored.getAsLong() >= sequence) {
                state.release(tenant, source, sequence);
                return new AlreadyApplied(source, sequence, stored.getAsLong());
            }
            long missing = stored.orElse(0) + 1;
            state.hold(tenant, source, sequence, directory);
            raiseGap(tenant, source, missing);
            return new Held(source, sequence, missing);
        }
        ReplicaDeltaPort.Applied applied = (ReplicaDeltaPort.Applied) result;
        state.release(tenant, source, sequence);
        state.applied(tenant, source, clock.instant());
        if (stream.quarantine().isPresent()) {
            state.resolve(tenant, source);
            alarms.clear(quarantineKey(source), tenant);
        }
        characters.detect(tenant, content);
        List<Outcome> followers = applyHeld(tenant, source, sequence);
        return new Applied(source, sequence, applied.upserted(), applied.ignoredAsOlder(), applied.deleted(), followers);
    }

    /** Applies the held batches that now follow in order; keeps or updates the gap alarm for the rest. */
    private List<Outcome> applyHeld(LocalGovernmentCode tenant, SourceSystem source, long applied) {
        List<Outcome> followers = new ArrayList<>();
        StreamState stream = state.state(tenant, source);
        Path next = stream.held().get(applied + 1);
        if (next != null) {
            Outcome outcome;
            try {
                BatchManifest manifest = manifests.read(next);
                outcome = applyInOrder(tenant, next, manifest);
            } catch (BatchRejectedException e) {
                state.release(tenant, source, applied + 1);
                state.quarantine(tenant, source, new StreamState.Quarantine(applied + 1, next, e.problems(), clock.instant()));
                alarms.raise(new Alarm(quarantineKey(source), Optional.of(tenant), Alarm.Severity.CRITICAL, WHERE,
                        source.wireName() + " batch " + (applied + 1) + " quarantined, stream stopped: "
                                + e.problems().get(0), clock.instant()));
                outcome = new Quarantined(Optional.of(source), applied + 1, e.problems());
            }
            if (outcome instanceof Applied a) {
                // the recursive call applied its own followers: report them flat, in order
                followers.add(new Applied(a.source(), a.sequence(), a.upserted(), a.ignoredAsOlder(), a.deleted(),
                        List.of()));
                followers.addAll(a.followers());
            } else {
                followers.add(outcome);
            }
            return followers;
        }
        if (stream.held().isEmpty()) {
            alarms.clear(gapKey(source), tenant);
        } else if (stream.quarantine().isEmpty()) {
            raiseGap(tenant, source, applied + 1);
        }
        return followers;
    }

    private List<InputProblem> checkManifest(LocalGovernmentCode tenant, BatchManifest manifest) {
        List<InputProblem> problems = new ArrayList<>();
        if (!manifest.tenant().equals(tenant)) {
            problems.add(new InputProblem(BatchManifest.FILE_NAME, 0, "tenant",
                    "batch belongs to tenant " + manifest.tenant() + ", not " + tenant));
        }
        if (manifest.kind() != BatchKind.DELTA) {
            problems.add(new InputProblem(BatchManifest.FILE_NAME, 0, "kind",
                    "sync apply takes delta batches only, this one is " + manifest.kind().wireName()
                            + " (full batches are loaded with kofu load)"));
        }
        if (!readers.containsKey(manifest.source())) {
            problems.add(new InputProblem(BatchManifest.FILE_NAME, 0, "source",
                    "no reader for source " + manifest.source().wireName()));
        }
        return problems;
    }

    private void raiseGap(LocalGovernmentCode tenant, SourceSystem source, long missing) {
        alarms.raise(new Alarm(gapKey(source), Optional.of(tenant), Alarm.Severity.CRITICAL, WHERE,
                source.wireName() + " batch " + missing + " is missing; later batches are held", clock.instant()));
    }

    private static String gapKey(SourceSystem source) {
        return "sync/" + source.wireName() + "/gap";
    }

    private static String quarantineKey(SourceSystem source) {
        return "sync/" + source.wireName() + "/quarantine";
    }
}
