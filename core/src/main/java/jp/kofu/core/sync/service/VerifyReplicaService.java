package jp.kofu.core.sync.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.inject.Inject;

import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.digest.CanonicalForm;
import jp.kofu.core.sync.domain.digest.DigestFiles;
import jp.kofu.core.sync.domain.digest.DigestKeys;
import jp.kofu.core.sync.domain.digest.EntityDigest;
import jp.kofu.core.sync.domain.digest.HashSum;
import jp.kofu.core.sync.port.in.VerifyReplicaUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;

/**
 * Implements {@link VerifyReplicaUseCase}. The digest batch is checked whole first (manifest, file
 * checksums, every line of every key file). Then, in one snapshot of the replica, each entity is hashed
 * streaming (count and hash sum only); only an entity whose sum differs is enumerated a second time with its
 * keys, sorted in memory and merged with the digest's sorted key file to name the differing keys.
 */
public final class VerifyReplicaService implements VerifyReplicaUseCase {

    private final BatchManifestPort manifests;
    private final ReplicaReadPort replica;

    @Inject
    public VerifyReplicaService(BatchManifestPort manifests, ReplicaReadPort replica) {
        this.manifests = manifests;
        this.replica = replica;
    }

    @Override
    public Report verify(Command command) throws BatchRejectedException {
        Path directory = command.digest();
        long start = System.nanoTime();
        BatchManifest manifest = manifests.read(directory);
        List<InputProblem> problems = BatchFiles.verify(directory, manifest);
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        Map<String, EntityDigest> digest = DigestFiles.read(directory, manifest);
        long checked = System.nanoTime();
        return replica.read(manifest.tenant(), snapshot -> {
            OptionalLong sequence = snapshot.appliedSequence(manifest.source());
            List<EntityResult> results = new ArrayList<>();
            for (ReplicaEntity<?> entity : DigestFiles.entities(manifest.source())) {
                results.add(compare(snapshot, entity, digest.get(entity.name()), directory));
            }
            return new Report(manifest.tenant(), manifest.source(), manifest.sequence(), sequence, results,
                    Duration.ofNanos(checked - start), Duration.ofNanos(System.nanoTime() - checked));
        });
    }

    /**
     * The digest of one entity of a replica snapshot: its record count and hash sum — for comparing two
     * replicas (e.g. after a fault test) without a digest batch.
     */
    public static <R> EntityDigest digestOf(ReplicaReadPort.Snapshot snapshot, ReplicaEntity<R> entity) {
        CanonicalForm form = new CanonicalForm();
        HashSum sum = new HashSum();
        snapshot.forEach(entity, r -> sum.add(form.hash(entity, r)));
        return new EntityDigest(entity.name(), sum.count(), sum.hex());
    }

    private static <R> EntityResult compare(ReplicaReadPort.Snapshot snapshot, ReplicaEntity<R> entity,
                                            EntityDigest stated, Path directory) {
        EntityDigest held = digestOf(snapshot, entity);
        if (held.sameAs(stated)) {
            return new EntityResult(stated, held, 0, 0, 0, List.of());
        }
        CanonicalForm form = new CanonicalForm();
        List<DigestFiles.Entry> ours = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, held.records()));
        snapshot.forEach(entity, r -> ours.add(new DigestFiles.Entry(DigestKeys.key(entity, r), form.hash(entity, r))));
        ours.sort((a, b) -> DigestKeys.ORDER.compare(a.key(), b.key()));
        long missing = 0;
        long extra = 0;
        long different = 0;
        List<Difference> first = new ArrayList<>();
        try (DigestFiles.KeyReader theirs = DigestFiles.KeyReader.open(directory, entity.name())) {
            DigestFiles.Entry t = theirs.next();
            int i = 0;
            while (t != null || i < ours.size()) {
                DigestFiles.Entry o = i < ours.size() ? ours.get(i) : null;
                int c = t == null ? 1 : o == null ? -1 : DigestKeys.ORDER.compare(t.key(), o.key());
                Difference d = null;
                if (c < 0) {
                    missing++;
                    d = new Difference(t.key(), Kind.MISSING_IN_REPLICA);
                    t = theirs.next();
                } else if (c > 0) {
                    extra++;
                    d = new Difference(o.key(), Kind.EXTRA_IN_REPLICA);
                    i++;
                } else {
                    if (!Arrays.equals(t.hash(), o.hash())) {
                        different++;
                        d = new Difference(t.key(), Kind.DIFFERENT);
                    }
                    t = theirs.next();
                    i++;
                }
                if (d != null && first.size() < MAX_KEYS) {
                    first.add(d);
                }
            }
        } catch (BatchRejectedException e) {
            // the batch was read whole and accepted before: the file changed under us
            throw new IllegalStateException("digest file " + DigestFiles.keysFile(entity.name()) + " changed during verify", e);
        }
        return new EntityResult(stated, held, missing, extra, different, first);
    }
}
