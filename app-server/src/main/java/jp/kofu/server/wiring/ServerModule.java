package jp.kofu.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

import jp.kofu.adapters.jlis.jpki.JpkiSettings;
import jp.kofu.adapters.persistence.Database;
import jp.kofu.adapters.jlis.signing.SigningSettings;
import jp.kofu.core.issuance.domain.KioskPolicy;

/**
 * The server's own objects: configuration, the Prometheus metrics registry, and the kiosk interface's
 * settings (the pinned JPKI anchors override the adapter's fail-closed default), and the signing keys and
 * anchors of the configuration.
 */
final class ServerModule extends AbstractModule {

    private final KofuConfig config;

    ServerModule(KofuConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(KofuConfig.class).toInstance(config);
        bind(KioskConfig.class).toInstance(config.kiosk());
        bind(SyncConfig.class).toInstance(config.sync());
        bind(KioskPolicy.class).toInstance(config.kiosk().policy());
        // read when the graph is built, so a missing or bad anchor file stops the server at start
        OptionalBinder.newOptionalBinder(binder(), JpkiSettings.class).setBinding().toInstance(
                JpkiSettings.fromFiles(config.kiosk().trustAnchors(), config.kiosk().crls(), config.kiosk().crlMaxAge()));
        // the tenants' signing keys, read (and their passwords cleared) once when the graph is built
        OptionalBinder.newOptionalBinder(binder(), SigningSettings.class).setBinding().toInstance(config.signing().load());
    }

    /** A kiosk call's store calls share one connection of the pool. */
    @Provides
    @Singleton
    CallScope callScope(Database database) {
        return database::onOneConnection;
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry meterRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "kofu");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }
}
