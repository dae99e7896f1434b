package jp.kofu.adapters.persistence;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose parameterized tests run on embedded H2 and on PostgreSQL: {@code @MethodSource("engines")}
 * and {@link #database(String)} give each test a fresh, empty database of that engine.
 */
abstract class BothEngines {

    @TempDir
    static Path directory;
    private static TestDatabase h2;
    private static TestDatabase postgres;

    @BeforeAll
    static void open() {
        h2 = TestDatabase.h2(directory);
        postgres = TestDatabase.postgres();
    }

    @AfterAll
    static void close() {
        h2.close();
        postgres.close();
    }

    static Stream<String> engines() {
        return Stream.of("h2", "postgresql");
    }

    static Database database(String engine) {
        return ("h2".equals(engine) ? h2 : postgres).empty();
    }
}
