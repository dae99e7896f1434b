package jp.kofu.server.wiring;

import java.time.Clock;

import com.google.inject.Guice;
import com.google.inject.Injector;

import jp.kofu.adapters.jlis.JlisModule;
import jp.kofu.adapters.jukiki.JukikiModule;
import jp.kofu.adapters.persistence.PersistenceModule;
import jp.kofu.adapters.tax.TaxModule;

/**
 * The composition root (組立て): installs core's bindings and one Guice module per adapter. Both apps
 * (server and command line) build their object graph here, so they run the same wiring.
 */
public final class Kofu {

    private Kofu() {
    }

    /** The object graph for the configuration, with the system clock. */
    public static Injector injector(KofuConfig config) {
        return injector(config, Clock.systemUTC());
    }

    public static Injector injector(KofuConfig config, Clock clock) {
        return Guice.createInjector(
                new CoreModule(clock),
                new PersistenceModule(config.jdbcUrl()),
                new JukikiModule(),
                new TaxModule(),
                new JlisModule(),
                new ServerModule(config));
    }
}
