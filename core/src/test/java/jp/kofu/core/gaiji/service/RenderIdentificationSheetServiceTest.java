package jp.kofu.core.gaiji.service;

import static jp.kofu.core.testing.Fixtures.KURUME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry.Match;
import jp.kofu.core.gaiji.domain.CorrespondenceTableVersion;
import jp.kofu.core.gaiji.domain.IdentificationSheet;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.testing.InMemoryCorrespondenceTables;
import jp.kofu.core.testing.InMemoryTenantSettings;

class RenderIdentificationSheetServiceTest {

    private final InMemoryCorrespondenceTables tables = new InMemoryCorrespondenceTables();
    private final RenderIdentificationSheetService service = new RenderIdentificationSheetService(tables,
            new InMemoryTenantSettings(TenantSettings.kurume()),
            sheet -> (sheet.tenantLabel() + "|" + sheet.rows().size()).getBytes(StandardCharsets.UTF_8),
            MjRepertoire.shared());

    @Test
    void theSheetShowsEachCodeWithItsCharacterMjIdAndKeys() {
        tables.append(KURUME, new CorrespondenceTableVersion(1, Instant.parse("2026-11-25T16:00:00Z"), "staff-1", "t.csv",
                List.of(CorrespondenceEntry.ofMj("U+E021", MjRepertoire.shared().byId(MjId.parse("MJ026201")).orElseThrow(),
                                Match.SAME_SHAPE),
                        new CorrespondenceEntry("U+E0A9", PrintedChar.Ucs.of(0x100041), Optional.empty(), Match.SIMILAR))),
                List.of());

        IdentificationSheet sheet = service.sheet(KURUME, OptionalInt.empty());

        assertThat(sheet.tenantLabel()).isEqualTo("402036 久留米市");
        assertThat(sheet.version()).isEqualTo(1);
        assertThat(sheet.importedOn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(sheet.rows()).hasSize(2);
        IdentificationSheet.Row row = sheet.rows().get(0);
        assertThat(row.vendorCode()).isEqualTo("U+E021");
        assertThat(row.mj()).contains(MjId.parse("MJ026201"));
        assertThat(row.keys()).contains("住基 J+BD5E", "UCS U+908A U+E010E");
        assertThat(sheet.rows().get(1).keys()).containsExactly("UCS U+100041");
        assertThat(new String(service.render(KURUME, OptionalInt.of(1)), StandardCharsets.UTF_8)).isEqualTo("402036 久留米市|2");
    }

    @Test
    void aTenantWithoutThatVersionHasNoSheet() {
        assertThatThrownBy(() -> service.sheet(KURUME, OptionalInt.empty())).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.sheet(KURUME, OptionalInt.of(3))).hasMessageContaining("version 3");
    }
}
