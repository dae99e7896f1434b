package jp.kofu.core.gaiji.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.domain.VendorCodeInfo;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase.Candidate;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase.CodeUse;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase.Command;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase.Decision;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase.Row;

class ProposeIdentificationServiceTest {

    private final ProposeIdentificationService service = new ProposeIdentificationService(MjRepertoire.shared());

    private static VendorCodeInfo info(String code, String juki, String koseki, PrintedChar character, int substitute) {
        return new VendorCodeInfo(code, Optional.ofNullable(juki), Optional.ofNullable(koseki),
                Optional.ofNullable(character), substitute == 0 ? OptionalInt.empty() : OptionalInt.of(substitute), "");
    }

    private Row propose(VendorCodeInfo info) {
        CodeUse use = new CodeUse(info.vendorCode(), 3, 2, Set.of(TextField.RESIDENT_NAME));
        return service.propose(new Command(List.of(use), Map.of(info.vendorCode(), info))).rows().get(0);
    }

    @Test
    void aJukiCodeProposesItsMjCharacterWithFullConfidence() {
        Row row = propose(info("U+E021", "J+BD5E", null, null, '辺'));

        assertThat(row.decision()).isEqualTo(Decision.PROPOSED);
        assertThat(row.best().map(Candidate::mj)).contains(MjId.parse("MJ026201"));
        assertThat(row.best().orElseThrow().confidence()).isEqualTo(1.0);
        assertThat(row.best().orElseThrow().character()).isEqualTo(new PrintedChar.VariationSequence(0x908A, 0xE010E));
        assertThat(row.reason()).contains("住基ネット統一文字コード J+BD5E");
        assertThat(row.use().occurrences()).isEqualTo(3);
    }

    @Test
    void aKosekiNumberProposesItsMjCharacter() {
        Row row = propose(info("U+E032", null, "352870", null, '葛'));

        assertThat(row.decision()).isEqualTo(Decision.PROPOSED);
        assertThat(row.best().map(Candidate::mj)).contains(MjId.parse("MJ022337"));
    }

    @Test
    void twoRegistryKeysThatAgreeAreOneProposalWithBothReasons() {
        Row row = propose(info("U+E011", "J+9AD9", "513280", null, '高'));

        assertThat(row.decision()).isEqualTo(Decision.PROPOSED);
        assertThat(row.best().map(Candidate::mj)).contains(MjId.parse("MJ028902"));
        assertThat(row.reason()).contains("J+9AD9").contains("513280");
    }

    @Test
    void registryKeysThatDisagreeAreFlaggedWithBothCandidates() {
        Row row = propose(info("U+E011", "J+9AD9", "352870", null, 0));

        assertThat(row.decision()).isEqualTo(Decision.REVIEW);
        assertThat(row.candidates()).extracting(Candidate::mj)
                .contains(MjId.parse("MJ028902"), MjId.parse("MJ022337"));
        assertThat(row.reason()).contains("disagree");
    }

    @Test
    void aVariationSequenceFromTheVendorIsACandidateButIsReviewed() {
        Row row = propose(info("U+E0A1", null, null, new PrintedChar.VariationSequence(0x97FF, 0xE0107), 0));

        assertThat(row.decision()).isEqualTo(Decision.REVIEW);
        assertThat(row.best().map(Candidate::mj)).contains(MjId.parse("MJ028144"));
        assertThat(row.best().orElseThrow().confidence()).isEqualTo(0.8);
        assertThat(row.best().orElseThrow().reason()).contains("Moji_Joho");
    }

    @Test
    void withOnlyASubstituteTheShrinkMapReadBackwardsGivesReviewedCandidates() {
        Row row = propose(info("U+E0A1", null, null, null, '響'));

        assertThat(row.decision()).isEqualTo(Decision.REVIEW);
        assertThat(row.candidates()).extracting(Candidate::mj).contains(MjId.parse("MJ028144"));
        assertThat(row.candidates()).allSatisfy(c -> assertThat(c.confidence()).isLessThan(0.5));
        assertThat(row.candidates()).anySatisfy(c -> assertThat(c.reason()).contains("MJ縮退マップ"));
        assertThat(row.candidates()).hasSizeLessThanOrEqualTo(ProposeIdentificationService.MAX_CANDIDATES);
        assertThat(row.reason()).contains("shrink map");
    }

    @Test
    void aCodeWithoutAnyKeyIsFlaggedWithoutCandidates() {
        Row unknown = propose(VendorCodeInfo.unknown("U+E0A2"));
        Row notListed = service.propose(new Command(List.of(new CodeUse("U+E0A3", 1, 1, Set.of())), Map.of()))
                .rows().get(0);

        assertThat(unknown.decision()).isEqualTo(Decision.REVIEW);
        assertThat(unknown.candidates()).isEmpty();
        assertThat(unknown.reason()).contains("no key");
        assertThat(notListed.decision()).isEqualTo(Decision.REVIEW);
        assertThat(notListed.vendor()).isEmpty();
        assertThat(notListed.reason()).contains("not in the vendor's code table");
    }

    @Test
    void aRegistryKeyMissingFromTheMjListIsFlagged() {
        Row row = propose(info("U+E0A4", "J+0041", null, null, 0));

        assertThat(row.decision()).isEqualTo(Decision.REVIEW);
        assertThat(row.reason()).contains("J+0041");
    }

    @Test
    void rowsComeInTheOrderRequested() {
        var proposal = service.propose(new Command(List.of(new CodeUse("U+E032", 1, 1, Set.of()),
                new CodeUse("U+E021", 1, 1, Set.of())), Map.of()));

        assertThat(proposal.rows()).extracting(r -> r.use().vendorCode()).containsExactly("U+E032", "U+E021");
        assertThat(proposal.count(Decision.REVIEW)).isEqualTo(2);
    }
}
