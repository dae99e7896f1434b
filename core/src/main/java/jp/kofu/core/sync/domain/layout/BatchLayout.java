package jp.kofu.core.sync.domain.layout;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;

/**
 * The files of one source system's batches (連携ファイル一式): the entities a batch may list and the name a
 * writer gives each file. A batch reader checks the manifest against it, reads the listed files side by
 * side, and gathers every problem into one all-or-nothing answer.
 *
 * <p>Immutable and thread-safe.
 */
public final class BatchLayout {

    private static final String MANIFEST = BatchManifest.FILE_NAME;

    private final SourceSystem source;
    private final List<String> entities;
    private final UnaryOperator<String> fileName;

    /**
     * @param source the system whose batches these are
     * @param entities every entity a batch may list, in the order a full batch's problems name missing ones
     * @param fileName the file name a writer gives an entity's file
     */
    public BatchLayout(SourceSystem source, List<String> entities, UnaryOperator<String> fileName) {
        this.source = Objects.requireNonNull(source, "source");
        this.entities = List.copyOf(entities);
        this.fileName = Objects.requireNonNull(fileName, "fileName");
    }

    public SourceSystem source() {
        return source;
    }

    public List<String> entities() {
        return entities;
    }

    /** The file name a writer gives the entity's file. */
    public String fileName(String entity) {
        return fileName.apply(entity);
    }

    /**
     * @throws BatchRejectedException when the manifest is another source's batch
     */
    public void requireSource(BatchManifest manifest) throws BatchRejectedException {
        if (manifest.source() != source) {
            throw new BatchRejectedException(InputProblem.ofFile(MANIFEST, "source is " + manifest.source().wireName()
                    + "; this reader reads " + source.wireName() + " batches"));
        }
    }

    /**
     * The manifest's files by entity. An unknown or repeated entity is a problem (the first file of an entity
     * is kept), and so is, in a full batch, an entity without a file.
     */
    public Map<String, BatchFile> filesByEntity(BatchManifest manifest, Problems problems) {
        Map<String, BatchFile> files = new LinkedHashMap<>();
        for (BatchFile file : manifest.files()) {
            if (!entities.contains(file.entity())) {
                problems.add(InputProblem.ofFile(MANIFEST, "file " + file.name() + " has unknown entity "
                        + Cells.show(file.entity()) + " (expected " + Cells.alternatives(entities) + ")"));
            } else {
                BatchFile first = files.putIfAbsent(file.entity(), file);
                if (first != null) {
                    problems.add(InputProblem.ofFile(MANIFEST, "entity " + file.entity() + " is listed twice ("
                            + first.name() + " and " + file.name() + ")"));
                }
            }
        }
        if (manifest.kind() == BatchKind.FULL) {
            for (String entity : entities) {
                if (!files.containsKey(entity)) {
                    problems.add(InputProblem.ofFile(MANIFEST, "a full batch needs a file for entity " + entity
                            + " (a " + fileName(entity) + " with only its header when there are none)"));
                }
            }
        }
        return files;
    }

    /**
     * Runs the tasks, one file each, side by side on daemon threads (at most one per processor), and returns
     * what each gave under its key. An unchecked exception or error of a task is rethrown as it is.
     */
    public Map<String, Parsed<?>> readInParallel(Map<String, Callable<Parsed<?>>> tasks) {
        Map<String, Parsed<?>> results = new HashMap<>();
        if (tasks.isEmpty()) {
            return results;
        }
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "kofu-" + source.wireName() + "-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<Parsed<?>>> futures = new LinkedHashMap<>();
            tasks.forEach((key, task) -> futures.put(key, pool.submit(task)));
            for (Map.Entry<String, Future<Parsed<?>>> e : futures.entrySet()) {
                results.put(e.getKey(), e.getValue().get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The data rows of each file the manifest lists, once every problem is known: the manifest's first, then
     * each file's in the manifest's order.
     *
     * @param parsed what each file gave, by entity
     * @throws BatchRejectedException with every problem, when there is any
     */
    public Map<String, Long> recordsPerFile(BatchManifest manifest, Problems manifestProblems,
            Map<String, Parsed<?>> parsed) throws BatchRejectedException {
        Problems all = new Problems();
        all.addAll(manifestProblems);
        Map<String, Long> recordsPerFile = new HashMap<>();
        for (BatchFile file : manifest.files()) {
            Parsed<?> p = parsed.get(file.entity());
            if (p != null && p.file().equals(file.name())) {
                all.addAll(p.problems());
                recordsPerFile.put(file.name(), p.rows());
            }
        }
        all.throwIfAny();
        return recordsPerFile;
    }
}
