package jp.kofu.server.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase;
import jp.kofu.core.sync.port.in.LoadInitialReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.server.wiring.SyncConfig;

/**
 * Receives one uploaded batch (異動データ受信) for an authenticated tenant: unpacks it, checks that it is the
 * tenant's, stores it durably under the data directory and applies it — deltas through
 * {@link ApplyBatchUseCase} (exactly once, gaps held, bad batches quarantined), full batches through
 * {@link LoadInitialReplicaUseCase} unless the stream is already at or past their number, digest batches kept
 * for {@code kofu sync verify}. Uploads are handled one at a time.
 */
public final class SyncReceiver {

    /** What the receiver answers; {@code status} is the HTTP status. */
    public record Result(int status, Map<String, Object> body) {
    }

    private final SyncConfig config;
    private final BatchManifestPort manifests;
    private final ApplyBatchUseCase apply;
    private final LoadInitialReplicaUseCase load;
    private final ReplicaWritePort sequences;
    private final SyncStatePort state;
    private final TenantSettingsPort tenants;
    private final Clock clock;

    @Inject
    public SyncReceiver(SyncConfig config, BatchManifestPort manifests, ApplyBatchUseCase apply,
                        LoadInitialReplicaUseCase load, ReplicaWritePort sequences, SyncStatePort state,
                        TenantSettingsPort tenants, Clock clock) {
        this.config = config;
        this.manifests = manifests;
        this.apply = apply;
        this.load = load;
        this.sequences = sequences;
        this.state = state;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Where the received batches of a tenant are kept. */
    public Path batchesOf(LocalGovernmentCode tenant) {
        return config.dataDir().resolve("batches").resolve(tenant.value());
    }

    /**
     * Receives the archive (already authenticated as the tenant's, its digest checked).
     *
     * @param archive the zip file, deleted afterwards
     */
    public synchronized Result receive(LocalGovernmentCode tenant, Path archive) throws IOException {
        Path incoming = archive.resolveSibling(archive.getFileName() + ".d");
        try {
            try (InputStream in = Files.newInputStream(archive)) {
                BatchArchive.unpack(in, incoming, config.maxBatchBytes());
            } catch (IllegalArgumentException e) {
                return error(400, "bad-archive", e.getMessage());
            }
            BatchManifest manifest;
            try {
                manifest = manifests.read(incoming);
            } catch (BatchRejectedException e) {
                // unreadable manifest: kept for staff and quarantined through the use case, which raises the alarm
                Path kept = store(incoming, batchesOf(tenant).resolve("unreadable"), "batch");
                ApplyBatchUseCase.Outcome outcome = apply.apply(new ApplyBatchUseCase.Command(tenant, kept));
                return outcome(outcome);
            }
            if (!manifest.tenant().equals(tenant)) {
                return error(403, "tenant-mismatch", "the batch belongs to tenant " + manifest.tenant()
                        + " but was signed with the key of tenant " + tenant + "; nothing stored");
            }
            Path kept = store(incoming, batchesOf(tenant).resolve(manifest.source().wireName()),
                    String.format("%06d-%s", manifest.sequence(), manifest.kind().wireName()));
            return switch (manifest.kind()) {
                case DELTA -> {
                    ApplyBatchUseCase.Outcome outcome = apply.apply(new ApplyBatchUseCase.Command(tenant, kept));
                    if (outcome instanceof ApplyBatchUseCase.AlreadyApplied) {
                        deleteTree(kept); // a resent copy of an applied batch is not kept twice
                    }
                    yield outcome(outcome);
                }
                case FULL -> full(tenant, manifest, kept);
                case DIGEST -> {
                    state.received(tenant, manifest.source(), clock.instant());
                    Map<String, Object> body = body("stored", manifest.source(), manifest.sequence(),
                            "digest batch " + manifest.sequence() + " stored for kofu sync verify");
                    body.put("stored", kept.toString());
                    yield new Result(202, body);
                }
            };
        } finally {
            Files.deleteIfExists(archive);
            deleteTree(incoming);
        }
    }

    private Result full(LocalGovernmentCode tenant, BatchManifest manifest, Path kept) throws IOException {
        SourceSystem source = manifest.source();
        state.received(tenant, source, clock.instant());
        OptionalLong last = sequences.lastAppliedSequence(tenant, source);
        if (last.isPresent() && manifest.sequence() <= last.getAsLong()) {
            deleteTree(kept);
            Map<String, Object> body = body("already-applied", source, manifest.sequence(), source.wireName()
                    + " full batch " + manifest.sequence() + " was already applied (last applied is "
                    + last.getAsLong() + "); nothing done");
            body.put("lastApplied", last.getAsLong());
            return new Result(200, body);
        }
        try {
            LoadInitialReplicaUseCase.Report report = load.load(new LoadInitialReplicaUseCase.Command(tenant, List.of(kept)));
            if (tenants.find(tenant).isEmpty()) {
                tenants.save(TenantSettings.defaultsFor(tenant));
            }
            state.applied(tenant, source, clock.instant());
            Map<String, Object> body = body("applied", source, manifest.sequence(), source.wireName() + " full batch "
                    + manifest.sequence() + " loaded: " + report.totalRecords() + " records");
            body.put("records", report.totalRecords());
            return new Result(201, body);
        } catch (BatchRejectedException e) {
            return quarantined(source.wireName(), manifest.sequence(), e.problems(),
                    source.wireName() + " full batch " + manifest.sequence() + " rejected whole; nothing loaded");
        }
    }

    private static Result outcome(ApplyBatchUseCase.Outcome outcome) {
        if (outcome instanceof ApplyBatchUseCase.Applied a) {
            Map<String, Object> body = body("applied", a.source(), a.sequence(), a.message());
            body.put("upserted", a.upserted());
            body.put("deleted", a.deleted());
            body.put("ignoredAsOlder", a.ignoredAsOlder());
            body.put("followers", a.followers().stream().map(f -> outcome(f).body()).toList());
            return new Result(201, body);
        }
        if (outcome instanceof ApplyBatchUseCase.AlreadyApplied a) {
            Map<String, Object> body = body("already-applied", a.source(), a.sequence(), a.message());
            body.put("lastApplied", a.lastApplied());
            return new Result(200, body);
        }
        if (outcome instanceof ApplyBatchUseCase.Held h) {
            Map<String, Object> body = body("held", h.source(), h.sequence(), h.message());
            body.put("missing", h.missing());
            return new Result(202, body);
        }
        if (outcome instanceof ApplyBatchUseCase.StreamStopped s) {
            Map<String, Object> body = body("stream-stopped", s.source(), s.sequence(), s.message());
            body.put("quarantinedSequence", s.quarantinedSequence());
            return new Result(202, body);
        }
        ApplyBatchUseCase.Quarantined q = (ApplyBatchUseCase.Quarantined) outcome;
        return quarantined(q.source().map(SourceSystem::wireName).orElse(null), q.sequence(), q.problems(), q.message());
    }

    private static Result quarantined(String source, long sequence, List<InputProblem> problems, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", "quarantined");
        body.put("source", source);
        body.put("sequence", sequence);
        body.put("message", message);
        body.put("problems", problems.stream().map(InputProblem::toString).toList());
        return new Result(422, body);
    }

    private static Map<String, Object> body(String outcome, SourceSystem source, long sequence, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("source", source.wireName());
        body.put("sequence", sequence);
        body.put("message", message);
        return body;
    }

    /** An error answer: {@code {"error": code, "message": …}}. */
    public static Result error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return new Result(status, body);
    }

    /** Moves the unpacked batch to {@code parent/name-<millis>} (a fresh directory per received copy). */
    private Path store(Path unpacked, Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        Path target = parent.resolve(name + "-" + clock.millis());
        for (int i = 1; Files.exists(target); i++) {
            target = parent.resolve(name + "-" + clock.millis() + "-" + i);
        }
        Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** A fresh path for an upload's archive under the data directory. */
    public Path newArchive() throws IOException {
        Path dir = config.dataDir().resolve("incoming");
        Files.createDirectories(dir);
        return dir.resolve(UUID.randomUUID() + ".zip");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
