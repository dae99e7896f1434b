package jp.kofu.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Injector;

import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.testing.Fixtures;

class GaijiBindingsTest {

    @TempDir
    Path directory;

    @Test
    void theModuleBindsTheGaijiStoresAsSingletonsOverTheSharedDatabase() {
        Injector injector = Guice.createInjector(
                new PersistenceModule("jdbc:h2:file:" + directory.resolve("kofu").toAbsolutePath()));
        try (Database database = injector.getInstance(Database.class)) {
            CorrespondenceTablePort tables = injector.getInstance(CorrespondenceTablePort.class);
            ReplicaTextPort texts = injector.getInstance(ReplicaTextPort.class);
            assertThat(tables).isSameAs(injector.getInstance(CorrespondenceTablePort.class));
            assertThat(texts).isSameAs(injector.getInstance(ReplicaTextPort.class));

            injector.getInstance(ReplicaWritePort.class).replaceAll(Fixtures.KURUME,
                    List.of(Fixtures.fullBatch(Fixtures.KURUME, SourceSystem.JUKIKI, 1)),
                    Fixtures.replicaContent().with(Fixtures.aResident().withKey("P0001").named(Fixtures.UNIDENTIFIED_VENDOR)
                            .build()).build());
            List<ReplicaTextPort.TextItem> items = new ArrayList<>();
            texts.forEachText(Fixtures.KURUME, true, items::add);
            assertThat(items).hasSize(1);
            assertThat(tables.latest(Fixtures.KURUME)).isEmpty();
            assertThat(database.isReachable()).isTrue();
        }
    }
}
