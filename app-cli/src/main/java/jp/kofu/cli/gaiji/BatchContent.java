package jp.kofu.cli.gaiji;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.port.out.BatchReaderPort;
import jp.kofu.core.sync.service.BatchFiles;

/**
 * The content of batches on disk, read by the application's batch readers exactly as a load would read
 * them (manifest, checksums, every record), with no correspondence table: every vendor 外字 stays a vendor
 * code, which is what a 文字同定 scan of a batch wants to see.
 */
final class BatchContent {

    private BatchContent() {
    }

    /**
     * Reads the batch in the directory, or every batch directly below it.
     *
     * @throws BatchRejectedException with every problem found, prefixed by the batch directory
     */
    static ReplicaContent read(Injector kofu, Path directory) throws BatchRejectedException {
        BatchManifestPort manifests = kofu.getInstance(BatchManifestPort.class);
        Map<SourceSystem, BatchReaderPort> readers = new EnumMap<>(SourceSystem.class);
        for (BatchReaderPort r : kofu.getInstance(Key.get(new TypeLiteral<Set<BatchReaderPort>>() { }))) {
            readers.put(r.source(), r);
        }
        List<Path> batches = find(directory);
        if (batches.isEmpty()) {
            throw new BatchRejectedException(InputProblem.ofFile(directory.toString(),
                    "no batch here (no " + BatchManifest.FILE_NAME + " in it or in its sub-directories)"));
        }
        List<InputProblem> problems = new ArrayList<>();
        ReplicaContent content = ReplicaContent.empty();
        for (Path batch : batches) {
            String where = batch.getFileName() + "/";
            try {
                BatchManifest manifest = manifests.read(batch);
                if (manifest.kind() == jp.kofu.core.sync.domain.BatchKind.DIGEST) {
                    continue; // a digest (照合データ) holds hashes, no text
                }
                List<InputProblem> files = BatchFiles.verify(batch, manifest);
                BatchReaderPort reader = readers.get(manifest.source());
                if (reader == null) {
                    files = new ArrayList<>(files);
                    files.add(InputProblem.ofFile(BatchManifest.FILE_NAME, "no reader for source "
                            + manifest.source().wireName()));
                }
                if (!files.isEmpty()) {
                    files.forEach(p -> problems.add(prefixed(where, p)));
                    continue;
                }
                content = content.plus(reader.read(batch, manifest).content());
            } catch (BatchRejectedException e) {
                e.problems().forEach(p -> problems.add(prefixed(where, p)));
            }
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        return content;
    }

    private static InputProblem prefixed(String where, InputProblem p) {
        return p.file().startsWith(where) ? p : new InputProblem(where + p.file(), p.line(), p.column(), p.reason());
    }

    private static List<Path> find(Path directory) {
        if (Files.isRegularFile(directory.resolve(BatchManifest.FILE_NAME))) {
            return List.of(directory);
        }
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(BatchManifest.FILE_NAME))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
