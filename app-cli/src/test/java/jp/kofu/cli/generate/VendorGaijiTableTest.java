package jp.kofu.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.cli.gaiji.VendorCodeTableCsv;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.UnidentifiedCharacters;
import jp.kofu.core.gaiji.domain.VendorCodeInfo;
import jp.kofu.core.replica.domain.Resident;

class VendorGaijiTableTest {

    private static final class Holder {
        static final SyntheticTown WITH_200 = VendorGaijiTable.withVendorCodes(Towns.townOf2000(), 200);
    }

    @Test
    void aTownGetsTwoHundredVendorCodesEachStandingForAnMjVariantInAResidentsName() {
        SyntheticTown town = Holder.WITH_200;

        assertThat(town.vendorCharacters()).hasSize(200);
        assertThat(town.vendorCharacters().values()).doesNotHaveDuplicates();
        Map<String, Long> residentsByCode = town.content().residents().stream()
                .flatMap(r -> UnidentifiedCharacters.vendorCodes(r.name()).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(residentsByCode.keySet()).containsAll(town.vendorCharacters().keySet());
        assertThat(town.people(Trait.UNIDENTIFIED_VENDOR_NAME)).hasSizeGreaterThanOrEqualTo(200);
        for (Map.Entry<String, MjId> e : town.vendorCharacters().entrySet()) {
            if (e.getKey().compareTo("U+E100") >= 0) {
                MjCharacter mj = MjRepertoire.shared().byId(e.getValue()).orElseThrow();
                Resident r = town.content().residents().stream()
                        .filter(x -> UnidentifiedCharacters.vendorCodes(x.name()).contains(e.getKey())).findFirst().orElseThrow();
                assertThat(mj.printedChar()).isNotEqualTo(PrintedChar.Ucs.of(mj.ucs().getAsInt()));
                assertThat(r.isForeignResident()).isFalse();
            }
        }
    }

    @Test
    void addingCodesIsDeterministicAndLeavesTheOriginalTownAlone() {
        SyntheticTown again = VendorGaijiTable.withVendorCodes(Towns.townOf2000(), 200);

        assertThat(again).isEqualTo(Holder.WITH_200);
        assertThat(Towns.townOf2000().vendorCharacters().size()).isLessThan(200);
    }

    @Test
    void theVendorKnowsEachCodeByTheIntendedCharactersOwnKeysOrNotAtAll() {
        List<VendorCodeInfo> table = VendorGaijiTable.of(Holder.WITH_200);
        MjRepertoire mj = MjRepertoire.shared();

        assertThat(table).hasSize(200);
        for (VendorCodeInfo v : table) {
            MjCharacter intended = mj.byId(Holder.WITH_200.vendorCharacters().get(v.vendorCode())).orElseThrow();
            v.jukiCode().ifPresent(j -> assertThat(mj.byJukiCode(j)).contains(intended));
            v.kosekiNumber().ifPresent(k -> assertThat(mj.byKosekiNumber(k)).contains(intended));
            v.character().ifPresent(c -> assertThat(mj.of(c)).contains(intended));
        }
        assertThat(table).filteredOn(v -> v.jukiCode().isPresent()).hasSizeGreaterThan(50);
        assertThat(table).filteredOn(v -> v.jukiCode().isEmpty() && v.kosekiNumber().isPresent()).hasSizeGreaterThan(20);
        assertThat(table).filteredOn(v -> !v.hasRegistryKey() && v.character().isPresent()).isNotEmpty();
        assertThat(table).filteredOn(v -> !v.hasRegistryKey() && v.character().isEmpty() && v.substitute().isPresent())
                .isNotEmpty();
        assertThat(table).filteredOn(v -> !v.hasRegistryKey() && v.character().isEmpty() && v.substitute().isEmpty())
                .isNotEmpty();
    }

    @Test
    void theTableIsWrittenAsTheVendorsCsvAndReadsBack(@TempDir Path dir) throws Exception {
        Path file = VendorGaijiTable.write(Holder.WITH_200, dir);

        assertThat(file.getFileName().toString()).isEqualTo(VendorGaijiTable.FILE_NAME);
        assertThat(List.copyOf(VendorCodeTableCsv.read(file).values())).isEqualTo(VendorGaijiTable.of(Holder.WITH_200));
    }

    @Test
    void aTownTooSmallForTheCodesSaysSo() {
        SyntheticTown tiny = new SyntheticTownGenerator().generate(Towns.KURUME, 20, 3, Towns.REFERENCE_DATE);

        assertThatThrownBy(() -> VendorGaijiTable.withVendorCodes(tiny, 200)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generate more residents");
    }

}
