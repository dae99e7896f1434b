package jp.kofu.adapters.tax;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import jp.kofu.core.sync.port.out.BatchReaderPort;

/**
 * Guice module of the tax system adapter (税システム連携): contributes the kofu CSV layout reader to the set
 * of {@link BatchReaderPort}s. The reader is bound with an empty correspondence table (対照表) until
 * per-tenant tables are wired in.
 */
public final class TaxModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), BatchReaderPort.class).addBinding().to(TaxCsvReader.class);
    }
}
