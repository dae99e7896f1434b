/**
 * Electronic signatures of certificate PDFs (証明書PDFの電子署名): PAdES baseline B-B signing and inspection with
 * PDFBox and BouncyCastle ({@link jp.kofu.adapters.jlis.signing.PadesDocumentSigning}), tenants' keys read from
 * PKCS#12 keystores ({@link jp.kofu.adapters.jlis.signing.SigningKey}), the trust configuration
 * ({@link jp.kofu.adapters.jlis.signing.SigningSettings}), and test keys
 * ({@link jp.kofu.adapters.jlis.signing.TestSigningKeys}). See {@code docs/signing.md}.
 */
package jp.kofu.adapters.jlis.signing;
