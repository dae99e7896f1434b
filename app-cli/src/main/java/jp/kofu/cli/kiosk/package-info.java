/**
 * The kiosk simulator (キオスク端末シミュレータ) of {@code kofu kiosk} and {@code kofu bench issue}: an HTTP client
 * of the J-LIS interface holding test cards, and the load generator with its misissuance oracle.
 */
package jp.kofu.cli.kiosk;
