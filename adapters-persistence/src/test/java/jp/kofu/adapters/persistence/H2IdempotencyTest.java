package jp.kofu.adapters.persistence;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.issuance.port.out.IdempotencyPort;
import jp.kofu.core.testing.IdempotencyPortContract;

class H2IdempotencyTest extends IdempotencyPortContract {

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
    protected IdempotencyPort newPort() {
        return new JdbiIdempotency(db.empty());
    }
}
