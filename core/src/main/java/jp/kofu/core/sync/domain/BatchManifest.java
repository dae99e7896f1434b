package jp.kofu.core.sync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The manifest (マニフェスト) of a sync batch: which tenant and source it belongs to, its place in that
 * source's sequence, its kind, and every data file with its record count and SHA-256.
 *
 * <h2>Apply semantics</h2>
 * <ul>
 *   <li>Batches of one tenant and source form one stream numbered 1, 2, 3, … without gaps. The replica
 *       records the last applied number in the same transaction as the data.</li>
 *   <li>A {@link BatchKind#FULL full} batch replaces everything the source holds for the tenant and sets
 *       the stream's position to its number.</li>
 *   <li>A {@link BatchKind#DELTA delta} batch applies only when its number is the last applied plus one.
 *       A number at or below the last applied is a duplicate and a no-op; a higher number is a gap: it is
 *       held, the stream stops, and an alarm names the missing number.</li>
 *   <li>A batch whose files do not match the manifest (missing file, count, checksum), whose tenant is not
 *       the receiving tenant, or with any malformed record is rejected whole and quarantined with every
 *       reason (file, line, field); nothing of it is applied and the stream stops until resolved.</li>
 *   <li>A {@link BatchKind#DIGEST digest} batch changes nothing; it is compared with the replica.</li>
 * </ul>
 *
 * @param tenant 地方公共団体コード
 * @param source the source system
 * @param sequence the batch's number in its stream, from 1
 * @param kind full, delta or digest
 * @param createdAt when the source wrote the batch
 * @param files the data files
 * @param format the layout the data files are in (CSV unless the manifest says otherwise)
 */
public record BatchManifest(
        LocalGovernmentCode tenant,
        SourceSystem source,
        long sequence,
        BatchKind kind,
        Instant createdAt,
        List<BatchFile> files,
        BatchFormat format) {

    /** A manifest of a batch in kofu's CSV layout. */
    public BatchManifest(LocalGovernmentCode tenant, SourceSystem source, long sequence, BatchKind kind,
            Instant createdAt, List<BatchFile> files) {
        this(tenant, source, sequence, kind, createdAt, files, BatchFormat.CSV);
    }

    public BatchManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + sequence);
        }
        files = List.copyOf(files);
        if (files.stream().map(BatchFile::name).distinct().count() != files.size()) {
            throw new IllegalArgumentException("a file is listed twice in the manifest");
        }
    }

    /** The same manifest for a batch in another layout. */
    public BatchManifest withFormat(BatchFormat other) {
        return new BatchManifest(tenant, source, sequence, kind, createdAt, files, other);
    }

    /** The file holding the entity, if the batch has one. */
    public Optional<BatchFile> fileFor(String entity) {
        return files.stream().filter(f -> f.entity().equals(entity)).findFirst();
    }

    /** The manifest's file name inside a batch directory. */
    public static final String FILE_NAME = "manifest.json";
}
