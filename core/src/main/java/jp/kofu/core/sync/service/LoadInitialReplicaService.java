package jp.kofu.core.sync.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.in.LoadInitialReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.port.out.BatchReaderPort;

/** Implements {@link LoadInitialReplicaUseCase}. */
public final class LoadInitialReplicaService implements LoadInitialReplicaUseCase {

    private final BatchManifestPort manifests;
    private final Map<SourceSystem, BatchReaderPort> readers = new EnumMap<>(SourceSystem.class);
    private final ReplicaWritePort replica;
    private final DetectUnidentifiedCharactersUseCase characters;

    /**
     * @param characters applies the tenant's correspondence table (対照表) to the loaded content before it is
     *     written, and raises an alarm per vendor code that stays unidentified (未同定外字) afterwards
     */
    @Inject
    public LoadInitialReplicaService(BatchManifestPort manifests, Set<BatchReaderPort> readers, ReplicaWritePort replica,
                                     DetectUnidentifiedCharactersUseCase characters) {
        this.manifests = manifests;
        for (BatchReaderPort reader : readers) {
            if (this.readers.put(reader.source(), reader) != null) {
                throw new IllegalStateException("two readers for source " + reader.source());
            }
        }
        this.replica = replica;
        this.characters = characters;
    }

    @Override
    public Report load(Command command) throws BatchRejectedException {
        long start = System.nanoTime();
        List<InputProblem> problems = new ArrayList<>();
        List<BatchManifest> loaded = new ArrayList<>();
        ReplicaContent content = ReplicaContent.empty();
        Map<String, Long> perEntity = new LinkedHashMap<>();
        for (Path directory : command.batches()) {
            String where = directory.getFileName() + "/";
            BatchManifest manifest;
            try {
                manifest = manifests.read(directory);
            } catch (BatchRejectedException e) {
                problems.addAll(prefixed(where, e.problems()));
                continue;
            }
            List<InputProblem> batchProblems = checkManifest(command, manifest, loaded, where);
            if (batchProblems.isEmpty()) {
                batchProblems.addAll(prefixed(where, BatchFiles.verify(directory, manifest)));
            }
            if (!batchProblems.isEmpty()) {
                problems.addAll(batchProblems);
                continue;
            }
            try {
                ParsedBatch parsed = readers.get(manifest.source()).read(directory, manifest);
                for (BatchFile file : manifest.files()) {
                    long found = parsed.recordsPerFile().getOrDefault(file.name(), -1L);
                    if (found != file.records()) {
                        problems.add(InputProblem.ofFile(where + file.name(), "has " + found
                                + " records but the manifest says " + file.records()));
                    }
                    perEntity.merge(file.entity(), file.records(), Long::sum);
                }
                content = content.plus(parsed.content());
                loaded.add(manifest);
            } catch (BatchRejectedException e) {
                problems.addAll(prefixed(where, e.problems()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        content = characters.convert(command.tenant(), content);
        long parsedAt = System.nanoTime();
        replica.replaceAll(command.tenant(), loaded, content);
        long writtenAt = System.nanoTime();
        characters.detect(command.tenant());
        Map<SourceSystem, Long> sequences = new EnumMap<>(SourceSystem.class);
        loaded.forEach(m -> sequences.put(m.source(), m.sequence()));
        return new Report(sequences, perEntity, Duration.ofNanos(parsedAt - start), Duration.ofNanos(writtenAt - parsedAt));
    }

    private List<InputProblem> checkManifest(Command command, BatchManifest manifest, List<BatchManifest> loaded,
                                             String where) {
        List<InputProblem> problems = new ArrayList<>();
        String file = where + BatchManifest.FILE_NAME;
        if (!manifest.tenant().equals(command.tenant())) {
            problems.add(new InputProblem(file, 0, "tenant",
                    "batch belongs to tenant " + manifest.tenant() + ", not " + command.tenant()));
        }
        if (manifest.kind() != BatchKind.FULL) {
            problems.add(new InputProblem(file, 0, "kind",
                    "an initial load takes full batches only, this one is " + manifest.kind().wireName()));
        }
        if (!readers.containsKey(manifest.source())) {
            problems.add(new InputProblem(file, 0, "source", "no reader for source " + manifest.source().wireName()));
        }
        if (loaded.stream().anyMatch(m -> m.source() == manifest.source())) {
            problems.add(new InputProblem(file, 0, "source",
                    "a second full batch of source " + manifest.source().wireName() + " in one load"));
        }
        return problems;
    }

    private static List<InputProblem> prefixed(String where, List<InputProblem> problems) {
        return problems.stream()
                .map(p -> p.file().startsWith(where) ? p : new InputProblem(where + p.file(), p.line(), p.column(), p.reason()))
                .toList();
    }
}
