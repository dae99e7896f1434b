/**
 * The sync endpoint (異動データ受信口) of the issuance server and what the city-hall relay (連携用サーバ) shares
 * with it: per-tenant keys and request signatures, the batch archive format, the status document and the
 * test credentials. See {@code docs/sync-interface.md}.
 */
package jp.kofu.server.sync;
