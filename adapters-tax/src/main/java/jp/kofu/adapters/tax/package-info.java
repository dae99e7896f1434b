/**
 * The tax system adapter (税システム連携): reads and writes the kofu CSV layout of {@code docs/formats/}
 * for individual inhabitant tax records (個人住民税の課税情報) and their dependants.
 *
 * <p>Public API: {@link jp.kofu.adapters.tax.TaxCsvReader} (a {@code BatchReaderPort}),
 * {@link jp.kofu.adapters.tax.TaxCsvWriter}, {@link jp.kofu.adapters.tax.TaxLayout} (entity and file names)
 * and {@link jp.kofu.adapters.tax.TaxModule}. The package-private CSV helpers ({@code CsvInput}, {@code Cells},
 * {@code TextCodec}, {@code CsvOutput}, {@code Problems}, …) have a twin in {@code jp.kofu.adapters.jukiki},
 * since adapters may not depend on each other: change both together.
 */
package jp.kofu.adapters.tax;
