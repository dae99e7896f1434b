package jp.kofu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;

/**
 * Where batches live on disk: a batch is a directory holding {@code manifest.json}; the generator names
 * them {@code <source>-<sequence>-<kind>}, e.g. {@code jukiki-000001-full}.
 */
final class Batches {

    private Batches() {
    }

    /** The directory name of a batch. */
    static String name(SourceSystem source, long sequence, BatchKind kind) {
        return String.format("%s-%06d-%s", source.wireName(), sequence, kind.wireName());
    }

    /** The directory itself when it is a batch, else its sub-directories that are batches, by name. */
    static List<Path> find(Path directory) {
        if (Files.isRegularFile(directory.resolve(BatchManifest.FILE_NAME))) {
            return List.of(directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new BadInputException(directory + ": no such directory");
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(BatchManifest.FILE_NAME))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
