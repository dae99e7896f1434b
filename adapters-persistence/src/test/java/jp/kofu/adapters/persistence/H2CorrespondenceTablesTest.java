package jp.kofu.adapters.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.gaiji.port.out.CorrespondenceTablePort;
import jp.kofu.core.testing.CorrespondenceTablePortContract;

class H2CorrespondenceTablesTest extends CorrespondenceTablePortContract {

    @TempDir
    static Path directory;
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabase.h2(directory);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected CorrespondenceTablePort newPort() {
        return new JdbiCorrespondenceTables(db.empty());
    }
}
