package jp.kofu.adapters.jlis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;

/**
 * The Guice module of the J-LIS side adapter (J-LIS連携アダプタ): binds certificate rendering
 * ({@link CertificateRendererPort}) and glyph resolution ({@link GlyphResolutionPort}) to the PDFBox
 * renderer and the IPAmj Mincho resolver, as singletons over one font parsed once per process.
 */
public final class JlisModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(GlyphResolutionPort.class).to(IpamjGlyphResolver.class);
        bind(IpamjGlyphResolver.class).in(Singleton.class);
        bind(CertificateRendererPort.class).to(PdfCertificateRenderer.class);
        bind(PdfCertificateRenderer.class).in(Singleton.class);
    }

    /** The process-wide font; parsing it takes about a second, on first use. */
    @Provides
    @Singleton
    IpamjFont font() {
        return IpamjFont.shared();
    }
}
