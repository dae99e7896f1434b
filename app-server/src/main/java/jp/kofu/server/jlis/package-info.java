/**
 * The J-LIS kiosk interface over HTTP (コンビニ交付インタフェース): {@link jp.kofu.server.jlis.JlisInterface}
 * translates JSON calls to the kiosk issuance use case, with idempotent answers per key, and
 * {@link jp.kofu.server.jlis.KioskSweeper} voids prepared issuances without an answer in time.
 */
package jp.kofu.server.jlis;
