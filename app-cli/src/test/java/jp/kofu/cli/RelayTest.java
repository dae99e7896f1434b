package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import jp.kofu.cli.relay.Outbox;
import jp.kofu.cli.relay.Relay;
import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.MonitoringPolicy;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.out.SyncStatePort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.testing.MutableClock;
import jp.kofu.server.http.KofuServer;
import jp.kofu.server.json.JsonBatchManifestCodec;
import jp.kofu.server.sync.SyncClient;
import jp.kofu.server.sync.SyncCredentials;
import jp.kofu.server.sync.SyncKey;
import jp.kofu.server.sync.SyncServer;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;
import jp.kofu.server.wiring.SyncConfig;

/**
 * The relay (連携用サーバ) and the server over a real TLS socket: a generated town's full and delta batches
 * dropped in the outbox are forwarded, applied and reported; a wrong key is refused; an unreachable server is
 * retried; a gap is held and alarmed; silence turns a stream abnormal; a resend is a no-op for applied batches.
 */
class RelayTest {

    private static final LocalGovernmentCode TENANT = LocalGovernmentCode.parse("402036");

    @TempDir
    static Path shared;
    static Path town;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(CliRun.CLOCK.instant());
    private Injector kofu;
    private KofuServer server;
    private int httpPort;
    private Path outbox;
    private Path keyFile;

    @BeforeAll
    static void generate() {
        town = shared.resolve("town");
        CliRun run = CliRun.run("generate", "--tenant", TENANT.value(), "--residents", "40", "--deltas", "3",
                "--cards", "0", "--out", town.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(town.resolve("sync").resolve(SyncCredentials.SERVER_CERT)).isRegularFile();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void startServer(int syncPort) throws IOException {
        Path cred = town.resolve("sync");
        SyncConfig sync = new SyncConfig(Optional.of(cred.resolve(SyncCredentials.KEYSTORE)),
                Files.readString(cred.resolve(SyncCredentials.KEYSTORE_PASSWORD)).strip(), syncPort,
                Optional.of(cred.resolve(SyncCredentials.SERVER_KEYS)), dir.resolve("server-data"),
                MonitoringPolicy.DEFAULT, Duration.ofHours(1), 1L << 28);
        kofu = Kofu.injector(new KofuConfig("jdbc:h2:file:" + dir.resolve("db/kofu"), 0, null, sync), clock);
        server = kofu.getInstance(KofuServer.class);
        httpPort = server.start();
    }

    private Path outbox(String... batches) throws IOException {
        outbox = Files.createDirectories(dir.resolve("outbox"));
        for (String name : batches) {
            copy(town.resolve(name), outbox.resolve(name));
        }
        return outbox;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private CliRun relay(int port, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("relay", "--once", "--outbox", outbox.toString(),
                "--server", "https://localhost:" + port, "--key-file",
                (keyFile != null ? keyFile : town.resolve("sync").resolve(SyncCredentials.relayKey(TENANT))).toString(),
                "--server-cert", town.resolve("sync").resolve(SyncCredentials.SERVER_CERT).toString(),
                "--backoff-initial", "200ms", "--backoff-max", "1s", "--settle", "1ms"));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    private OptionalLong applied(SourceSystem source) {
        return kofu.getInstance(ReplicaWritePort.class).lastAppliedSequence(TENANT, source);
    }

    private String status() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + SyncServer.STATUS)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static final String[] ALL = {"jukiki-000001-full", "tax-000001-full", "jukiki-000002-delta", "tax-000002-delta",
            "jukiki-000003-delta", "tax-000003-delta", "jukiki-000004-delta", "tax-000004-delta"};

    @Test
    void fullAndDeltaBatchesInTheOutboxAreForwardedAppliedInOrderAndReportedNormal() throws Exception {
        startServer(0);
        outbox(ALL);
        CliRun run = relay(server.syncPort());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("forwarded jukiki 1 (jukiki-000001-full): 201 applied")
                .contains("forwarded tax 4 (tax-000004-delta): 201 applied");
        assertThat(run.out().indexOf("jukiki 2 ")).isLessThan(run.out().indexOf("jukiki 3 "));
        assertThat(applied(SourceSystem.JUKIKI)).hasValue(4);
        assertThat(applied(SourceSystem.TAX)).hasValue(4);
        assertThat(names(outbox.resolve("sent"))).containsExactlyInAnyOrder(ALL);
        assertThat(names(outbox).stream().filter(n -> n.contains("-0000"))).isEmpty();
        assertThat(names(dir.resolve("server-data/batches/402036/jukiki"))).hasSize(4);

        String status = status();
        assertThat(status).contains("\"source\":\"jukiki\",\"lastSequence\":4").contains("\"source\":\"tax\",\"lastSequence\":4")
                .doesNotContain("abnormal");
        CliRun cli = CliRun.run("sync", "status", "--db", "jdbc:h2:file:" + dir.resolve("db/kofu"));
        assertThat(cli.out()).contains("402036 jukiki last 4").contains("heartbeat 2026-11-26T03:00:00Z");
    }

    @Test
    void aRelayWithAWrongKeyIsRefusedWith401AndNothingIsAppliedOrMoved() throws Exception {
        startServer(0);
        outbox("jukiki-000001-full", "jukiki-000002-delta");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path wrong = dir.resolve("wrong.key");
        Files.writeString(wrong, new SyncKey(TENANT, secret).line() + "\n");

        keyFile = wrong;
        CliRun run = relay(server.syncPort());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("401 bad-signature");
        assertThat(run.out()).contains("relay: refused");
        assertThat(names(outbox)).containsExactly("jukiki-000001-full", "jukiki-000002-delta");
        assertThat(applied(SourceSystem.JUKIKI)).isEmpty();
        assertThat(names(dir.resolve("server-data/batches"))).isEmpty();
        assertThat(status()).doesNotContain("402036");
    }

    @Test
    void whileTheServerIsDownTheRelayRetriesWithBackoffAndForwardsWhenItComesUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        outbox("jukiki-000001-full", "jukiki-000002-delta");
        CompletableFuture<CliRun> relay = CompletableFuture.supplyAsync(() -> relay(port, "--give-up-after", "60s"));
        Thread.sleep(1500);
        assertThat(relay).isNotDone();
        startServer(port);
        CliRun run = relay.get();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("heartbeat failed").contains("retry in");
        assertThat(applied(SourceSystem.JUKIKI)).hasValue(2);
    }

    @Test
    void anUnreachableServerMakesRelayOnceGiveUpWithExit4() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        outbox("jukiki-000001-full");
        CliRun run = relay(port, "--give-up-after", "1s");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("giving up on heartbeat");
        assertThat(names(outbox)).containsExactly("jukiki-000001-full");
    }

    @Test
    void aGapIsHeldTheStatusNamesTheMissingNumberAndAnAlarmIsRaisedUntilItIsFilled() throws Exception {
        startServer(0);
        outbox("jukiki-000001-full", "jukiki-000002-delta", "jukiki-000004-delta");
        CliRun run = relay(server.syncPort(), "--sources", "jukiki");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("forwarded jukiki 4 (jukiki-000004-delta): 202 held");
        assertThat(applied(SourceSystem.JUKIKI)).hasValue(2);

        kofu.getInstance(SyncServer.class).check();
        assertThat(status()).contains("\"state\":\"abnormal\"").contains("batch 3 is missing; held: [4]")
                .contains("\"sequenceLag\":2");
        AlarmPort alarms = kofu.getInstance(AlarmPort.class);
        assertThat(alarms.active()).extracting(a -> a.key()).contains("sync/jukiki/gap", "sync/jukiki/abnormal");

        copy(town.resolve("jukiki-000003-delta"), outbox.resolve("jukiki-000003-delta"));
        CliRun filled = relay(server.syncPort(), "--sources", "jukiki");
        assertThat(filled.exitCode()).as(filled.err()).isZero();
        assertThat(applied(SourceSystem.JUKIKI)).hasValue(4);
        kofu.getInstance(SyncServer.class).check();
        assertThat(alarms.active()).extracting(a -> a.key()).doesNotContain("sync/jukiki/gap", "sync/jukiki/abnormal");
    }

    @Test
    void noBatchOrHeartbeatForLongerThanFiveMinutesPlusGraceIsAbnormalAndAlarmed() throws Exception {
        startServer(0);
        outbox("jukiki-000001-full");
        assertThat(relay(server.syncPort(), "--sources", "jukiki").exitCode()).isZero();
        clock.advance(Duration.ofMinutes(7));
        kofu.getInstance(SyncServer.class).check();
        assertThat(status()).contains("\"state\":\"normal\"");

        clock.advance(Duration.ofSeconds(61));
        kofu.getInstance(SyncServer.class).check();
        assertThat(status()).contains("\"state\":\"abnormal\"").contains("no batch or heartbeat for 8m1s (limit 5m + grace 2m)");
        assertThat(kofu.getInstance(AlarmPort.class).active()).singleElement()
                .satisfies(a -> assertThat(a.key()).isEqualTo("sync/jukiki/abnormal"));
    }

    @Test
    void aResendFromASequenceResendsTheKeptBatchesAndTheServerTreatsAppliedOnesAsNoOps() throws Exception {
        startServer(0);
        outbox("jukiki-000001-full", "jukiki-000002-delta", "jukiki-000003-delta", "jukiki-000004-delta");
        assertThat(relay(server.syncPort(), "--sources", "jukiki").exitCode()).isZero();

        CliRun none = CliRun.run("sync", "resend", "--from", "9", "--tenant", "402036", "--source", "jukiki",
                "--outbox", outbox.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("keeps no jukiki batch of tenant 402036 from 9");

        CliRun resend = CliRun.run("sync", "resend", "--from", "3", "--tenant", "402036", "--source", "jukiki",
                "--outbox", outbox.toString());
        assertThat(resend.exitCode()).as(resend.err()).isZero();
        assertThat(resend.out()).contains("resend of 2 jukiki batch(es) 3..4 requested");

        CliRun run = relay(server.syncPort(), "--sources", "jukiki");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("resending 2 kept jukiki batch(es) from 3")
                .contains("resent jukiki 3 (jukiki-000003-delta): 200 already-applied")
                .contains("resent jukiki 4 (jukiki-000004-delta): 200 already-applied");
        assertThat(applied(SourceSystem.JUKIKI)).hasValue(4);
        assertThat(names(outbox.resolve("resend-requests"))).containsExactly("done");
        assertThat(names(outbox.resolve("sent"))).hasSize(4);
    }

    @Test
    void aBatchWhoseFilesDoNotMatchTheManifestIsRejectedLocallyWithAReasonAndNotSent() throws Exception {
        startServer(0);
        outbox("jukiki-000001-full");
        Path residents = outbox.resolve("jukiki-000001-full/residents.csv");
        Files.writeString(residents, Files.readString(residents) + "tampered\n");

        CliRun run = relay(server.syncPort(), "--sources", "jukiki");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(names(outbox.resolve("rejected"))).containsExactly("jukiki-000001-full", "jukiki-000001-full.reason.txt");
        assertThat(Files.readString(outbox.resolve("rejected/jukiki-000001-full.reason.txt")))
                .contains("residents.csv").contains("SHA-256");
        assertThat(applied(SourceSystem.JUKIKI)).isEmpty();
    }

    @Test
    void relayAndResendRefuseBadCommandLinesInOneLine() {
        CliRun http = CliRun.run("relay", "--outbox", dir.toString(), "--server", "http://localhost:1", "--key-file", "k");
        assertThat(http.exitCode()).isEqualTo(2);
        assertThat(http.err()).contains("must be an https:// URL");
        assertThat(http.errLines()).isEqualTo(1);
        CliRun missing = CliRun.run("sync", "resend", "--from", "3");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).isEqualTo(1);
    }

    @Test
    void theWatchingRelayForwardsABatchDroppedWhileItRunsAndSendsAHeartbeatEveryInterval() throws Exception {
        startServer(0);
        outbox();
        Path cred = town.resolve("sync");
        SyncClient client = new SyncClient(URI.create("https://localhost:" + server.syncPort()),
                SyncKey.readOne(cred.resolve(SyncCredentials.relayKey(TENANT))),
                Optional.of(cred.resolve(SyncCredentials.SERVER_CERT)), clock, Duration.ofSeconds(10));
        java.io.StringWriter out = new java.io.StringWriter();
        Relay relay = new Relay(new Outbox(outbox), new Relay.Settings(TENANT, java.util.EnumSet.of(SourceSystem.JUKIKI),
                Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMillis(1)), client, new JsonBatchManifestCodec(),
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                relay.run(stop::get);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            SyncStatePort states = kofu.getInstance(SyncStatePort.class);
            await(() -> states.state(TENANT, SourceSystem.JUKIKI).lastHeartbeatAt().isPresent());
            clock.advance(Duration.ofMinutes(1));
            await(() -> states.state(TENANT, SourceSystem.JUKIKI).lastHeartbeatAt().equals(Optional.of(clock.instant())));

            // a vendor writes the batch elsewhere and moves it in whole (or writes manifest.json last)
            Path writing = outbox.resolve(".writing");
            copy(town.resolve("jukiki-000001-full"), writing);
            Files.move(writing, outbox.resolve("jukiki-000001-full"));
            await(() -> applied(SourceSystem.JUKIKI).isPresent());
            assertThat(applied(SourceSystem.JUKIKI)).hasValue(1);
            await(() -> Files.isDirectory(outbox.resolve("sent/jukiki-000001-full")));
            assertThat(out.toString()).contains("forwarded jukiki 1 (jukiki-000001-full): 201 applied");
        } finally {
            stop.set(true);
            running.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aBatchTheServerQuarantinesIsMovedToRejectedWithTheServersProblemsAndTheStreamIsAbnormal() throws Exception {
        startServer(0);
        outbox("jukiki-000001-full", "jukiki-000002-delta");
        // a well-formed batch (checksums right) whose content is wrong: only the server can tell
        Path batch = outbox.resolve("jukiki-000002-delta");
        Path residents = batch.resolve("residents.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(residents));
        lines.set(1, lines.get(1).replaceFirst("\\d{4}-\\d{2}-\\d{2}", "2021-13-45"));
        Files.write(residents, lines);
        JsonBatchManifestCodec codec = new JsonBatchManifestCodec();
        jp.kofu.core.sync.domain.BatchManifest m = codec.read(batch);
        String digest = sha256(residents);
        codec.write(batch, new jp.kofu.core.sync.domain.BatchManifest(m.tenant(), m.source(), m.sequence(), m.kind(),
                m.createdAt(), m.files().stream().map(f -> f.name().equals("residents.csv")
                        ? new jp.kofu.core.sync.domain.BatchFile(f.name(), f.entity(), f.records(), digest)
                        : f).toList()));

        CliRun run = relay(server.syncPort(), "--sources", "jukiki");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("jukiki 2 (jukiki-000002-delta) refused by the server (422 quarantined)");
        assertThat(Files.readString(outbox.resolve("rejected/jukiki-000002-delta.reason.txt")))
                .contains("HTTP 422 quarantined").contains("residents.csv:2:birth_date");
        assertThat(applied(SourceSystem.JUKIKI)).hasValue(1);
        assertThat(status()).contains("\"state\":\"abnormal\"").contains("batch 2 quarantined");
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - until).as("condition not met within 20 s").isNegative();
            Thread.sleep(50);
        }
    }
}
