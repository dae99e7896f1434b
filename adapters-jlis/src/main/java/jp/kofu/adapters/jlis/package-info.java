/**
 * The J-LIS side adapter (J-LIS連携アダプタ): what the kiosk receives from kofu.
 *
 * <p>Today: the certificate PDF renderer ({@link jp.kofu.adapters.jlis.PdfCertificateRenderer}) and glyph
 * resolution in the bundled IPAmj Mincho font ({@link jp.kofu.adapters.jlis.IpamjGlyphResolver} over
 * {@link jp.kofu.adapters.jlis.IpamjFont}), bound by {@link jp.kofu.adapters.jlis.JlisModule}. Everything
 * else in the package is package-private: the font table readers PDFBox lacks (cmap format 14, post names
 * beyond index 32,767), the per-document font subset with its own CIDs and ToUnicode CMap, the content
 * stream writer and the three forms.
 */
package jp.kofu.adapters.jlis;
