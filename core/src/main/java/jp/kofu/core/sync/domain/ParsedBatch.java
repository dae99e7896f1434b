package jp.kofu.core.sync.domain;

import java.util.Map;

import jp.kofu.core.replica.domain.ReplicaContent;

/**
 * What a batch reader found in a batch's data files: the records, and how many records each file held
 * (to be checked against the manifest).
 *
 * @param content the records
 * @param recordsPerFile data records per file name
 */
public record ParsedBatch(ReplicaContent content, Map<String, Long> recordsPerFile) {

    public ParsedBatch {
        recordsPerFile = Map.copyOf(recordsPerFile);
    }
}
