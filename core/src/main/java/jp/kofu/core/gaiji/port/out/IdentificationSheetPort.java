package jp.kofu.core.gaiji.port.out;

import jp.kofu.core.gaiji.domain.IdentificationSheet;

/**
 * Renders the 文字同定 review sheet (文字同定確認票) as a PDF, each identified character in its exact glyph.
 * Like certificate rendering, a character without an exact glyph fails the rendering; it never prints a
 * substitute.
 */
public interface IdentificationSheetPort {

    /**
     * Renders the sheet.
     *
     * @return the PDF bytes
     * @throws jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException when a character
     *     has no exact glyph or the PDF cannot be produced
     */
    byte[] render(IdentificationSheet sheet);
}
