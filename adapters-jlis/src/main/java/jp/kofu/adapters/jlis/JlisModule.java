package jp.kofu.adapters.jlis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;

import jp.kofu.adapters.jlis.jpki.JpkiSettings;
import jp.kofu.adapters.jlis.jpki.JpkiVerifier;
import jp.kofu.adapters.jlis.signing.PadesDocumentSigning;
import jp.kofu.adapters.jlis.signing.SigningSettings;

import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;
import jp.kofu.core.gaiji.port.out.IdentificationSheetPort;
import jp.kofu.core.issuance.port.out.CardAuthenticationPort;

/**
 * The Guice module of the J-LIS side adapter (J-LIS連携アダプタ): binds certificate rendering
 * ({@link CertificateRendererPort}) and glyph resolution ({@link GlyphResolutionPort}) to the PDFBox
 * renderer (with the tenants' {@link FormTemplates}) and the IPAmj Mincho resolver, as singletons over one font parsed once per process, and the
 * JPKI card verification ({@link CardAuthenticationPort}) to {@link JpkiVerifier} over the app's {@link JpkiSettings},
 * and certificate signing ({@link DocumentSigningPort}) to {@link PadesDocumentSigning} over the app's
 * {@link SigningSettings} (by default none: no tenant signs and nothing verifies).
 */
public final class JlisModule extends AbstractModule {

    private final FormTemplates forms;

    /**
     * With the forms as configured ({@link FormTemplates#configured()}): read and validated now, so a bad
     * form file stops the start-up rather than an issuance.
     */
    public JlisModule() {
        this(FormTemplates.configured());
    }

    /** With these forms. */
    public JlisModule(FormTemplates forms) {
        this.forms = java.util.Objects.requireNonNull(forms, "forms");
    }

    @Override
    protected void configure() {
        bind(FormTemplates.class).toInstance(forms);
        bind(GlyphResolutionPort.class).to(IpamjGlyphResolver.class);
        bind(IpamjGlyphResolver.class).in(Singleton.class);
        bind(CertificateRendererPort.class).to(PdfCertificateRenderer.class);
        bind(PdfCertificateRenderer.class).in(Singleton.class);
        bind(IdentificationSheetPort.class).to(GaijiSheetRenderer.class);
        bind(GaijiSheetRenderer.class).in(Singleton.class);
        // JPKI verification: the app pins its trust anchors with OptionalBinder.setBinding(); without that
        // no anchor is trusted and every card is refused (fail closed)
        OptionalBinder.newOptionalBinder(binder(), JpkiSettings.class).setDefault().toInstance(JpkiSettings.none());
        bind(CardAuthenticationPort.class).to(JpkiVerifier.class);
        bind(JpkiVerifier.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), SigningSettings.class).setDefault().toInstance(SigningSettings.none());
        bind(DocumentSigningPort.class).to(PadesDocumentSigning.class);
        bind(PadesDocumentSigning.class).in(Singleton.class);
    }

    /** The process-wide font; parsing it takes about a second, on first use. */
    @Provides
    @Singleton
    IpamjFont font() {
        return IpamjFont.shared();
    }
}
