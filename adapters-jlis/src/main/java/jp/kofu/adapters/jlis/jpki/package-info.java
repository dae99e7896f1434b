/**
 * JPKI verification (公的個人認証の検証) for the kiosk flow: {@link jp.kofu.adapters.jlis.jpki.JpkiVerifier}
 * implements core's {@code CardAuthenticationPort} over the pinned trust anchors and CRLs of
 * {@link jp.kofu.adapters.jlis.jpki.JpkiSettings}; {@link jp.kofu.adapters.jlis.jpki.TestPki} makes a JPKI-like
 * test CA, test cards and CRLs for tests, {@code kofu generate} and {@code kofu bench}.
 */
package jp.kofu.adapters.jlis.jpki;
