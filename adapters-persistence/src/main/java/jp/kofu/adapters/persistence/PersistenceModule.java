package jp.kofu.adapters.persistence;

import java.util.Objects;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.issuance.port.out.ChallengePort;
import jp.kofu.core.issuance.port.out.IdempotencyPort;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.issuance.port.out.KioskSessionPort;
import jp.kofu.core.issuance.port.out.PreparedDocumentPort;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.replica.port.out.ReplicaDeltaPort;
import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * The persistence module (永続化モジュール): binds {@link TenantSettingsPort}, {@link ReplicaReadPort},
 * {@link ReplicaWritePort}, {@link IssuanceHistoryPort} and the kiosk flow's stores ({@link ChallengePort},
 * {@link KioskSessionPort}, {@link IdempotencyPort}, {@link PreparedDocumentPort}) to their database implementations, all
 * singletons over one {@link Database} (also bound, so the application can close it on shutdown). The
 * database is opened and migrated when first needed. The 文字同定 stores ({@link CorrespondenceTablePort},
 * {@link ReplicaTextPort}) are bound the same way, and so are the sync stores ({@link ReplicaDeltaPort},
 * {@link SyncStatePort}).
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
        bind(ChallengePort.class).to(JdbiChallenges.class);
        bind(KioskSessionPort.class).to(JdbiKioskSessions.class);
        bind(IdempotencyPort.class).to(JdbiIdempotency.class);
        bind(PreparedDocumentPort.class).to(JdbiPreparedDocuments.class);
        bind(CorrespondenceTablePort.class).to(JdbiCorrespondenceTables.class);
        bind(ReplicaTextPort.class).to(JdbiReplicaTexts.class);
        bind(ReplicaDeltaPort.class).to(JdbiReplica.class);
        bind(SyncStatePort.class).to(JdbiSyncState.class);
    }

    @Provides
    @Singleton
    JdbiSyncState syncState(Database database) {
        return new JdbiSyncState(database);
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

    @Provides
    @Singleton
    JdbiChallenges challenges(Database database) {
        return new JdbiChallenges(database);
    }

    @Provides
    @Singleton
    JdbiKioskSessions kioskSessions(Database database) {
        return new JdbiKioskSessions(database);
    }

    @Provides
    @Singleton
    JdbiIdempotency idempotency(Database database) {
        return new JdbiIdempotency(database);
    }

    @Provides
    @Singleton
    JdbiPreparedDocuments preparedDocuments(Database database) {
        return new JdbiPreparedDocuments(database);
    }

    @Provides
    @Singleton
    JdbiCorrespondenceTables correspondenceTables(Database database) {
        return new JdbiCorrespondenceTables(database);
    }

    @Provides
    @Singleton
    JdbiReplicaTexts replicaTexts(Database database) {
        return new JdbiReplicaTexts(database);
    }
}
