package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;

import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.out.BatchReaderPort;

class JukikiModuleTest {

    @TempDir
    Path dir;

    @Test
    void theModuleContributesAResidentRecordReaderToTheSetOfBatchReaders() throws Exception {
        Injector injector = Guice.createInjector(new JukikiModule());

        Set<BatchReaderPort> readers = injector.getInstance(Key.get(new TypeLiteral<Set<BatchReaderPort>>() { }));

        assertThat(readers).singleElement().extracting(BatchReaderPort::source).isEqualTo(SourceSystem.JUKIKI);
        TestBatch batch = TestBatch.written(dir, Samples.town());
        assertThat(readers.iterator().next().read(dir, batch.manifest()).content()).isEqualTo(Samples.town());
    }
}
