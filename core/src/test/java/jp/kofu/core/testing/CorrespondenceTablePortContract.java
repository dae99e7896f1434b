package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.PREPARED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry.Action;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry.Match;
import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.CorrespondenceTableVersion;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort.VersionConflictException;

/**
 * The behaviour every store of correspondence tables (対照表) must have. Subclass it once per implementation
 * and return a fresh, empty store from {@link #newPort()}.
 *
 * <p>Beyond the port's Javadoc, this pins down: entries come back exactly (variation sequences, MJ-only
 * characters, characters beyond the BMP and in plane 16, Shift_JIS codes, MJ ids and match kinds); instants
 * keep their microseconds; a rejected append stores neither the version nor its audit entries; of two
 * concurrent appends of the same number exactly one succeeds; tenants never see each other's tables.
 */
public abstract class CorrespondenceTablePortContract {

    /** An empty store, new for each test. */
    protected abstract CorrespondenceTablePort newPort();

    private static final CorrespondenceEntry KATSURA = new CorrespondenceEntry("U+E012",
            new PrintedChar.VariationSequence(0x845B, 0xE0102), Optional.of(MjId.parse("MJ022337")), Match.SAME_SHAPE);
    private static final CorrespondenceEntry MJ_ONLY = new CorrespondenceEntry("SJIS:F040",
            new PrintedChar.MjOnly(MjId.parse("MJ037229")), Optional.of(MjId.parse("MJ037229")), Match.DESIGN_DIFFERENCE);
    private static final CorrespondenceEntry BEYOND_BMP = new CorrespondenceEntry("U+F0001",
            PrintedChar.Ucs.of(0x20BB7), Optional.empty(), Match.SIMILAR);
    private static final CorrespondenceEntry PLANE_16 = new CorrespondenceEntry("U+E0A1",
            PrintedChar.Ucs.of(0x100041), Optional.empty(), Match.SAME_SHAPE);

    private static CorrespondenceTableVersion version(int number, CorrespondenceEntry... entries) {
        return new CorrespondenceTableVersion(number, PREPARED_AT.plusSeconds(number), "staff-" + number,
                "table-" + number + ".csv", List.of(entries));
    }

    private static CorrespondenceAuditEntry audit(int version, Action action, String code, String detail) {
        return new CorrespondenceAuditEntry(version, PREPARED_AT.plusSeconds(version), "staff-" + version, action, code,
                detail);
    }

    @Test
    void aTenantWithoutATableHasNoVersionAndConvertsWithTheEmptyTable() {
        CorrespondenceTablePort port = newPort();

        assertThat(port.latest(KURUME)).isEmpty();
        assertThat(port.find(KURUME, 1)).isEmpty();
        assertThat(port.versions(KURUME)).isEmpty();
        assertThat(port.audit(KURUME)).isEmpty();
        assertThat(port.current(KURUME)).isEqualTo(CorrespondenceTable.empty());
    }

    @Test
    void anAppendedVersionComesBackExactly() {
        CorrespondenceTablePort port = newPort();
        CorrespondenceTableVersion v1 = version(1, KATSURA, MJ_ONLY, BEYOND_BMP, PLANE_16);

        port.append(KURUME, v1, List.of(audit(1, Action.IMPORTED, "", "4 entries from table-1.csv"),
                audit(1, Action.ADDED, "U+E012", "→ MJ022337 (U+845B U+E0102) 同一字形")));

        assertThat(port.latest(KURUME)).contains(v1);
        assertThat(port.find(KURUME, 1)).contains(v1);
        assertThat(port.latest(KURUME).orElseThrow().createdAt()).isEqualTo(Instant.parse("2026-04-01T00:15:31.123456Z"));
        assertThat(port.versions(KURUME)).containsExactly(1);
        assertThat(port.current(KURUME).version()).isEqualTo(1);
        assertThat(port.current(KURUME).lookup("SJIS:F040")).contains(MJ_ONLY.character());
    }

    @Test
    void laterVersionsLeaveEarlierOnesAsTheyWere() {
        CorrespondenceTablePort port = newPort();
        CorrespondenceTableVersion v1 = version(1, KATSURA);
        CorrespondenceTableVersion v2 = version(2, KATSURA, MJ_ONLY);
        port.append(KURUME, v1, List.of());
        port.append(KURUME, v2, List.of());

        assertThat(port.latest(KURUME)).contains(v2);
        assertThat(port.find(KURUME, 1)).contains(v1);
        assertThat(port.versions(KURUME)).containsExactly(1, 2);
    }

    @Test
    void aVersionThatIsNotTheNextOneIsRejectedAndNothingIsStored() {
        CorrespondenceTablePort port = newPort();
        port.append(KURUME, version(1, KATSURA), List.of(audit(1, Action.IMPORTED, "", "first")));

        assertThatThrownBy(() -> port.append(KURUME, version(1, MJ_ONLY), List.of(audit(1, Action.IMPORTED, "", "again"))))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> port.append(KURUME, version(3, MJ_ONLY), List.of()))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> port.append(CHIYODA, version(2, MJ_ONLY), List.of()))
                .isInstanceOf(VersionConflictException.class);

        assertThat(port.versions(KURUME)).containsExactly(1);
        assertThat(port.latest(KURUME).orElseThrow().entries()).containsExactly(KATSURA);
        assertThat(port.audit(KURUME)).extracting(CorrespondenceAuditEntry::detail).containsExactly("first");
        assertThat(port.versions(CHIYODA)).isEmpty();
    }

    @Test
    void anAuditEntryOfAnotherVersionIsRejectedWithItsVersion() {
        CorrespondenceTablePort port = newPort();

        assertThatThrownBy(() -> port.append(KURUME, version(1, KATSURA), List.of(audit(2, Action.ADDED, "U+E012", ""))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(port.versions(KURUME)).isEmpty();
        assertThat(port.audit(KURUME)).isEmpty();
    }

    @Test
    void theAuditLogKeepsEveryEntryInOrderWithItsFields() {
        CorrespondenceTablePort port = newPort();
        CorrespondenceAuditEntry imported = audit(1, Action.IMPORTED, "", "2 entries from table-1.csv");
        CorrespondenceAuditEntry added = audit(1, Action.ADDED, "U+E012", "→ MJ022337 (U+845B U+E0102) 同一字形");
        CorrespondenceAuditEntry changed = audit(2, Action.CHANGED, "U+E012", "MJ022337 → MJ037229");
        port.append(KURUME, version(1, KATSURA), List.of(imported, added));
        port.append(KURUME, version(2, MJ_ONLY), List.of(changed));
        CorrespondenceAuditEntry reconverted = audit(2, Action.RECONVERTED, "", "3 persons' records re-converted");

        port.recordAudit(KURUME, reconverted);

        assertThat(port.audit(KURUME)).containsExactly(imported, added, changed, reconverted);
        assertThat(port.audit(CHIYODA)).isEmpty();
    }

    @Test
    void anAuditEntryAboutAVersionThatDoesNotExistIsRejected() {
        CorrespondenceTablePort port = newPort();

        assertThatThrownBy(() -> port.recordAudit(KURUME, audit(1, Action.RECONVERTED, "", "none")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(port.audit(KURUME)).isEmpty();
    }

    @Test
    void tenantsHaveTheirOwnVersionNumbersAndTables() {
        CorrespondenceTablePort port = newPort();
        port.append(KURUME, version(1, KATSURA), List.of());
        port.append(CHIYODA, version(1, MJ_ONLY), List.of());

        assertThat(port.latest(KURUME).orElseThrow().entries()).containsExactly(KATSURA);
        assertThat(port.latest(CHIYODA).orElseThrow().entries()).containsExactly(MJ_ONLY);
    }

    @Test
    void ofTwoConcurrentAppendsOfTheSameNumberExactlyOneWins() throws Exception {
        CorrespondenceTablePort port = newPort();
        port.append(KURUME, version(1, KATSURA), List.of());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (CorrespondenceEntry e : List.of(MJ_ONLY, BEYOND_BMP)) {
                Callable<Boolean> append = () -> {
                    start.await();
                    try {
                        port.append(KURUME, version(2, KATSURA, e), List.of(audit(2, Action.ADDED, e.vendorCode(), "")));
                        return true;
                    } catch (VersionConflictException conflict) {
                        return false;
                    }
                };
                results.add(pool.submit(append));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(port.versions(KURUME)).containsExactly(1, 2);
        assertThat(port.audit(KURUME)).hasSize(1);
    }
}
