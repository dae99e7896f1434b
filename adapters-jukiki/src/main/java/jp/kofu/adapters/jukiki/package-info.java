/**
 * The resident-record system adapter (住民記録システム連携): reads and writes the kofu CSV layout of
 * {@code docs/formats/} for residents, households, seal registrations and their images, suppression flags and
 * cardholders.
 *
 * <p>Public API: {@link jp.kofu.adapters.jukiki.JukikiCsvReader} (a {@code BatchReaderPort}),
 * {@link jp.kofu.adapters.jukiki.JukikiCsvWriter}, {@link jp.kofu.adapters.jukiki.JukikiLayout} (entity and
 * file names) and {@link jp.kofu.adapters.jukiki.JukikiModule}. The package-private CSV helpers
 * ({@code CsvInput}, {@code Cells}, {@code TextCodec}, {@code CsvOutput}, {@code Problems}, …) have a twin in
 * {@code jp.kofu.adapters.tax}, since adapters may not depend on each other: change both together.
 */
package jp.kofu.adapters.jukiki;
