package jp.kofu.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jp.kofu.adapters.jukiki.JukikiCsvWriter;
import jp.kofu.adapters.tax.TaxCsvWriter;
import jp.kofu.cli.generate.DeltaGenerator;
import jp.kofu.cli.generate.SyntheticTown;
import jp.kofu.cli.generate.VendorGaijiTable;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.digest.DigestFiles;
import jp.kofu.core.sync.port.out.BatchManifestPort;

/**
 * Writes a synthetic town as the vendors would deliver it: one full batch per source in kofu's CSV
 * layout or a fixed-length layout, each with its manifest, then any deltas (異動データ). The full manifests' creation time is the town's reference date (not the
 * clock), so the same seed and date give byte-identical batches.
 */
final class TownWriter {

    private final BatchManifestPort manifests;
    private final BatchFormat format;

    TownWriter(BatchManifestPort manifests) {
        this(manifests, BatchFormat.CSV);
    }

    /** A writer of batches in the format (kofu's CSV, or a fixed-length layout such as kofu-fixed-v1). */
    TownWriter(BatchManifestPort manifests, BatchFormat format) {
        this.manifests = manifests;
        this.format = format;
    }

    /** Writes both full batches below the directory and returns their directories. */
    List<Path> writeFull(SyntheticTown town, Path out) throws IOException {
        var createdAt = town.referenceDate().atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant();
        Path jukiki = out.resolve(Batches.name(SourceSystem.JUKIKI, 1, BatchKind.FULL));
        List<BatchFile> jukikiFiles = new JukikiCsvWriter().write(jukiki, town.residentRecordContent(), format);
        manifests.write(jukiki, new BatchManifest(town.tenant(), SourceSystem.JUKIKI, 1, BatchKind.FULL, createdAt, jukikiFiles, format));
        Path tax = out.resolve(Batches.name(SourceSystem.TAX, 1, BatchKind.FULL));
        List<BatchFile> taxFiles = new TaxCsvWriter().write(tax, town.taxContent(), format);
        manifests.write(tax, new BatchManifest(town.tenant(), SourceSystem.TAX, 1, BatchKind.FULL, createdAt, taxFiles, format));
        if (format.isCsv()) {
            VendorGaijiTable.write(town, out); // the vendor's own 外字 code table, for kofu gaiji propose
        } // a fixed-length town's table lists every SJIS 外字 of its deltas too: written after them
        return List.of(jukiki, tax);
    }

    /**
     * Writes one delta of both sources below the directory (sequence numbers continue after the full
     * batches: delta k is number k + 1), its deletions as {@code op} D rows, and returns their directories.
     */
    List<Path> writeDelta(SyntheticTown town, DeltaGenerator.Delta delta, Path out) throws IOException {
        long sequence = delta.number() + 1L;
        Path jukiki = out.resolve(Batches.name(SourceSystem.JUKIKI, sequence, BatchKind.DELTA));
        List<BatchFile> jukikiFiles = new JukikiCsvWriter().write(jukiki, delta.jukiki(), format, delta.jukikiDeletions());
        manifests.write(jukiki, new BatchManifest(town.tenant(), SourceSystem.JUKIKI, sequence, BatchKind.DELTA,
                delta.createdAt(), jukikiFiles, format));
        Path tax = out.resolve(Batches.name(SourceSystem.TAX, sequence, BatchKind.DELTA));
        List<BatchFile> taxFiles = new TaxCsvWriter().write(tax, delta.tax(), format, delta.taxDeletions());
        manifests.write(tax, new BatchManifest(town.tenant(), SourceSystem.TAX, sequence, BatchKind.DELTA,
                delta.createdAt(), taxFiles, format));
        return List.of(jukiki, tax);
    }

    /**
     * Writes one digest batch (照合データ) per source describing the content as of the sequence, and returns
     * their directories. The digest is computed from the generator's own model through core's canonical
     * hashing, never from written files, so it does not depend on the layout the batches were written in.
     */
    List<Path> writeDigests(SyntheticTown town, long sequence, Instant createdAt, ReplicaContent content, Path out)
            throws IOException {
        List<Path> written = new java.util.ArrayList<>();
        for (SourceSystem source : SourceSystem.values()) {
            Path dir = out.resolve(Batches.name(source, sequence, BatchKind.DIGEST));
            List<BatchFile> files = DigestFiles.write(dir, source, content);
            manifests.write(dir, new BatchManifest(town.tenant(), source, sequence, BatchKind.DIGEST, createdAt, files));
            written.add(dir);
        }
        return written;
    }
}
