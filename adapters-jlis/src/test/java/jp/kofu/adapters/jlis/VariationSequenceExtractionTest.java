package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Certificates.aJuminhyo;
import static jp.kofu.adapters.jlis.Certificates.aMember;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * The text a certificate extracts to is the printed text's code points: variation selectors after their
 * base (default and non-default sequences alike), characters beyond the BMP as themselves, and 〓 (U+3013)
 * for a character only an MJ id names — the documented {@code PrintedChar.toUnicode()}.
 */
class VariationSequenceExtractionTest {

    private final PdfCertificateRenderer renderer = PdfCertificateRenderer.withBundledFont();

    private String extracted(PrintedText name) throws IOException {
        byte[] pdf = renderer.render(aJuminhyo(aMember(name).build()), RenderOptions.plain());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aNameOfVariationSequencesExtractsToExactlyTheInputCodePoints() throws IOException {
        MjRepertoire mj = MjRepertoire.shared();
        PrintedText name = PrintedText.of(List.of(
                mj.printedChar(MjId.parse("MJ026201")).orElseThrow(), // 邊 + U+E010E
                mj.printedChar(MjId.parse("MJ025761")).orElseThrow(), // a 辻 of the Moji_Joho collection
                new PrintedChar.VariationSequence(0x845B, 0xE0102),    // 葛, its own glyph
                new PrintedChar.VariationSequence(0x845B, 0xE0103),    // 葛, a default sequence: the base glyph
                PrintedChar.Ucs.of('　'),
                mj.printedChar(MjId.parse("MJ028902")).orElseThrow(),
                PrintedChar.Ucs.of(0x20BB7)));
        String input = name.toUnicode();

        String text = extracted(name);

        assertThat(input.codePoints().filter(cp -> cp >= 0xE0100).count()).isGreaterThanOrEqualTo(3);
        assertThat(text).contains(input);
        int at = text.indexOf(input);
        assertThat(text.substring(at, at + input.length()).codePoints().toArray()).isEqualTo(input.codePoints().toArray());
    }

    @Test
    void anMjOnlyCharacterExtractsAsGeta() throws IOException {
        PrintedText name = PrintedText.parse("{MJ037229}子");

        assertThat(extracted(name)).contains("〓子");
    }
}
