package jp.kofu.core.certificate.port.out;

import jp.kofu.core.certificate.domain.CertificateContent;

/**
 * Renders a certificate's content as the PDF the kiosk prints (証明書PDFの作成): front side only, with the
 * 公印, exact glyphs and the tenant's form.
 *
 * <p>Implementations are stateless per call (no shared mutable state between concurrent renders) and
 * deterministic: the same content gives the same bytes.
 */
public interface CertificateRendererPort {

    /**
     * Renders the content.
     *
     * @param content what to print
     * @param options how to print it
     * @return the PDF bytes
     * @throws RenderingException when a character has no exact glyph or the PDF cannot be produced
     */
    byte[] render(CertificateContent content, RenderOptions options);

    /**
     * Rendering options.
     *
     * @param watermark a word printed across every page (e.g. テスト, 確認用), or empty for none
     * @param tenant the 地方公共団体コード whose forms (様式) to use, or empty for the default forms
     */
    record RenderOptions(String watermark, String tenant) {
        public RenderOptions {
            watermark = watermark == null ? "" : watermark;
            tenant = tenant == null ? "" : tenant;
        }

        /** The default forms with that watermark. */
        public RenderOptions(String watermark) {
            this(watermark, "");
        }

        public static RenderOptions plain() {
            return new RenderOptions("", "");
        }

        /** These options with the tenant's forms. */
        public RenderOptions forTenant(String tenantCode) {
            return new RenderOptions(watermark, tenantCode);
        }
    }

    /** A certificate could not be rendered; never returned as a half-drawn PDF. */
    class RenderingException extends RuntimeException {
        public RenderingException(String message) {
            super(message);
        }

        public RenderingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
