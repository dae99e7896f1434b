package jp.kofu.adapters.persistence;

import java.util.Objects;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * The persistence module (永続化モジュール): binds {@link TenantSettingsPort}, {@link ReplicaReadPort},
 * {@link ReplicaWritePort} and {@link IssuanceHistoryPort} to their database implementations, all
 * singletons over one {@link Database} (also bound, so the application can close it on shutdown). The
 * database is opened and migrated when first needed.
 */
public final class PersistenceModule extends AbstractModule {

    private final String jdbcUrl;

    /** @param jdbcUrl an H2 or PostgreSQL JDBC URL, e.g. {@link Database#DEFAULT_URL} */
    public PersistenceModule(String jdbcUrl) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    @Override
    protected void configure() {
        bind(TenantSettingsPort.class).to(JdbiTenantSettingsStore.class);
        bind(ReplicaReadPort.class).to(JdbiReplica.class);
        bind(ReplicaWritePort.class).to(JdbiReplica.class);
        bind(IssuanceHistoryPort.class).to(JdbiIssuanceHistory.class);
    }

    @Provides
    @Singleton
    Database database() {
        return Database.open(jdbcUrl);
    }

    @Provides
    @Singleton
    JdbiTenantSettingsStore tenantSettings(Database database) {
        return new JdbiTenantSettingsStore(database);
    }

    @Provides
    @Singleton
    JdbiReplica replica(Database database) {
        return new JdbiReplica(database);
    }

    @Provides
    @Singleton
    JdbiIssuanceHistory issuanceHistory(Database database) {
        return new JdbiIssuanceHistory(database);
    }
}
