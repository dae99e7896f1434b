package jp.kofu.core.gaiji.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry.Match;
import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.CorrespondenceTableVersion;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase.Detection;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.operations.domain.Alarm;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.testing.InMemoryCorrespondenceTables;
import jp.kofu.core.testing.InMemoryReplicaTexts;
import jp.kofu.core.testing.RecordingAlarms;

class DetectUnidentifiedCharactersServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");

    private final InMemoryReplicaTexts replica = new InMemoryReplicaTexts();
    private final InMemoryCorrespondenceTables tables = new InMemoryCorrespondenceTables();
    private final RecordingAlarms alarms = new RecordingAlarms();
    private final CountingTexts texts = new CountingTexts(replica);
    private final DetectUnidentifiedCharactersService service = new DetectUnidentifiedCharactersService(tables, texts,
            alarms, Clock.fixed(NOW, ZoneOffset.UTC));

    /** Counts replica walks, to show when a detection reads the replica. */
    static final class CountingTexts implements ReplicaTextPort {
        final ReplicaTextPort delegate;
        final AtomicInteger walks = new AtomicInteger();

        CountingTexts(ReplicaTextPort delegate) {
            this.delegate = delegate;
        }

        @Override
        public void forEachText(LocalGovernmentCode tenant, boolean onlyUnidentified, Consumer<TextItem> visitor) {
            walks.incrementAndGet();
            delegate.forEachText(tenant, onlyUnidentified, visitor);
        }

        @Override
        public Reconversion reconvert(LocalGovernmentCode tenant, CorrespondenceTable table) {
            return delegate.reconvert(tenant, table);
        }
    }

    private void load(ReplicaContent content) {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), content);
    }

    private static ReplicaContent threeResidentsTwoWithE012() {
        return replicaContent()
                .with(aResident().withKey("P1").inHousehold("H1").named("{VND:U+E012}西　花子").build(),
                        aResident().withKey("P2").inHousehold("H1").named("{VND:U+E012}西　太郎")
                                .livingAt("久留米市{VND:U+E012}町").build(),
                        aResident().withKey("P3").inHousehold("H2").named("山田　太郎").build())
                .with(aSeal().of("P3").registeredAs("山田{VND:SJIS:F040}").build())
                .build();
    }

    @Test
    void aReplicaHoldingUnidentifiedCodesRaisesOneAlarmPerCodeWithTheResidentsAffected() {
        load(threeResidentsTwoWithE012());

        Detection detection = service.detect(KURUME);

        assertThat(detection.code("U+E012").orElseThrow().persons()).isEqualTo(2);
        assertThat(detection.code("U+E012").orElseThrow().occurrences()).isEqualTo(3);
        assertThat(detection.code("SJIS:F040").orElseThrow().persons()).isEqualTo(1);
        Alarm alarm = alarms.active("gaiji/unidentified/U+E012", KURUME).orElseThrow();
        assertThat(alarm.tenant()).contains(KURUME);
        assertThat(alarm.severity()).isEqualTo(Alarm.Severity.CRITICAL);
        assertThat(alarm.where()).isEqualTo("文字同定");
        assertThat(alarm.what()).isEqualTo("U+E012: 2 residents suppressed (未同定外字)");
        assertThat(alarm.raisedAt()).isEqualTo(NOW);
        assertThat(alarms.active()).hasSize(2).allSatisfy(a -> assertThat(a.what()).doesNotContain("花子", "P1", "山田"));
    }

    @Test
    void theWholeReplicaGivenInMemoryFindsWhatAWalkOfTheReplicaFindsWithoutReadingIt() {
        ReplicaContent whole = threeResidentsTwoWithE012();
        load(whole);
        Detection walked = service.detect(KURUME);
        int walks = texts.walks.get();
        alarms.raise(new Alarm("gaiji/unidentified/U+E099", Optional.of(KURUME), Alarm.Severity.CRITICAL, "文字同定",
                "U+E099: 1 residents suppressed (未同定外字)", NOW));

        Detection inMemory = service.detectWhole(KURUME, whole);

        assertThat(inMemory).isEqualTo(walked);
        assertThat(texts.walks.get()).isEqualTo(walks);
        assertThat(alarms.active("gaiji/unidentified/U+E012", KURUME)).isPresent();
        assertThat(alarms.active("gaiji/unidentified/U+E099", KURUME)).as("a code no longer present").isEmpty();
    }

    @Test
    void codesNoLongerInTheReplicaHaveTheirAlarmsCleared() {
        load(threeResidentsTwoWithE012());
        service.detect(KURUME);
        replica.reconvert(KURUME, new CorrespondenceTable(1, Map.of("U+E012", PrintedChar.Ucs.of('葛'))));

        Detection detection = service.detect(KURUME);

        assertThat(detection.codes()).extracting(c -> c.vendorCode()).containsExactly("SJIS:F040");
        assertThat(alarms.active("gaiji/unidentified/U+E012", KURUME)).isEmpty();
        assertThat(alarms.active("gaiji/unidentified/SJIS:F040", KURUME)).isPresent();
    }

    @Test
    void aBatchWithANewCodeRaisesItsAlarmCountingTheReplicaAndTheBatch() {
        load(threeResidentsTwoWithE012());
        ReplicaContent delta = replicaContent()
                .with(aResident().withKey("P4").inHousehold("H3").named("{VND:U+E013}川　一郎").build(),
                        aResident().withKey("P5").inHousehold("H3").named("{VND:U+E012}川　二郎").build())
                .build();

        Detection detection = service.detect(KURUME, delta);

        assertThat(detection.codes()).extracting(c -> c.vendorCode()).containsExactly("U+E012", "U+E013");
        assertThat(detection.code("U+E012").orElseThrow().persons()).isEqualTo(3);
        assertThat(detection.code("U+E013").orElseThrow().persons()).isEqualTo(1);
        assertThat(alarms.active("gaiji/unidentified/U+E013", KURUME).orElseThrow().what())
                .isEqualTo("U+E013: 1 residents suppressed (未同定外字)");
    }

    @Test
    void aBatchWhoseCodesTheTableMapsRaisesNothingAndDoesNotReadTheReplica() {
        tables.append(KURUME, new CorrespondenceTableVersion(1, NOW, "s", "t.csv", List.of(new CorrespondenceEntry(
                "U+E012", new PrintedChar.MjOnly(MjId.parse("MJ037229")), Optional.empty(), Match.SAME_SHAPE))), List.of());
        ReplicaContent delta = replicaContent()
                .with(aResident().withKey("P5").named("{VND:U+E012}川　二郎").build(),
                        aResident().withKey("P6").named("川　三郎").build())
                .build();

        Detection detection = service.detect(KURUME, delta);

        assertThat(detection.isEmpty()).isTrue();
        assertThat(texts.walks.get()).isZero();
        assertThat(alarms.raised()).isEmpty();
    }

    @Test
    void contentIsConvertedWithTheTenantsCurrentTable() {
        tables.append(KURUME, new CorrespondenceTableVersion(1, NOW, "s", "t.csv", List.of(new CorrespondenceEntry(
                "U+E012", new PrintedChar.MjOnly(MjId.parse("MJ037229")), Optional.empty(), Match.SAME_SHAPE))), List.of());

        ReplicaContent original = threeResidentsTwoWithE012();
        ReplicaContent converted = service.convert(KURUME, original);

        assertThat(converted.residents().get(0).name().chars().get(0)).isEqualTo(new PrintedChar.MjOnly(MjId.parse("MJ037229")));
        assertThat(converted.residents().get(1).hasUnidentifiedCharacters()).isFalse();
        assertThat(converted.seals().get(0).registeredName().hasUnidentified()).isTrue();
        assertThat(converted.residents().get(2)).isSameAs(original.residents().get(2));
    }
}
