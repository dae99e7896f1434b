package jp.kofu.server.sync;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import jp.kofu.core.operations.port.out.AlarmPort;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.MonitoringPolicy;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.testing.MutableClock;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.server.http.KofuServer;
import jp.kofu.server.json.JsonBatchManifestCodec;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;
import jp.kofu.server.wiring.SyncConfig;

/** The sync endpoint over a real TLS socket: authentication, pinning, heartbeats, status and silence alarms. */
class SyncServerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private Injector kofu;
    private KofuServer server;
    private URI base;
    private int httpPort;
    private Path credentials;

    @BeforeEach
    void start() throws Exception {
        credentials = dir.resolve("cred");
        SyncCredentials.write(credentials, List.of(KURUME), List.of(), T0, new SecureRandom());
        SyncConfig sync = new SyncConfig(Optional.of(credentials.resolve(SyncCredentials.KEYSTORE)),
                Files.readString(credentials.resolve(SyncCredentials.KEYSTORE_PASSWORD)).strip(), 0,
                Optional.of(credentials.resolve(SyncCredentials.SERVER_KEYS)), dir.resolve("data"),
                MonitoringPolicy.DEFAULT, Duration.ofHours(1), 1 << 20);
        kofu = Kofu.injector(new KofuConfig("jdbc:h2:file:" + dir.resolve("db/kofu"), 0, null, sync), clock);
        kofu.getInstance(TenantSettingsPort.class).save(TenantSettings.kurume());
        server = kofu.getInstance(KofuServer.class);
        httpPort = server.start();
        base = URI.create("https://localhost:" + server.syncPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SyncClient client(Path keyFile, Clock signingClock) throws Exception {
        return new SyncClient(base, SyncKey.readOne(keyFile), Optional.of(credentials.resolve(SyncCredentials.SERVER_CERT)),
                signingClock, Duration.ofSeconds(10));
    }

    private Path keyFile(String name, jp.kofu.core.tenant.domain.LocalGovernmentCode tenant) throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path file = dir.resolve(name);
        Files.writeString(file, new SyncKey(tenant, secret).line() + "\n");
        return file;
    }

    private Path batchOf(jp.kofu.core.tenant.domain.LocalGovernmentCode tenant) throws Exception {
        Path batch = Files.createDirectories(dir.resolve("batch-" + tenant.value()));
        new JsonBatchManifestCodec().write(batch, new BatchManifest(tenant, SourceSystem.JUKIKI, 2, BatchKind.DELTA, T0,
                List.of()));
        return batch;
    }

    private long stored() throws Exception {
        Path batches = dir.resolve("data/batches");
        if (!Files.exists(batches)) {
            return 0;
        }
        try (var walk = Files.walk(batches)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aHeartbeatWithTheTenantsKeyIsRecordedAndShownInTheStatusOnBothPorts() throws Exception {
        SyncClient.Response beat = client(credentials.resolve(SyncCredentials.relayKey(KURUME)), clock)
                .heartbeat(EnumSet.of(SourceSystem.JUKIKI));
        assertThat(beat.status()).as(beat.body().toString()).isEqualTo(200);

        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + SyncServer.STATUS)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"tenant\":\"402036\"").contains("\"source\":\"jukiki\"")
                .contains("\"lastHeartbeatAt\":\"" + T0 + "\"").contains("\"state\":\"normal\"");
    }

    @Test
    void aWrongKeyAnUnknownTenantAndAStaleTimestampAreRefusedWith401AndNothingIsStored() throws Exception {
        SyncClient.Response wrong = client(keyFile("wrong.key", KURUME), clock).upload(batchOf(KURUME));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("bad-signature");

        SyncClient.Response unknown = client(keyFile("chiyoda.key", CHIYODA), clock).heartbeat(EnumSet.of(SourceSystem.TAX));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("unknown-tenant");

        Clock late = Clock.fixed(T0.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        SyncClient.Response stale = client(credentials.resolve(SyncCredentials.relayKey(KURUME)), late)
                .heartbeat(EnumSet.of(SourceSystem.JUKIKI));
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.code()).isEqualTo("stale-timestamp");

        assertThat(stored()).isZero();
        assertThat(kofu.getInstance(jp.kofu.core.sync.port.out.SyncStatePort.class).all()).isEmpty();
    }

    @Test
    void aBatchOfAnotherTenantSignedWithThisTenantsKeyIsRefusedWith403AndNotStored() throws Exception {
        SyncClient.Response response = client(credentials.resolve(SyncCredentials.relayKey(KURUME)), clock)
                .upload(batchOf(CHIYODA));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("tenant-mismatch");
        assertThat(stored()).isZero();
    }

    @Test
    void aRelayPinningAnotherCertificateRefusesTheServer() throws Exception {
        Path other = dir.resolve("other");
        SyncCredentials.write(other, List.of(KURUME), List.of(), T0, new SecureRandom());
        SyncClient client = new SyncClient(base, SyncKey.readOne(credentials.resolve(SyncCredentials.relayKey(KURUME))),
                Optional.of(other.resolve(SyncCredentials.SERVER_CERT)), clock, Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.heartbeat(EnumSet.of(SourceSystem.JUKIKI))).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void silenceBeyondFiveMinutesPlusGraceRaisesTheAlarmAndAHeartbeatClearsIt() throws Exception {
        SyncClient relay = client(credentials.resolve(SyncCredentials.relayKey(KURUME)), clock);
        relay.heartbeat(EnumSet.of(SourceSystem.JUKIKI));
        AlarmPort alarms = kofu.getInstance(AlarmPort.class);

        clock.advance(Duration.ofMinutes(7));
        kofu.getInstance(SyncServer.class).check();
        assertThat(alarms.active()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        kofu.getInstance(SyncServer.class).check();
        assertThat(alarms.active()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("sync/jukiki/abnormal");
            assertThat(a.what()).contains("no batch or heartbeat for 8m");
        });

        relay.heartbeat(EnumSet.of(SourceSystem.JUKIKI));
        kofu.getInstance(SyncServer.class).check();
        assertThat(alarms.active()).isEmpty();
    }
}
