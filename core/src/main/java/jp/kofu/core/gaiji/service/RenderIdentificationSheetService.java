package jp.kofu.core.gaiji.service;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CodePoints;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.CorrespondenceTableVersion;
import jp.kofu.core.gaiji.domain.IdentificationSheet;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.port.in.RenderIdentificationSheetUseCase;
import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.gaiji.port.out.IdentificationSheetPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/** Implements {@link RenderIdentificationSheetUseCase}. */
public final class RenderIdentificationSheetService implements RenderIdentificationSheetUseCase {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final CorrespondenceTablePort tables;
    private final TenantSettingsPort tenants;
    private final IdentificationSheetPort renderer;
    private final MjRepertoire repertoire;

    @Inject
    public RenderIdentificationSheetService(CorrespondenceTablePort tables, TenantSettingsPort tenants,
                                            IdentificationSheetPort renderer) {
        this(tables, tenants, renderer, MjRepertoire.shared());
    }

    public RenderIdentificationSheetService(CorrespondenceTablePort tables, TenantSettingsPort tenants,
                                            IdentificationSheetPort renderer, MjRepertoire repertoire) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.repertoire = Objects.requireNonNull(repertoire, "repertoire");
    }

    @Override
    public IdentificationSheet sheet(LocalGovernmentCode tenant, OptionalInt version) {
        CorrespondenceTableVersion table = (version.isPresent() ? tables.find(tenant, version.getAsInt())
                : tables.latest(tenant)).orElseThrow(() -> new NoSuchElementException("tenant " + tenant
                + " has no correspondence table" + (version.isPresent() ? " version " + version.getAsInt() : "")));
        var settings = tenants.find(tenant);
        String label = tenant + settings.map(s -> " " + s.name()).orElse("");
        ZoneId zone = settings.map(TenantSettings::zone).orElse(JAPAN);
        List<IdentificationSheet.Row> rows = new ArrayList<>(table.entries().size());
        for (CorrespondenceEntry e : table.entries()) {
            List<String> keys = e.mj().flatMap(repertoire::byId).map(MjCharacter::keyLabels)
                    .orElseGet(() -> List.of("UCS " + CodePoints.notation(e.character())));
            rows.add(new IdentificationSheet.Row(e.vendorCode(), e.character(), e.mj(), e.match(), keys));
        }
        return new IdentificationSheet(label, table.version(), table.createdAt().atZone(zone).toLocalDate(),
                table.actor(), rows);
    }

    @Override
    public byte[] render(LocalGovernmentCode tenant, OptionalInt version) {
        return renderer.render(sheet(tenant, version));
    }
}
