package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Injector;

import jp.kofu.core.certificate.domain.CertificateContent.Member;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;

class JlisModuleTest {

    private final Injector injector = Guice.createInjector(new JlisModule());

    @Test
    void bindsBothPortsAsSingletonsOverTheSharedFont() {
        assertThat(injector.getInstance(CertificateRendererPort.class))
                .isInstanceOf(PdfCertificateRenderer.class)
                .isSameAs(injector.getInstance(CertificateRendererPort.class));
        assertThat(injector.getInstance(GlyphResolutionPort.class))
                .isInstanceOf(IpamjGlyphResolver.class)
                .isSameAs(injector.getInstance(GlyphResolutionPort.class));
        assertThat(injector.getInstance(IpamjFont.class)).isSameAs(IpamjFont.shared());
    }

    @Test
    void theBoundPortsResolveAndRender() {
        GlyphResolutionPort glyphs = injector.getInstance(GlyphResolutionPort.class);
        CertificateRendererPort renderer = injector.getInstance(CertificateRendererPort.class);

        assertThat(glyphs.resolve(new PrintedChar.VariationSequence(0x845B, 0xE0102)))
                .map(GlyphResolutionPort.Glyph::glyphId).contains(23477);
        byte[] pdf = renderer.render(Certificates.aJuminhyo(Certificates.household(1).toArray(new Member[0])),
                RenderOptions.plain());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
