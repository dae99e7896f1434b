package jp.kofu.core.sync.port.out;

import java.nio.file.Path;

import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;

/**
 * Reads the data files of one source's batches in a vendor layout (連携ファイルの読込).
 *
 * <p>The caller has already checked the manifest against the files (presence, SHA-256); the reader parses
 * every file the manifest lists, converts characters to {@code PrintedText}, and either returns every
 * record or throws with every problem found (file, line, column, reason). It never skips a row.
 */
public interface BatchReaderPort {

    /** The source whose layout this reader understands. */
    SourceSystem source();

    /**
     * Parses all data files of the batch.
     *
     * @param directory the batch directory
     * @param manifest its manifest
     * @throws BatchRejectedException with every problem found, when any record is malformed
     */
    ParsedBatch read(Path directory, BatchManifest manifest) throws BatchRejectedException;
}
