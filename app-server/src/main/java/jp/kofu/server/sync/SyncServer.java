package jp.kofu.server.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;

import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.in.MonitorSyncUseCase;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.wiring.SyncConfig;

/**
 * The sync endpoint (異動データ受信口) of the issuance server: an HTTPS listener of its own (the city hall's
 * relay reaches it through the firewall; the J-LIS side never does) with
 * <ul>
 *   <li>{@code POST /sync/v1/batches} — one batch as a zip, signed with the tenant's key;</li>
 *   <li>{@code POST /sync/v1/heartbeat} — the relay's heartbeat (ハートビート), signed;</li>
 *   <li>{@code GET /sync/v1/status} — the monitoring document (also on the main HTTP port).</li>
 * </ul>
 * It also runs the periodic check of the streams (連携監視) that raises and clears alarms, whether or not the
 * endpoint is configured. See {@code docs/sync-interface.md}.
 */
public final class SyncServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The upload path. */
    public static final String BATCHES = "/sync/v1/batches";
    /** The heartbeat path. */
    public static final String HEARTBEAT = "/sync/v1/heartbeat";
    /** The status path. */
    public static final String STATUS = "/sync/v1/status";

    private final SyncConfig config;
    private final SyncReceiver receiver;
    private final MonitorSyncUseCase monitor;
    private final Clock clock;
    private Map<LocalGovernmentCode, SyncKey> keys = Map.of();
    private Javalin app;
    private ServerConnector connector;
    private ScheduledExecutorService checker;

    @Inject
    public SyncServer(SyncConfig config, SyncReceiver receiver, MonitorSyncUseCase monitor, Clock clock) {
        this.config = config;
        this.receiver = receiver;
        this.monitor = monitor;
        this.clock = clock;
    }

    /**
     * Starts the periodic check and, when configured, the HTTPS listener.
     *
     * @return the bound HTTPS port, or -1 when the endpoint is off
     */
    public synchronized int start() {
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kofu-sync-monitor");
            t.setDaemon(true);
            return t;
        });
        long every = config.checkInterval().toMillis();
        checker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
        if (!config.endpointEnabled()) {
            return -1;
        }
        try {
            keys = SyncKey.readAll(config.keys().orElseThrow());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the sync key file " + config.keys().get() + ": " + e.getMessage());
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.keystore().orElseThrow().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(config.keystorePassword());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = false;
            cfg.jetty.addConnector((server, httpConfig) -> {
                HttpConfiguration https = new HttpConfiguration(httpConfig);
                https.addCustomizer(new SecureRequestCustomizer(false));
                ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(https));
                c.setPort(config.port());
                connector = c;
                return c;
            });
        });
        app.post(BATCHES, this::upload);
        app.post(HEARTBEAT, this::heartbeat);
        registerStatus(app);
        app.start();
        return connector.getLocalPort();
    }

    /** Adds {@code GET /sync/v1/status} to an app (the main HTTP server shows it too). */
    public void registerStatus(Javalin target) {
        target.get(STATUS, ctx -> ctx.json(SyncStatusJson.document(monitor.status(config.policy()), config.policy(),
                clock.instant())));
    }

    /** Runs one check now (the scheduler calls it every interval). */
    public void check() {
        try {
            monitor.check(config.policy());
        } catch (RuntimeException e) {
            LOG.error("sync monitoring check failed: {}", e.toString());
        }
    }

    private void upload(Context ctx) throws IOException {
        LocalGovernmentCode tenant = authenticate(ctx);
        if (tenant == null) {
            return;
        }
        Path archive = receiver.newArchive();
        String digest;
        try (InputStream in = ctx.req().getInputStream();
             DigestInputStream digesting = new DigestInputStream(in, sha256());
             OutputStream out = Files.newOutputStream(archive)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n = digesting.read(buffer); n > 0; n = digesting.read(buffer)) {
                total += n;
                if (total > config.maxBatchBytes()) {
                    out.close();
                    Files.deleteIfExists(archive);
                    answer(ctx, SyncReceiver.error(413, "too-large", "the upload exceeds " + config.maxBatchBytes() + " bytes"));
                    return;
                }
                out.write(buffer, 0, n);
            }
            digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        }
        if (!digest.equals(ctx.header(SyncSignature.CONTENT_SHA256))) {
            Files.deleteIfExists(archive);
            answer(ctx, SyncReceiver.error(401, "body-digest-mismatch",
                    "the body's SHA-256 differs from the signed " + SyncSignature.CONTENT_SHA256 + "; nothing stored"));
            return;
        }
        SyncReceiver.Result result = receiver.receive(tenant, archive);
        LOG.info("sync upload tenant {}: {} {}", tenant, result.status(), result.body().get("message"));
        answer(ctx, result);
    }

    private void heartbeat(Context ctx) throws IOException {
        LocalGovernmentCode tenant = authenticate(ctx);
        if (tenant == null) {
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (!SyncSignature.sha256Hex(body).equals(ctx.header(SyncSignature.CONTENT_SHA256))) {
            answer(ctx, SyncReceiver.error(401, "body-digest-mismatch", "the body's SHA-256 differs from the signed one"));
            return;
        }
        Set<SourceSystem> sources = EnumSet.noneOf(SourceSystem.class);
        try {
            JsonNode doc = JSON.readTree(body);
            JsonNode list = doc == null ? null : doc.get("sources");
            if (list == null || !list.isArray()) {
                sources.addAll(List.of(SourceSystem.values()));
            } else {
                for (JsonNode s : list) {
                    sources.add(SourceSystem.fromWireName(s.asText()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            answer(ctx, SyncReceiver.error(400, "bad-heartbeat", "a heartbeat is {\"sources\": [\"jukiki\", \"tax\"]}: "
                    + e.getMessage()));
            return;
        }
        monitor.heartbeat(tenant, sources);
        answer(ctx, new SyncReceiver.Result(200, Map.of("status", "ok", "serverTime", clock.instant().toString(),
                "sources", sources.stream().map(SourceSystem::wireName).toList())));
    }

    /** Checks the signature headers; answers 401 and returns null when they fail. */
    private LocalGovernmentCode authenticate(Context ctx) {
        String tenantHeader = ctx.header(SyncSignature.TENANT);
        String timestamp = ctx.header(SyncSignature.TIMESTAMP);
        String digest = ctx.header(SyncSignature.CONTENT_SHA256);
        String signature = ctx.header(SyncSignature.SIGNATURE);
        if (tenantHeader == null || timestamp == null || digest == null || signature == null) {
            answer(ctx, SyncReceiver.error(401, "missing-credentials", "a sync request carries " + SyncSignature.TENANT
                    + ", " + SyncSignature.TIMESTAMP + ", " + SyncSignature.CONTENT_SHA256 + " and "
                    + SyncSignature.SIGNATURE));
            return null;
        }
        LocalGovernmentCode tenant;
        try {
            tenant = LocalGovernmentCode.parse(tenantHeader);
        } catch (IllegalArgumentException e) {
            answer(ctx, SyncReceiver.error(401, "unknown-tenant", "no key for tenant '" + tenantHeader + "'"));
            return null;
        }
        SyncKey key = keys.get(tenant);
        if (key == null) {
            answer(ctx, SyncReceiver.error(401, "unknown-tenant", "no key for tenant " + tenant));
            return null;
        }
        long at;
        try {
            at = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            answer(ctx, SyncReceiver.error(401, "bad-timestamp", SyncSignature.TIMESTAMP + " is seconds since the epoch"));
            return null;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - at);
        if (skew > SyncSignature.WINDOW_SECONDS) {
            answer(ctx, SyncReceiver.error(401, "stale-timestamp", "the request was signed " + skew
                    + " s away from the server's clock (window " + SyncSignature.WINDOW_SECONDS + " s)"));
            return null;
        }
        String canonical = SyncSignature.canonical(ctx.method().name(), ctx.path(), tenant.value(), at, digest);
        if (!SyncSignature.matches(key, canonical, signature)) {
            LOG.warn("sync request for tenant {} refused: bad signature", tenant);
            answer(ctx, SyncReceiver.error(401, "bad-signature", "the signature does not match tenant " + tenant
                    + "'s key; nothing stored"));
            return null;
        }
        return tenant;
    }

    private static void answer(Context ctx, SyncReceiver.Result result) {
        ctx.status(result.status()).json(result.body());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
