package jp.kofu.adapters.persistence;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * The tenants' settings (団体設定) in table {@code tenant_settings}, one JSON document per tenant. Every read
 * goes to the table (a change made on another node is seen at once); only the parsing of an unchanged
 * document is remembered, since every kiosk call reads its tenant's settings.
 */
public final class JdbiTenantSettingsStore implements TenantSettingsPort {

    /** A document as read and what it parsed to. */
    private record Parsed(String json, TenantSettings settings) {
    }

    private final Jdbi jdbi;
    private final java.util.concurrent.ConcurrentHashMap<String, Parsed> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public JdbiTenantSettingsStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void save(TenantSettings settings) {
        String code = settings.code().value();
        String json = Json.settings(settings);
        try {
            jdbi.useTransaction(h -> {
                if (update(h, code, json) == 0) {
                    h.createUpdate("INSERT INTO tenant_settings (tenant_code, settings_json) VALUES (:code, :json)")
                            .bind("code", code).bind("json", json).execute();
                }
            });
        } catch (StatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // another caller inserted the tenant first: the row exists now
            jdbi.useHandle(h -> update(h, code, json));
        }
    }

    private static int update(Handle h, String code, String json) {
        return h.createUpdate("UPDATE tenant_settings SET settings_json = :json WHERE tenant_code = :code")
                .bind("code", code).bind("json", json).execute();
    }

    @Override
    public Optional<TenantSettings> find(LocalGovernmentCode code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_code, settings_json FROM tenant_settings WHERE tenant_code = :code")
                .bind("code", code.value())
                .map((rs, ctx) -> parse(rs.getString(1), rs.getString(2)))
                .findOne());
    }

    private TenantSettings parse(String code, String json) {
        Parsed known = parsed.get(code);
        if (known != null && known.json().equals(json)) {
            return known.settings();
        }
        TenantSettings settings = Json.settings(code, json);
        parsed.put(code, new Parsed(json, settings));
        return settings;
    }

    @Override
    public List<TenantSettings> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_code, settings_json FROM tenant_settings ORDER BY tenant_code")
                .map((rs, ctx) -> Json.settings(rs.getString(1), rs.getString(2)))
                .list());
    }
}
