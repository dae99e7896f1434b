package jp.kofu.core.sync.port.in;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Loads the initial replica (当初複製データの作成) from full batches: all or nothing. Every batch is checked
 * against its manifest (tenant, kind, files, record counts, SHA-256) and every record is parsed before
 * anything is written; then the replica of the batches' sources is replaced in one transaction.
 */
public interface LoadInitialReplicaUseCase {

    /**
     * Loads the batches.
     *
     * @throws BatchRejectedException with every problem found; nothing is loaded then
     */
    Report load(Command command) throws BatchRejectedException;

    /**
     * @param tenant the tenant the batches must belong to
     * @param batches batch directories, at most one full batch per source
     */
    record Command(LocalGovernmentCode tenant, List<Path> batches) {
        public Command {
            Objects.requireNonNull(tenant);
            batches = List.copyOf(batches);
            if (batches.isEmpty()) {
                throw new IllegalArgumentException("no batch to load");
            }
        }
    }

    /**
     * What was loaded.
     *
     * @param sequences the sequence number now applied per source
     * @param recordsPerEntity records loaded per entity name
     * @param parsing time spent checking and parsing
     * @param writing time spent writing
     */
    record Report(Map<SourceSystem, Long> sequences, Map<String, Long> recordsPerEntity, Duration parsing,
                  Duration writing) {
        public Report {
            sequences = Map.copyOf(sequences);
            recordsPerEntity = Map.copyOf(recordsPerEntity);
        }

        public long totalRecords() {
            return recordsPerEntity.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
