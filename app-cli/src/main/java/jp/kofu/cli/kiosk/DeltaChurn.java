package jp.kofu.cli.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jp.kofu.adapters.jukiki.JukikiCsvWriter;
import jp.kofu.adapters.tax.TaxCsvWriter;
import jp.kofu.cli.generate.DeltaGenerator;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.in.ApplyBatchUseCase;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Delta batches applied while kiosks run (異動データの同時適用): each round takes the next realistic delta of
 * the {@link DeltaGenerator} (moves, move-ins and -outs, births, deaths, marriages, seals, 支援措置, tax
 * corrections), adds to it swaps of the names and addresses of random pairs of the kiosks' cardholders —
 * the change that turns any mix-up between two requests into a visibly wrong certificate — writes both
 * sources' delta batches in the vendors' CSV layout with their manifests, and applies them through
 * {@link ApplyBatchUseCase}, the path {@code kofu sync apply} takes. The {@link ResidentOracle} is told
 * every changed record before the apply starts and again when it has returned.
 *
 * <p>Rounds run one at a time (synchronized); a batch that is not applied stops the churn with an exception,
 * since the oracle would then no longer know the replica's content.
 */
public final class DeltaChurn {

    private final ApplyBatchUseCase apply;
    private final BatchManifestPort manifests;
    private final LocalGovernmentCode tenant;
    private final DeltaGenerator generator;
    private final Path directory;
    private final ResidentOracle oracle;
    private final Clock clock;
    private final SplittableRandom random;
    private final List<PersonKey> swappable;
    private final int pairsPerRound;
    private long changedRecords;
    private int rounds;

    /**
     * @param generator the town's delta generator, positioned after the batches already applied
     * @param directory where the batches are written
     * @param swappable the persons whose names and addresses may be swapped (the kiosks' cardholders)
     * @param pairsPerRound swapped pairs added to each delta
     */
    public DeltaChurn(ApplyBatchUseCase apply, BatchManifestPort manifests, LocalGovernmentCode tenant,
                      DeltaGenerator generator, Path directory, ResidentOracle oracle, Clock clock, long seed,
                      List<PersonKey> swappable, int pairsPerRound) {
        this.apply = apply;
        this.manifests = manifests;
        this.tenant = tenant;
        this.generator = generator;
        this.directory = directory;
        this.oracle = oracle;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.swappable = List.copyOf(swappable);
        generator.protect(this.swappable); // their test cards must keep resolving: no card re-issue for them
        this.pairsPerRound = pairsPerRound;
    }

    /** One round: the next delta plus the swaps, written and applied; returns the resident records changed. */
    public synchronized int round() {
        DeltaGenerator.Delta delta = generator.next();
        Map<PersonKey, Resident> changed = new LinkedHashMap<>();
        delta.jukiki().residents().forEach(r -> changed.put(r.key(), r));
        for (int p = 0; p < pairsPerRound && swappable.size() > 1; p++) {
            PersonKey a = swappable.get(random.nextInt(swappable.size()));
            PersonKey b = swappable.get(random.nextInt(swappable.size()));
            if (a.equals(b) || changed.containsKey(a) || changed.containsKey(b)) {
                continue;
            }
            Resident ra = generator.resident(a).orElse(null);
            Resident rb = generator.resident(b).orElse(null);
            if (ra == null || rb == null || ra.status() == ResidentStatus.REMOVED || rb.status() == ResidentStatus.REMOVED) {
                continue;
            }
            Resident na = swapped(ra, rb);
            Resident nb = swapped(rb, ra);
            generator.adopt(na);
            generator.adopt(nb);
            changed.put(a, na);
            changed.put(b, nb);
        }
        ReplicaContent j = delta.jukiki();
        ReplicaContent jukiki = new ReplicaContent(List.copyOf(changed.values()), j.households(), j.seals(),
                j.suppressionFlags(), j.cardholders(), List.of());
        long sequence = delta.number() + 1L;
        Path jukikiBatch;
        Path taxBatch;
        try {
            jukikiBatch = directory.resolve(batchName(SourceSystem.JUKIKI, sequence));
            manifests.write(jukikiBatch, new BatchManifest(tenant, SourceSystem.JUKIKI, sequence, BatchKind.DELTA,
                    delta.createdAt(), new JukikiCsvWriter().write(jukikiBatch, jukiki, BatchFormat.CSV,
                            delta.jukikiDeletions())));
            taxBatch = directory.resolve(batchName(SourceSystem.TAX, sequence));
            List<BatchFile> taxFiles = new TaxCsvWriter().write(taxBatch, delta.tax(), BatchFormat.CSV,
                    delta.taxDeletions());
            manifests.write(taxBatch, new BatchManifest(tenant, SourceSystem.TAX, sequence, BatchKind.DELTA,
                    delta.createdAt(), taxFiles));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Resident> records = new ArrayList<>(changed.values());
        oracle.learn(jukiki.seals(), delta.tax().taxRecords());
        Instant started = clock.instant();
        oracle.writing(records, started);
        applied(apply.apply(new ApplyBatchUseCase.Command(tenant, jukikiBatch)));
        applied(apply.apply(new ApplyBatchUseCase.Command(tenant, taxBatch)));
        oracle.written(records, clock.instant());
        changedRecords += records.size();
        rounds++;
        return records.size();
    }

    /** Rounds applied so far. */
    public synchronized int rounds() {
        return rounds;
    }

    /** Resident records changed so far. */
    public synchronized long changedRecords() {
        return changedRecords;
    }

    private static void applied(ApplyBatchUseCase.Outcome outcome) {
        if (!(outcome instanceof ApplyBatchUseCase.Applied a)) {
            throw new IllegalStateException("a churn delta was not applied: " + outcome.message());
        }
        if (a.ignoredAsOlder() > 0) {
            // the oracle takes every record of the delta as current: the replica must agree
            throw new IllegalStateException("a churn delta had records older than the replica's: " + outcome.message());
        }
    }

    private static String batchName(SourceSystem source, long sequence) {
        return String.format("%s-%06d-%s", source.wireName(), sequence, BatchKind.DELTA.wireName());
    }

    /** The resident with the other's name and address, and a new version. */
    private static Resident swapped(Resident r, Resident other) {
        return new Resident(r.key(), r.household(), other.name(), other.nameKana(), r.formerSurname(),
                r.formerSurnameKana(), r.alias(), r.birthDate(), r.sex(), r.relationship(), other.address(),
                other.addressSupplement(), r.domicile(), r.domicileHead(), r.becameResidentOn(), r.addressSetOn(),
                r.notifiedOn(), r.addressBeforeMoveIn(), r.addressBeforeChange(), r.entryReason(),
                r.individualNumber(), r.residentRecordCode(), r.status(), r.foreign(), r.version() + 1);
    }
}
