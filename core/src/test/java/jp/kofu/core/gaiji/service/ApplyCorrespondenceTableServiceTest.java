package jp.kofu.core.gaiji.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceAuditEntry.Action;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry.Match;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.in.ApplyCorrespondenceTableUseCase.Command;
import jp.kofu.core.gaiji.port.in.ApplyCorrespondenceTableUseCase.Result;
import jp.kofu.core.gaiji.port.in.DetectUnidentifiedCharactersUseCase;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.testing.InMemoryCorrespondenceTables;
import jp.kofu.core.testing.InMemoryReplicaTexts;
import jp.kofu.core.testing.RecordingAlarms;

class ApplyCorrespondenceTableServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    private static final MjId KATSURA_ID = MjId.parse("MJ022337");
    private static final PrintedChar KATSURA = new PrintedChar.VariationSequence(0x845B, 0xE0107);

    private final InMemoryReplicaTexts replica = new InMemoryReplicaTexts();
    private final InMemoryCorrespondenceTables tables = new InMemoryCorrespondenceTables();
    private final RecordingAlarms alarms = new RecordingAlarms();
    private final ApplyCorrespondenceTableService service = new ApplyCorrespondenceTableService(tables, replica, alarms,
            Clock.fixed(NOW, ZoneOffset.UTC), MjRepertoire.shared());

    @BeforeEach
    void twoResidentsWithVendorCodes() {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), replicaContent()
                .with(aResident().withKey("P1").inHousehold("H1").named("{VND:U+E032}西　花子").build(),
                        aResident().withKey("P2").inHousehold("H1").named("{VND:U+E032}西　{VND:U+E0A2}子").build(),
                        aResident().withKey("P3").inHousehold("H2").named("山田　太郎").build())
                .with(aHousehold().withId("H1").headedBy("{VND:U+E032}西　花子").build(),
                        aHousehold().withId("H2").headedBy("山田　太郎").build())
                .build());
        new DetectUnidentifiedCharactersService(tables, replica, alarms, Clock.fixed(NOW, ZoneOffset.UTC)).detect(KURUME);
    }

    private static CorrespondenceEntry byMj(String code, String mj) {
        return new CorrespondenceEntry(code, MjRepertoire.shared().printedChar(MjId.parse(mj)).orElseThrow(),
                Optional.of(MjId.parse(mj)), Match.SAME_SHAPE);
    }

    private Resident resident(String key) {
        return replica.read(KURUME, s -> s.resident(new PersonKey(key))).orElseThrow();
    }

    @Test
    void importingATableCreatesAVersionAndReconvertsTheResidentsItMaps() {
        Result result = service.apply(new Command(KURUME, List.of(byMj("U+E032", "MJ022337")), "staff-1", "table.csv"));

        assertThat(result.version()).isEqualTo(1);
        assertThat(result.created()).isTrue();
        assertThat(result.added()).containsExactly("U+E032");
        assertThat(result.personsReconverted()).isEqualTo(2);
        assertThat(result.itemsReconverted()).isEqualTo(3);
        assertThat(resident("P1").name().chars().get(0)).isEqualTo(KATSURA);
        assertThat(resident("P1").hasUnidentifiedCharacters()).isFalse();
        assertThat(resident("P2").hasUnidentifiedCharacters()).isTrue();
        assertThat(tables.latest(KURUME).orElseThrow().entries()).hasSize(1);
        assertThat(tables.latest(KURUME).orElseThrow().actor()).isEqualTo("staff-1");
        assertThat(tables.latest(KURUME).orElseThrow().createdAt()).isEqualTo(NOW);
    }

    @Test
    void theImportIsAuditLoggedWithCodesAndCountsOnly() {
        service.apply(new Command(KURUME, List.of(byMj("U+E032", "MJ022337")), "staff-1", "table.csv"));

        List<CorrespondenceAuditEntry> audit = tables.audit(KURUME);
        assertThat(audit).extracting(CorrespondenceAuditEntry::action)
                .containsExactly(Action.IMPORTED, Action.ADDED, Action.RECONVERTED);
        assertThat(audit.get(0).detail()).contains("table.csv").contains("1 added");
        assertThat(audit.get(1).vendorCode()).isEqualTo("U+E032");
        assertThat(audit.get(1).detail()).contains("MJ022337").contains("U+845B U+E0107");
        assertThat(audit.get(2).detail()).contains("2 persons");
        assertThat(audit).allSatisfy(e -> assertThat(e.detail()).doesNotContain("花子").doesNotContain("P1"));
    }

    @Test
    void theAlarmsFollowTheCodesThatAreLeft() {
        assertThat(alarms.active(DetectUnidentifiedCharactersUseCase.ALARM_PREFIX + "U+E032", KURUME)).isPresent();

        Result result = service.apply(new Command(KURUME, List.of(byMj("U+E032", "MJ022337")), "staff-1", "table.csv"));

        assertThat(alarms.active(DetectUnidentifiedCharactersUseCase.ALARM_PREFIX + "U+E032", KURUME)).isEmpty();
        assertThat(alarms.active(DetectUnidentifiedCharactersUseCase.ALARM_PREFIX + "U+E0A2", KURUME)).isPresent();
        assertThat(result.stillUnidentified().codes()).extracting(DetectUnidentifiedCharactersUseCase.CodeCount::vendorCode)
                .containsExactly("U+E0A2");
    }

    @Test
    void theSameTableImportedTwiceMakesNoSecondVersion() {
        service.apply(new Command(KURUME, List.of(byMj("U+E032", "MJ022337")), "staff-1", "table.csv"));

        Result again = service.apply(new Command(KURUME, List.of(byMj("U+E032", "MJ022337")), "staff-2", "table.csv"));

        assertThat(again.created()).isFalse();
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(tables.versions(KURUME)).containsExactly(1);
    }

    @Test
    void aChangedMappingIsANewVersionThatKeepsTheOtherEntriesAndSaysRecordsNeedAReload() {
        service.apply(new Command(KURUME, List.of(byMj("U+E032", "MJ022337"), byMj("U+E0A2", "MJ007341")), "s", "1.csv"));

        Result second = service.apply(new Command(KURUME, List.of(byMj("U+E0A2", "MJ037229")), "s", "2.csv"));

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.changed()).containsExactly("U+E0A2");
        assertThat(tables.latest(KURUME).orElseThrow().entries()).extracting(CorrespondenceEntry::vendorCode)
                .containsExactly("U+E032", "U+E0A2");
        assertThat(tables.audit(KURUME)).filteredOn(e -> e.action() == Action.CHANGED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("MJ007341").contains("MJ037229").contains("source sends"));
    }

    @Test
    void aCharacterGivenWithoutItsMjIdGetsItAndEveryMjCharacterIsStoredInItsPrintedForm() {
        service.apply(new Command(KURUME, List.of(
                new CorrespondenceEntry("U+E032", KATSURA, Optional.empty(), Match.DESIGN_DIFFERENCE),
                new CorrespondenceEntry("U+E0A2", new PrintedChar.MjOnly(MjId.parse("MJ037229")), Optional.empty(),
                        Match.SIMILAR)), "s", "t.csv"));

        assertThat(tables.latest(KURUME).orElseThrow().entry("U+E032").orElseThrow().mj()).contains(KATSURA_ID);
        assertThat(tables.latest(KURUME).orElseThrow().entry("U+E0A2").orElseThrow().mj()).contains(MjId.parse("MJ037229"));
    }

    @Test
    void anMjIdOutsideTheListOrNotMatchingItsCharacterIsRejectedAndNothingIsStored() {
        CorrespondenceEntry unknown = new CorrespondenceEntry("U+E032", new PrintedChar.MjOnly(new MjId(999_999)),
                Optional.empty(), Match.SAME_SHAPE);
        CorrespondenceEntry mismatch = new CorrespondenceEntry("U+E032", PrintedChar.Ucs.of('西'),
                Optional.of(KATSURA_ID), Match.SAME_SHAPE);

        assertThatThrownBy(() -> service.apply(new Command(KURUME, List.of(
                new CorrespondenceEntry("U+E032", new PrintedChar.MjOnly(new MjId(999_999)), Optional.of(new MjId(999_999)),
                        Match.SAME_SHAPE)), "s", "t.csv"))).hasMessageContaining("MJ999999");
        assertThatThrownBy(() -> service.apply(new Command(KURUME, List.of(mismatch), "s", "t.csv")))
                .hasMessageContaining("does not print as MJ022337");
        assertThatThrownBy(() -> service.apply(new Command(KURUME, List.of(byMj("U+E032", "MJ022337"),
                byMj("U+E032", "MJ022337")), "s", "t.csv"))).hasMessageContaining("twice");
        assertThat(tables.versions(KURUME)).isEmpty();
        assertThat(unknown.mj()).isEmpty();
    }

    @Test
    void reconvertingAfterAReloadAppliesTheCurrentTableWithoutANewVersion() {
        service.apply(new Command(KURUME, List.of(byMj("U+E032", "MJ022337")), "s", "t.csv"));
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 2)), replicaContent()
                .with(aResident().withKey("P1").inHousehold("H1").named("{VND:U+E032}西　花子").build())
                .with(aHousehold().withId("H1").headedBy("{VND:U+E032}西　花子").build()).build());

        Result result = service.reconvert(KURUME);

        assertThat(result.created()).isFalse();
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.personsReconverted()).isEqualTo(1);
        assertThat(resident("P1").hasUnidentifiedCharacters()).isFalse();
        assertThat(tables.versions(KURUME)).containsExactly(1);
    }
}
