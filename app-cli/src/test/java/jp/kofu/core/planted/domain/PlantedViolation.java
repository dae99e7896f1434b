package jp.kofu.core.planted.domain;

import com.google.inject.Guice;
import com.google.inject.Injector;

import jp.kofu.adapters.persistence.PersistenceModule;

/**
 * A deliberate violation, for the architecture test only: a "core domain" class that depends on Guice
 * and on an adapter. It lives in test sources so production never contains it.
 */
public final class PlantedViolation {

    private PlantedViolation() {
    }

    static Injector wire() {
        return Guice.createInjector(new PersistenceModule("jdbc:h2:mem:planted"));
    }
}
