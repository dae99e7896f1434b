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
 * The tenants' settings (団体設定) in table {@code tenant_settings}, one JSON document per tenant. Every kiosk
 * call reads its tenant's settings, so a node keeps what it read for {@link #FRESH_FOR} (1 s): a change saved
 * on this node is seen at once, one saved on another node within that second. A tenant not found is never
 * remembered (one registered by {@code kofu load} is served at once), and {@link #all()} always reads the
 * table. The parsing of an unchanged document is remembered too.
 */
public final class JdbiTenantSettingsStore implements TenantSettingsPort {

    /** A document as read and what it parsed to. */
    private record Parsed(String json, TenantSettings settings) {
    }

    /** How long a node serves the settings it read without reading them again. */
    public static final java.time.Duration FRESH_FOR = java.time.Duration.ofSeconds(1);

    /** Settings as read, and when (System.nanoTime). */
    private record Read(TenantSettings settings, long at) {
    }

    private final Jdbi jdbi;
    private final java.util.concurrent.ConcurrentHashMap<String, Parsed> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Read> fresh = new java.util.concurrent.ConcurrentHashMap<>();

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
        fresh.remove(code); // this node reads its own change at once
    }

    private static int update(Handle h, String code, String json) {
        return h.createUpdate("UPDATE tenant_settings SET settings_json = :json WHERE tenant_code = :code")
                .bind("code", code).bind("json", json).execute();
    }

    @Override
    public Optional<TenantSettings> find(LocalGovernmentCode code) {
        long now = System.nanoTime();
        Read known = fresh.get(code.value());
        if (known != null && now - known.at() < FRESH_FOR.toNanos()) {
            return Optional.of(known.settings());
        }
        Optional<TenantSettings> read = jdbi.withHandle(h -> h.createQuery(
                        "SELECT tenant_code, settings_json FROM tenant_settings WHERE tenant_code = :code")
                .bind("code", code.value())
                .map((rs, ctx) -> parse(rs.getString(1), rs.getString(2)))
                .findOne());
        read.ifPresentOrElse(settings -> fresh.put(code.value(), new Read(settings, now)), () -> fresh.remove(code.value()));
        return read;
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
