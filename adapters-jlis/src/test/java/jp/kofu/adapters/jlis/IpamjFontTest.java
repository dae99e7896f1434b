package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateContent.Member;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;

class IpamjFontTest {

    @Test
    void theBundledFontIsParsedOncePerProcess() {
        assertThat(IpamjFont.shared()).isSameAs(IpamjFont.shared());
    }

    @Test
    void theBundledFontIsIpamjMincho() {
        IpamjFont font = IpamjFont.shared();

        assertThat(font.postScriptName()).isEqualTo("IPAmjMincho");
        assertThat(font.numberOfGlyphs()).isEqualTo(61_179);
        assertThat(font.advance(font.glyphOfCodePoint(0x4F4F))).isEqualTo(1000f);
    }

    @Test
    void theBundledFontShipsWithItsLicence() {
        assertThat(IpamjFont.class.getResource("font/IPA_Font_License_Agreement_v1.0.txt")).isNotNull();
        assertThat(IpamjFont.class.getResource("font/README.md")).isNotNull();
    }

    /**
     * PDFBox's own embedder closes the TrueTypeFont it subsets ({@code TrueTypeEmbedder.subset()}); in 3.0.8
     * that close is a no-op for a parsed font. kofu never hands the shared font to PDFBox's embedder, but if a
     * later PDFBox makes the close real, reusing one parsed font is no longer possible: this test then fails.
     */
    @Test
    void theSharedFontSurvivesPdfBoxSubsettingItSeveralTimes() throws IOException {
        IpamjFont font = IpamjFont.shared();
        PdfCertificateRenderer renderer = new PdfCertificateRenderer(font, new IpamjGlyphResolver(font));
        byte[] before = renderer.render(Certificates.aJuminhyo(Certificates.household(2).toArray(
                new Member[0])), RenderOptions.plain());

        for (int i = 0; i < 3; i++) {
            try (PDDocument document = new PDDocument()) {
                PDPage page = new PDPage();
                document.addPage(page);
                PDType0Font type0 = PDType0Font.load(document, font.trueType(), true);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(type0, 12);
                    content.showText("住民票の写し");
                    content.endText();
                }
                document.save(new ByteArrayOutputStream());
            }
        }

        byte[] after = renderer.render(Certificates.aJuminhyo(Certificates.household(2).toArray(
                new Member[0])), RenderOptions.plain());
        assertThat(after).isEqualTo(before);
    }
}
