package jp.kofu.core.gaiji.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The guard against unknown 外字 (未同定外字の検知). A record holding a vendor code the tenant's correspondence
 * table does not map is stored as it is, its certificates are suppressed (未同定外字, by the suppression
 * policy), and an alarm (障害通知) names the tenant, the code and how many residents are affected:
 * key {@code gaiji/unidentified/<code>}, where {@code 文字同定}, what
 * {@code <code>: N residents suppressed (未同定外字)} — no names.
 *
 * <p>For the loads and the sync: convert a batch's content with {@link #convert} before writing it, then
 * call {@link #detect(LocalGovernmentCode, ReplicaContent)} after writing it.
 */
public interface DetectUnidentifiedCharactersUseCase {

    /** The alarm key prefix: {@code gaiji/unidentified/} + vendor code. */
    String ALARM_PREFIX = "gaiji/unidentified/";

    /** Where the alarms say the condition is. */
    String ALARM_WHERE = "文字同定";

    /**
     * The content with every vendor code the tenant's current table maps replaced by its character — what a
     * load or a delta must write. Codes the table does not map stay unidentified.
     */
    ReplicaContent convert(LocalGovernmentCode tenant, ReplicaContent content);

    /**
     * Checks the whole replica of the tenant: raises (or updates) one alarm per unidentified vendor code
     * with the number of persons affected, and clears the alarms of codes no longer present.
     */
    Detection detect(LocalGovernmentCode tenant);

    /**
     * {@link #detect(LocalGovernmentCode)} when the caller holds the tenant's whole replica in memory — right
     * after a full load that replaced every source — so that it need not be read back: same alarms raised
     * and cleared, same result. The default reads the replica.
     *
     * @param wholeReplica exactly what the tenant's replica holds now (converted, as written)
     */
    default Detection detectWhole(LocalGovernmentCode tenant, ReplicaContent wholeReplica) {
        return detect(tenant);
    }

    /**
     * After a batch's content was written: when it holds vendor codes the tenant's table does not map,
     * raises their alarms with the persons affected counted in the replica (so a delta's code that older
     * records share counts them all). Content without such codes costs no replica read, and clears nothing.
     */
    Detection detect(LocalGovernmentCode tenant, ReplicaContent content);

    /**
     * What a detection found.
     *
     * @param tenant the tenant
     * @param codes one entry per unidentified vendor code found, ordered by code
     */
    record Detection(LocalGovernmentCode tenant, List<CodeCount> codes) {
        public Detection {
            Objects.requireNonNull(tenant, "tenant");
            codes = List.copyOf(codes);
        }

        public Optional<CodeCount> code(String vendorCode) {
            return codes.stream().filter(c -> c.vendorCode().equals(vendorCode)).findFirst();
        }

        public boolean isEmpty() {
            return codes.isEmpty();
        }
    }

    /**
     * One unidentified vendor code.
     *
     * @param vendorCode the code
     * @param persons the persons whose records hold it (their certificates are suppressed)
     * @param occurrences how often it occurs
     */
    record CodeCount(String vendorCode, int persons, long occurrences) {
    }
}
