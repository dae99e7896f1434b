package jp.kofu.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.server.jlis.JlisInterface;
import jp.kofu.server.jlis.KioskSweeper;
import jp.kofu.server.sync.SyncServer;
import jp.kofu.server.wiring.KofuConfig;

/**
 * The issuance server (証明発行サーバ) started by {@code kofu server}: an HTTP server with {@code /health},
 * a Prometheus {@code /metrics}, the kiosk interface under {@code /jlis/v1} with its sweeper, the sync status
 * {@code /sync/v1/status}, and the sync endpoint on its own HTTPS port ({@link SyncServer}) with the periodic
 * sync check. The operations console is added as its issue lands.
 */
public final class KofuServer implements AutoCloseable {

    private final KofuConfig config;
    private final TenantSettingsPort tenants;
    private final PrometheusMeterRegistry metrics;
    private final JlisInterface jlis;
    private final KioskSweeper sweeper;
    private final SyncServer sync;
    private Javalin app;
    private int syncPort = -1;

    @Inject
    public KofuServer(KofuConfig config, TenantSettingsPort tenants, PrometheusMeterRegistry metrics,
                      JlisInterface jlis, KioskSweeper sweeper, SyncServer sync) {
        this.config = config;
        this.tenants = tenants;
        this.metrics = metrics;
        this.jlis = jlis;
        this.sweeper = sweeper;
        this.sync = sync;
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start() {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = false;
        });
        app.get("/health", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            try {
                int count = tenants.all().size();
                body.put("status", "UP");
                body.put("database", "UP");
                body.put("tenants", count);
                ctx.json(body);
            } catch (RuntimeException e) {
                body.put("status", "DOWN");
                body.put("database", "DOWN");
                body.put("reason", e.getClass().getSimpleName());
                ctx.status(503).json(body);
            }
        });
        app.get("/metrics", ctx -> ctx.contentType(ContentType.PLAIN).result(metrics.scrape()));
        jlis.register(app);
        sync.registerStatus(app);
        app.after(ctx -> metrics.counter("kofu_http_requests", "path", ctx.endpointHandlerPath(),
                "status", Integer.toString(ctx.statusCode())).increment());
        app.start(config.port());
        sweeper.start();
        syncPort = sync.start();
        return app.port();
    }

    /** The bound HTTPS port of the sync endpoint, -1 when it is off or not started. */
    public int syncPort() {
        return syncPort;
    }

    @Override
    public void close() {
        sweeper.close();
        sync.close();
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
