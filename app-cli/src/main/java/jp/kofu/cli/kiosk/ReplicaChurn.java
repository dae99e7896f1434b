package jp.kofu.cli.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Changes the replica while kiosks run (異動の同時適用): each round swaps the names and addresses of random pairs
 * of residents — the change that turns any mix-up between two requests into a visibly wrong certificate —
 * and writes the resident-record source's content through {@link ReplicaWritePort#replaceAll} as one
 * full batch, telling the {@link ResidentOracle} before and after. When delta batches exist, a round can
 * apply a delta instead: only {@link #round()} needs to change.
 */
public final class ReplicaChurn {

    private final ReplicaWritePort writer;
    private final LocalGovernmentCode tenant;
    private final ResidentOracle oracle;
    private final Clock clock;
    private final SplittableRandom random;
    private final int pairsPerRound;
    private ReplicaContent current;
    private long sequence;

    /**
     * @param current the resident-record content now in the replica (tax records are left alone)
     * @param sequence the jukiki sequence now applied
     */
    public ReplicaChurn(ReplicaWritePort writer, LocalGovernmentCode tenant, ReplicaContent current, long sequence,
                        ResidentOracle oracle, Clock clock, long seed, int pairsPerRound) {
        this.writer = writer;
        this.tenant = tenant;
        this.current = new ReplicaContent(current.residents(), current.households(), current.seals(),
                current.suppressionFlags(), current.cardholders(), List.of());
        this.sequence = sequence;
        this.oracle = oracle;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.pairsPerRound = pairsPerRound;
    }

    /** One round: swaps, writes, and returns how many residents changed. */
    public synchronized int round() {
        List<Resident> residents = new ArrayList<>(current.residents());
        Map<PersonKey, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < residents.size(); i++) {
            index.put(residents.get(i).key(), i);
        }
        List<Resident> changed = new ArrayList<>();
        for (int p = 0; p < pairsPerRound; p++) {
            int a = random.nextInt(residents.size());
            int b = random.nextInt(residents.size());
            if (a == b) {
                continue;
            }
            Resident ra = residents.get(a);
            Resident rb = residents.get(b);
            Resident na = with(ra, rb);
            Resident nb = with(rb, ra);
            residents.set(a, na);
            residents.set(b, nb);
            changed.removeIf(r -> r.key().equals(na.key()) || r.key().equals(nb.key()));
            changed.add(na);
            changed.add(nb);
        }
        ReplicaContent next = new ReplicaContent(residents, current.households(), current.seals(),
                current.suppressionFlags(), current.cardholders(), List.of());
        Instant started = clock.instant();
        oracle.writing(changed, started);
        sequence++;
        writer.replaceAll(tenant, List.of(new BatchManifest(tenant, SourceSystem.JUKIKI, sequence, BatchKind.FULL, started,
                List.of(new BatchFile("residents.csv", "residents", residents.size(), "0".repeat(64))))), next);
        oracle.written(changed, clock.instant());
        current = next;
        return changed.size();
    }

    /** The resident with the other's name and address, and a new version. */
    private static Resident with(Resident r, Resident other) {
        return new Resident(r.key(), r.household(), other.name(), other.nameKana(), r.formerSurname(),
                r.formerSurnameKana(), r.alias(), r.birthDate(), r.sex(), r.relationship(), other.address(),
                other.addressSupplement(), r.domicile(), r.domicileHead(), r.becameResidentOn(), r.addressSetOn(),
                r.notifiedOn(), r.addressBeforeMoveIn(), r.addressBeforeChange(), r.entryReason(),
                r.individualNumber(), r.residentRecordCode(), r.status(), r.foreign(), r.version() + 1);
    }
}
