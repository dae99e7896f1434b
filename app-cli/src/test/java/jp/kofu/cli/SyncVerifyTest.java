package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kofu.adapters.persistence.Database;

/**
 * kofu sync verify through the real command line: a generated town with deltas, loaded and applied, matches
 * the generator's digest; a replica row changed or deleted behind kofu's back is named by its key.
 */
class SyncVerifyTest {

    private static final int DELTAS = 3;

    @TempDir
    static Path shared;

    /** One generated town for all tests (generating is the slow part); tests never change it. */
    private static Path town;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateOnce() {
        town = generate(shared.resolve("town"));
    }

    private static Path generate(Path out) {
        CliRun generated = CliRun.run("generate", "--tenant", "402036", "--residents", "300", "--seed", "11",
                "--reference-date", "2026-11-26", "--deltas", Integer.toString(DELTAS), "--cards", "0",
                "--out", out.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(out.resolve("jukiki-000004-digest/manifest.json")).exists();
        assertThat(out.resolve("tax-000004-digest/digest.tsv")).exists();
        return out;
    }

    /**
     * Runs command lines in one environment, so that all runs share one connection pool per database (a
     * CliRun per command would leave a pool open per run in this process); closes it at the end.
     */
    private static final class Session implements AutoCloseable {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true),
                new PrintWriter(err, true), Map.of(), CliRun.CLOCK);
        private final String db;

        Session(String db) {
            this.db = db;
        }

        CliRun run(String... args) {
            int o = out.getBuffer().length();
            int e = err.getBuffer().length();
            int code = Cli.execute(environment, args);
            return new CliRun(code, out.getBuffer().substring(o), err.getBuffer().substring(e));
        }

        @Override
        public void close() {
            environment.kofu(db).getInstance(Database.class).close();
        }
    }

    private static void loadAndApply(Session session, String db, Path out) {
        CliRun load = session.run("load", "--db", db, "--tenant", "402036", out.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        // the city's 文字同定 result: the generator's digest reads every vendor 外字 as the character it means
        CliRun identified = session.run("gaiji", "apply", "--db", db, "--tenant", "402036", "--file",
                out.resolve("correspondence-table-answer.csv").toString());
        assertThat(identified.exitCode()).as(identified.err()).isZero();
        for (int sequence = 2; sequence <= DELTAS + 1; sequence++) {
            for (String source : List.of("jukiki", "tax")) {
                CliRun apply = session.run("sync", "apply", "--db", db,
                        out.resolve(String.format("%s-%06d-delta", source, sequence)).toString());
                assertThat(apply.exitCode()).as(apply.err()).isZero();
            }
        }
    }

    /** The n-th key of an entity's key file of the jukiki digest. */
    private static String key(Path out, String entity, int n) throws Exception {
        return Files.readAllLines(out.resolve("jukiki-000004-digest").resolve(entity + ".keys.tsv")).get(n).split("\t")[0];
    }

    private void verifyThenTamper(String db, String jdbcForSql) throws Exception {
        try (Session session = new Session(db)) {
            verifyThenTamper(session, db, jdbcForSql);
        }
    }

    private void verifyThenTamper(Session session, String db, String jdbcForSql) throws Exception {
        Path out = town;
        loadAndApply(session, db, out);

        CliRun verified = session.run("sync", "verify", "--db", db, out.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("402036 jukiki: all entities match", "402036 tax: all entities match",
                "digest as of sequence 4, replica at sequence 4");
        assertThat(verified.out().lines().filter(l -> l.contains(" match "))).hasSize(6);

        String person = key(out, "residents", 7);
        String household = key(out, "households", 3);
        try (Connection c = DriverManager.getConnection(jdbcForSql)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE residents SET address = CONCAT(address, '1') WHERE tenant_code = '402036' AND person_key = ?")) {
                ps.setString(1, person);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM households WHERE tenant_code = '402036' AND household_id = ?")) {
                ps.setString(1, household);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }

        CliRun mismatch = session.run("sync", "verify", "--db", db, out.resolve("jukiki-000004-digest").toString());
        assertThat(mismatch.exitCode()).as(mismatch.out() + mismatch.err()).isEqualTo(1);
        assertThat(mismatch.out()).contains("residents          MISMATCH", "      " + person + "  different",
                "households         MISMATCH", "      " + household + "  missing in replica",
                "402036 jukiki: MISMATCH", "seals              match");
        assertThat(mismatch.out()).doesNotContain("久留米市"); // keys only, never an address

        CliRun json = session.run("sync", "verify", "--db", db, "--json", out.toString());
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.out()).contains("\"matches\" : false", "\"key\" : \"" + person + "\"", "\"kind\" : \"different\"");
    }

    @Test
    void a_generated_town_with_deltas_matches_its_digest_and_a_tampered_row_is_named_on_h2() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db/kofu");
        verifyThenTamper(db, db);
    }

    @Test
    void the_same_on_postgresql() throws Exception {
        String pg = System.getenv("KOFU_TEST_PG_URL");
        assumeThat(pg).as("KOFU_TEST_PG_URL").isNotBlank();
        String schema = "verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String db = pg + "&currentSchema=" + schema;
        try {
            verifyThenTamper(db, db);
        } finally {
            try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void a_malformed_digest_is_bad_input_with_file_line_and_field() throws Exception {
        Path copy = dir.resolve("tax-000004-digest");
        Files.createDirectories(copy);
        try (var files = Files.list(town.resolve("tax-000004-digest"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path keys = copy.resolve("tax_records.keys.tsv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(keys));
        lines.set(2, lines.get(2).substring(0, lines.get(2).length() - 1) + "X");
        Files.write(keys, lines);
        String db = "jdbc:h2:file:" + dir.resolve("db/kofu");

        CliRun run = CliRun.run("sync", "verify", "--db", db, copy.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("tax-000004-digest/tax_records.keys.tsv SHA-256 mismatch",
                "kofu sync verify: malformed digest, nothing compared");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void without_deltas_the_digest_describes_the_full_batches() throws Exception {
        Path out = dir.resolve("small");
        String db = "jdbc:h2:file:" + dir.resolve("db/kofu");
        CliRun.generatedAndLoaded(out, db, "--residents", "60", "--seed", "3", "--reference-date", "2026-11-26",
                "--cards", "0");

        CliRun verified = CliRun.run("sync", "verify", "--db", db, out.resolve("jukiki-000001-digest").toString(),
                out.resolve("tax-000001-digest").toString());

        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("402036 jukiki: all entities match", "402036 tax: all entities match");
    }

    @Test
    void a_replica_behind_the_digest_is_a_mismatch_that_names_both_sequences() {
        String db = "jdbc:h2:file:" + dir.resolve("db/kofu");
        // the full batches only: the digest describes the state after three deltas
        assertThat(CliRun.run("load", "--db", db, "--tenant", "402036", town.toString()).exitCode()).isZero();

        CliRun run = CliRun.run("sync", "verify", "--db", db, "--json", town.resolve("tax-000004-digest").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"digestSequence\" : 4", "\"replicaSequence\" : 1", "\"sequenceMatches\" : false");
    }

    @Test
    void no_digest_is_bad_input_and_an_unreachable_database_is_an_infrastructure_failure() {
        CliRun missing = CliRun.run("sync", "verify", "--db", "jdbc:h2:file:" + dir.resolve("db/kofu"),
                dir.resolve("nothing-here").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("no such directory");

        CliRun down = CliRun.run("sync", "verify", "--db", "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2",
                town.resolve("jukiki-000004-digest").toString());
        assertThat(down.exitCode()).isEqualTo(4);
        assertThat(down.err()).contains("infrastructure failure");
    }

    @Test
    void a_directory_holding_digest_batches_can_still_be_scanned_for_characters() {
        CliRun scan = CliRun.run("gaiji", "scan", "--db", "jdbc:h2:file:" + dir.resolve("db/kofu"), "--tenant", "402036",
                "--batch", town.toString());

        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.err()).doesNotContain("digest");
    }
}
