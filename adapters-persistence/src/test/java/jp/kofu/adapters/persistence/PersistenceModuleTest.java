package jp.kofu.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Injector;

import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.core.testing.Fixtures;

class PersistenceModuleTest {

    @TempDir
    Path directory;

    @Test
    void the_module_binds_every_port_to_one_shared_database() {
        Injector injector = Guice.createInjector(
                new PersistenceModule("jdbc:h2:file:" + directory.resolve("kofu").toAbsolutePath()));
        try (Database database = injector.getInstance(Database.class)) {
            ReplicaWritePort writer = injector.getInstance(ReplicaWritePort.class);
            ReplicaReadPort reader = injector.getInstance(ReplicaReadPort.class);

            assertThat(reader).isSameAs(writer).isSameAs(injector.getInstance(ReplicaReadPort.class));
            assertThat(injector.getInstance(TenantSettingsPort.class)).isSameAs(injector.getInstance(TenantSettingsPort.class));
            assertThat(injector.getInstance(IssuanceHistoryPort.class)).isSameAs(injector.getInstance(IssuanceHistoryPort.class));
            assertThat(injector.getInstance(Database.class)).isSameAs(database);

            writer.replaceAll(Fixtures.KURUME, List.of(Fixtures.fullBatch(Fixtures.KURUME, SourceSystem.JUKIKI, 1)),
                    Fixtures.replicaContent().with(Fixtures.aResident().withKey("P0001").build()).build());
            boolean found = reader.read(Fixtures.KURUME, s -> s.resident(new PersonKey("P0001")).isPresent());
            assertThat(found).isTrue();
            assertThat(injector.getInstance(IssuanceHistoryPort.class).nextCertificateNumber(Fixtures.KURUME)).isEqualTo(1);
        }
    }
}
