package jp.kofu.core.sync.domain;

import java.util.Map;
import java.util.Objects;

import jp.kofu.core.replica.domain.ReplicaContent;

/**
 * What a batch reader found in a batch's data files: the records (upserts, in a delta), the deletions
 * (削除, {@code op} D rows of a delta; always empty for a full batch), and how many records each file held
 * (to be checked against the manifest; deletion rows count as records).
 *
 * @param content the records
 * @param deletions the keys deleted
 * @param recordsPerFile data records per file name
 */
public record ParsedBatch(ReplicaContent content, Deletions deletions, Map<String, Long> recordsPerFile) {

    public ParsedBatch {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(deletions, "deletions");
        recordsPerFile = Map.copyOf(recordsPerFile);
    }

    /** A batch without deletions. */
    public ParsedBatch(ReplicaContent content, Map<String, Long> recordsPerFile) {
        this(content, Deletions.none(), recordsPerFile);
    }
}
