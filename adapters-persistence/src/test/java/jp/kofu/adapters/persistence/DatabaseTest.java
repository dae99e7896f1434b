package jp.kofu.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.core.testing.Fixtures;

class DatabaseTest {

    @TempDir
    Path directory;

    @Test
    void reopening_a_migrated_database_keeps_its_data() {
        String url = "jdbc:h2:file:" + directory.resolve("kofu").toAbsolutePath();
        try (Database first = Database.open(url)) {
            new JdbiTenantSettingsStore(first).save(Fixtures.kurumeSettings());
        }

        try (Database again = Database.open(url)) {
            assertThat(new JdbiTenantSettingsStore(again).find(Fixtures.KURUME)).contains(Fixtures.kurumeSettings());
            assertThat(again.engine()).isEqualTo(Database.Engine.H2);
            assertThat(again.isReachable()).isTrue();
        }
    }

    @Test
    void a_batch_process_stores_each_commit_in_the_committing_thread_and_a_server_keeps_the_background_writer() {
        String url = "jdbc:h2:file:" + directory.resolve("kofu").toAbsolutePath();
        try (Database database = Database.open(Database.storingEachCommit(url))) {
            // no background writer: its stores are what left parts of transactions in a killed file (SyncFaultTest)
            assertThat(writeDelay(database)).isEqualTo("[0]");
        }
        try (Database database = Database.open(url)) {
            assertThat(writeDelay(database)).as("H2's default, for the server").isEqualTo("[500]");
        }
        try (Database database = Database.open(Database.storingEachCommit(url + ";WRITE_DELAY=200"))) {
            assertThat(writeDelay(database)).as("a URL that sets it keeps its own").isEqualTo("[200]");
        }
        assertThat(Database.storingEachCommit("jdbc:h2:file:./x;write_delay=10")).isEqualTo("jdbc:h2:file:./x;write_delay=10");
        assertThat(Database.storingEachCommit("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    private static String writeDelay(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT DISTINCT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                .mapTo(String.class).list().toString());
    }

    @Test
    void the_engine_follows_the_url() {
        try (TestDatabase pg = TestDatabase.postgres()) {
            assertThat(pg.database().engine()).isEqualTo(Database.Engine.POSTGRESQL);
        }
    }

    @Test
    void a_url_of_another_database_is_refused_without_quoting_it() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://db/kofu?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void the_default_is_an_embedded_file_under_kofu_data() {
        assertThat(Database.DEFAULT_URL).isEqualTo("jdbc:h2:file:./kofu-data/kofu");
    }
}
