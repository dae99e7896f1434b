package jp.kofu.core.gaiji.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CharacterKind;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.port.in.ScanCharactersUseCase.Finding;
import jp.kofu.core.gaiji.port.in.ScanCharactersUseCase.Report;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.testing.InMemoryReplicaTexts;

class ScanCharactersServiceTest {

    private final InMemoryReplicaTexts replica = new InMemoryReplicaTexts();
    private final ScanCharactersService service = new ScanCharactersService(replica, MjRepertoire.shared());

    private static ReplicaContent town() {
        return replicaContent()
                .with(aResident().withKey("P1").inHousehold("H1").named("{VND:U+E012}西　花子")
                                .livingAt("久留米市{VND:U+E012}町").build(),
                        aResident().withKey("P2").inHousehold("H1").named("{VND:U+E012}西　{MJ037229}子").build(),
                        aResident().withKey("P3").inHousehold("H2").named("葛\uDB40\uDD02城　髙志").build(),
                        aResident().withKey("P4").inHousehold("H2").named("山田　太郎").build())
                .with(aHousehold().withId("H1").headedBy("{VND:U+E012}西　花子").build(),
                        aHousehold().withId("H2").headedBy("葛\uDB40\uDD02城　髙志").build())
                .build();
    }

    @Test
    void theReplicaScanCountsEachVendorCodeWithItsPersonsAndFields() {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), town());

        Report report = service.scan(KURUME);

        Finding vendor = report.of(CharacterKind.UNIDENTIFIED_VENDOR).get(0);
        assertThat(vendor.vendorCode()).contains("U+E012");
        assertThat(vendor.occurrences()).isEqualTo(4);
        assertThat(vendor.persons()).isEqualTo(2);
        assertThat(vendor.fields()).containsEntry(TextField.RESIDENT_NAME, 2L)
                .containsEntry(TextField.RESIDENT_ADDRESS, 1L).containsEntry(TextField.HOUSEHOLD_HEAD_NAME, 1L);
        assertThat(vendor.mj()).isEmpty();
    }

    @Test
    void otherCharactersToCheckAreReportedByKindWithTheirMjId() {
        replica.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)), town());

        Report report = service.scan(KURUME);

        assertThat(report.findings()).extracting(Finding::kind).containsExactly(CharacterKind.UNIDENTIFIED_VENDOR,
                CharacterKind.MJ_ONLY, CharacterKind.VARIATION_SEQUENCE, CharacterKind.OUTSIDE_JIS_X_0208);
        assertThat(report.of(CharacterKind.MJ_ONLY).get(0).mj()).contains(MjId.parse("MJ037229"));
        Finding sequence = report.of(CharacterKind.VARIATION_SEQUENCE).get(0);
        assertThat(sequence.character()).isEqualTo(new PrintedChar.VariationSequence(0x845B, 0xE0102));
        assertThat(sequence.mj()).isPresent();
        assertThat(sequence.occurrences()).isEqualTo(2);
        assertThat(sequence.persons()).isEqualTo(1);
        assertThat(report.of(CharacterKind.OUTSIDE_JIS_X_0208).get(0).label()).isEqualTo("髙");
        assertThat(report.itemsScanned()).isGreaterThan(8);
    }

    @Test
    void aBatchIsScannedBeforeItIsWritten() {
        Report report = service.scan(town());

        assertThat(report.of(CharacterKind.UNIDENTIFIED_VENDOR)).extracting(Finding::label).containsExactly("U+E012");
    }
}
