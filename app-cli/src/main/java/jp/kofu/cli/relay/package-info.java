/**
 * The city-hall relay (連携用サーバ) behind {@code kofu relay} and {@code kofu sync resend}: the outbox folder
 * the vendor systems write into, its validation, forwarding with retries, kept batches and resend requests.
 */
package jp.kofu.cli.relay;
