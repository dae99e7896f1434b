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
        List<Path> toRead = new ArrayList<>();
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
            if (!batchProblems.isEmpty()) {
                problems.addAll(batchProblems);
                continue;
            }
            loaded.add(manifest);
            toRead.add(directory);
        }
        // the batches (one per source) are checked and parsed at the same time: on a full load of both
        // sources this halves the time before the write starts
        List<Read> reads = readAll(toRead, loaded);
        ReplicaContent content = ReplicaContent.empty();
        Map<String, Long> perEntity = new LinkedHashMap<>();
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            String where = toRead.get(i).getFileName() + "/";
            if (!read.problems().isEmpty()) {
                problems.addAll(prefixed(where, read.problems()));
                continue;
            }
            for (BatchFile file : loaded.get(i).files()) {
                long found = read.parsed().recordsPerFile().getOrDefault(file.name(), -1L);
                if (found != file.records()) {
                    problems.add(InputProblem.ofFile(where + file.name(), "has " + found
                            + " records but the manifest says " + file.records()));
                }
                perEntity.merge(file.entity(), file.records(), Long::sum);
            }
            content = content.plus(read.parsed().content());
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        content = characters.convert(command.tenant(), content);
        long parsedAt = System.nanoTime();
        replica.replaceAll(command.tenant(), loaded, content);
        long writtenAt = System.nanoTime();
        if (loaded.size() == SourceSystem.values().length) {
            // every source replaced: the replica is the content, no need to read it back
            characters.detectWhole(command.tenant(), content);
        } else {
            characters.detect(command.tenant());
        }
        Map<SourceSystem, Long> sequences = new EnumMap<>(SourceSystem.class);
        loaded.forEach(m -> sequences.put(m.source(), m.sequence()));
        return new Report(sequences, perEntity, Duration.ofNanos(parsedAt - start), Duration.ofNanos(writtenAt - parsedAt));
    }

    /** A batch's files checked and parsed: the parsed batch, or the problems found. */
    private record Read(ParsedBatch parsed, List<InputProblem> problems) {
    }

    private Read read(Path directory, BatchManifest manifest) {
        List<InputProblem> problems = BatchFiles.verify(directory, manifest);
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        try {
            return new Read(readers.get(manifest.source()).read(directory, manifest), List.of());
        } catch (BatchRejectedException e) {
            return new Read(null, e.problems());
        }
    }

    /** Reads the batches, each on its own thread (the first on the caller's), in the order given. */
    private List<Read> readAll(List<Path> directories, List<BatchManifest> manifests) {
        List<java.util.concurrent.FutureTask<Read>> tasks = new ArrayList<>();
        for (int i = 1; i < directories.size(); i++) {
            Path directory = directories.get(i);
            BatchManifest manifest = manifests.get(i);
            java.util.concurrent.FutureTask<Read> task = new java.util.concurrent.FutureTask<>(() -> read(directory, manifest));
            Thread thread = new Thread(task, "kofu-load-" + manifest.source().wireName());
            thread.setDaemon(true);
            thread.start();
            tasks.add(task);
        }
        List<Read> reads = new ArrayList<>();
        if (!directories.isEmpty()) {
            reads.add(read(directories.get(0), manifests.get(0)));
        }
        for (java.util.concurrent.FutureTask<Read> task : tasks) {
            try {
                reads.add(task.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the batches", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return reads;
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
