package jp.kofu.core.gaiji.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class MjRepertoireTest {

    private static final MjRepertoire MJ = MjRepertoire.shared();

    @Test
    void theShippedDataHoldEveryMjCharacterAndTheWholeShrinkMap() {
        assertThat(MJ.size()).isEqualTo(58_862);
        assertThat(MJ.shrinkMapSize()).isEqualTo(62_682);
        assertThat(MJ.stream().filter(c -> c.jukiCode().isPresent()).count()).isEqualTo(19_563);
        assertThat(MJ.stream().filter(c -> c.kosekiNumber().isPresent()).count()).isEqualTo(55_270);
    }

    @Test
    void theBundledDataLoadsAgainToTheSameRepertoire() throws IOException {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        MjRepertoire fresh = loadBundled();
        System.gc();
        long retainedMb = (rt.totalMemory() - rt.freeMemory() - before) / (1 << 20);
        // figures only, printed: time and heap are measured by benchmarks, never asserted in a unit test
        long best = fresh.loadTime().toMillis();
        for (int i = 0; i < 2; i++) {
            best = Math.min(best, loadBundled().loadTime().toMillis());
        }
        System.out.printf("MJ repertoire: %,d characters, %,d shrink-map rows, loaded in %d ms (first %d ms), "
                + "~%d MB retained%n", fresh.size(), fresh.shrinkMapSize(), best, fresh.loadTime().toMillis(), retainedMb);

        assertThat(fresh.size()).isEqualTo(MJ.size());
        assertThat(fresh.shrinkMapSize()).isEqualTo(MJ.shrinkMapSize());
    }

    private MjRepertoire loadBundled() throws IOException {
        try (InputStream mji = getClass().getResourceAsStream(MjRepertoire.MJI_RESOURCE);
             InputStream mjsm = getClass().getResourceAsStream(MjRepertoire.MJSM_RESOURCE)) {
            return MjRepertoire.load(new GZIPInputStream(mji, 1 << 16), new GZIPInputStream(mjsm, 1 << 16));
        }
    }

    @Test
    void anMjIdFindsItsCharacterWithEveryKey() {
        MjCharacter c = MJ.byId(MjId.parse("MJ000007")).orElseThrow();

        assertThat(c.ucs()).hasValue(0x3404);
        assertThat(c.implementedUcs()).isEmpty();
        assertThat(c.ivs()).contains(new PrintedChar.VariationSequence(0x3404, 0xE0101));
        assertThat(c.kosekiNumber()).contains("152700");
        assertThat(c.jukiCode()).contains("J+3404");
        assertThat(c.tokiNumber()).contains("00152700");
        assertThat(c.strokes()).isEqualTo(3);
        assertThat(c.printedChar()).isEqualTo(new PrintedChar.VariationSequence(0x3404, 0xE0101));
        assertThat(c.keyLabels()).containsExactly("住基 J+3404", "戸籍 152700", "登記 00152700", "UCS U+3404 U+E0101");
    }

    @Test
    void everyKeyLeadsBackToItsMjCharacter() {
        MjId id = MjId.parse("MJ000001"); // 々: J+AD1D, JIS 1-01-25
        assertThat(MJ.byJukiCode("J+AD1D").map(MjCharacter::id)).contains(id);
        assertThat(MJ.byJukiCode("j+ad1d").map(MjCharacter::id)).contains(id);
        assertThat(MJ.byCodePoint(0x3005).map(MjCharacter::id)).contains(id);
        assertThat(MJ.byJisX0213("1-01-25")).extracting(MjCharacter::id).contains(id);
        assertThat(MJ.byKosekiNumber("001340").map(MjCharacter::id)).contains(MjId.parse("MJ000002"));
        assertThat(MJ.byTokiNumber("00001340").map(MjCharacter::id)).contains(MjId.parse("MJ000002"));
        assertThat(MJ.byNyukanCode("0x3402").map(c -> c.nyukanSeiji().orElseThrow())).contains("0x3402");
        assertThat(MJ.byNyukanCode("0xE578").map(c -> c.nyukanGaiji().orElseThrow())).contains("0xE578");
        assertThat(MJ.bySequence(0x3404, 0xE0101).map(MjCharacter::id)).contains(MjId.parse("MJ000007"));
    }

    @Test
    void aCompatibilityIdeographIsFoundByItsCodePointAndByItsStandardizedSequence() {
        MjCharacter byCompat = MJ.byCodePoint(0xF91D).orElseThrow(); // 欄 compatibility ideograph
        assertThat(byCompat.id()).isEqualTo(MjId.parse("MJ030183"));
        assertThat(MJ.bySequence(0x6B04, 0xFE00)).contains(byCompat);
        assertThat(MJ.bySequence(0x6B04, 0xE0103)).contains(byCompat);
        assertThat(byCompat.printedChar()).isEqualTo(new PrintedChar.VariationSequence(0x6B04, 0xE0103));
    }

    @Test
    void everyMjCharacterPrintsAsAFormThatLeadsBackToIt() {
        assertThat(MJ.stream().filter(c -> !MJ.of(c.printedChar()).map(MjCharacter::id).equals(java.util.Optional.of(c.id()))))
                .isEmpty();
        assertThat(MJ.stream().filter(c -> c.printedChar() instanceof PrintedChar.MjOnly).count()).isEqualTo(19);
    }

    @Test
    void aCharacterWithoutCodePointOrSequencePrintsByItsMjId() {
        assertThat(MJ.printedChar(MjId.parse("MJ037229"))).contains(new PrintedChar.MjOnly(MjId.parse("MJ037229")));
        assertThat(MJ.printedChar(MjId.parse("MJ003719"))).contains(new PrintedChar.MjOnly(MjId.parse("MJ003719")));
        assertThat(MJ.byId(new MjId(999_999))).isEmpty();
    }

    @Test
    void variantsOfACodePointAreEveryMjCharacterCorrespondingToIt() {
        assertThat(MJ.variantsOf(0x9089)).hasSize(16); // 邉
        assertThat(MJ.variantsOf(0x9089)).allSatisfy(c -> assertThat(c.ucs()).hasValue(0x9089));
    }

    @Test
    void theShrinkMapIsReadBothWays() {
        MjId id = MjId.parse("MJ000007");
        assertThat(MJ.shrinkMappings(id)).extracting(MjShrinkMapping::fallbackUcs).contains(0x725B, 0x4E95);
        MjShrinkMapping first = MJ.shrinkMappings(id).get(0);
        assertThat(first.table()).isEqualTo("法務省告示582号別表第四_二");
        assertThat(first.rank()).hasValue(1);
        assertThat(first.fallbackJisX0213()).isEqualTo("1-21-77");
        assertThat(MJ.shrinkMappingsTo(0x725B)).extracting(MjShrinkMapping::mj).contains(id);
    }

    @Test
    void malformedKeysAreRejectedWithTheirForm() {
        assertThatThrownBy(() -> MJ.byJukiCode("AD1D")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("J+");
        assertThatThrownBy(() -> MJ.byKosekiNumber("1340")).hasMessageContaining("6 digits");
        assertThatThrownBy(() -> MJ.byJisX0213("1-1-25")).hasMessageContaining("面-区-点");
        assertThat(MJ.byJukiCode("J+0041")).isEmpty();
    }

    @Test
    void aMalformedDataFileIsRejectedWithItsLine() {
        String header = "mj\tucs\timplemented_ucs\tmoji_joho_ivs\tsvs\tkoseki_no\tjuki_code\tnyukan_seiji\tnyukan_gaiji"
                + "\tx0213\ttouki_no\tstrokes\n";
        String bad = header + "MJ000001\tU+3005\tU+3005\t\t\t\tJ+XYZW\t\t\t\t\t3\n";
        String shrink = "mj\tfallback_ucs\tfallback_x0213\ttable\trank\thops\n";

        assertThatThrownBy(() -> MjRepertoire.load(stream(bad), stream(shrink)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mji line 2");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
