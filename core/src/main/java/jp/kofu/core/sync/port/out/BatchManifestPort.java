package jp.kofu.core.sync.port.out;

import java.nio.file.Path;

import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;

/** Reads and writes the manifest file ({@code manifest.json}) of a batch directory. */
public interface BatchManifestPort {

    /**
     * Reads the manifest of the batch directory.
     *
     * @throws BatchRejectedException naming the manifest and the reason when it is missing or malformed
     */
    BatchManifest read(Path batchDirectory) throws BatchRejectedException;

    /** Writes the manifest into the batch directory. */
    void write(Path batchDirectory, BatchManifest manifest);
}
