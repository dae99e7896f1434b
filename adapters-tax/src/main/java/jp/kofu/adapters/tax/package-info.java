/**
 * The tax system adapter (税システム連携): reads and writes the kofu CSV layout of {@code docs/formats/}
 * for individual inhabitant tax records (個人住民税の課税情報) and their dependants.
 *
 * <p>Public API: {@link jp.kofu.adapters.tax.TaxCsvReader} (a {@code BatchReaderPort}),
 * {@link jp.kofu.adapters.tax.TaxCsvWriter}, {@link jp.kofu.adapters.tax.TaxLayout} (entity and file names)
 * and {@link jp.kofu.adapters.tax.TaxModule}. The columns, cell checks and problem reports are core's layout
 * kit ({@code jp.kofu.core.sync.domain.layout}); this package adds the files' layouts and the commons-csv
 * tokenizing ({@code CsvInput}, {@code CsvOutput}), which has a twin in {@code jp.kofu.adapters.jukiki} since
 * adapters may not depend on each other.
 *
 * <p>The same files also come as fixed-length Shift_JIS records (固定長): the manifest's {@code format} and
 * {@code layout} name a set of record definitions ({@code layouts/<id>/<entity>.layout} beside
 * {@code FixedLayouts}, kofu-fixed-v1 shipped, further ones from the directory {@code KOFU_LAYOUTS} or {@code -Dkofu.layouts} names
 * names), read and written with core's fixed-length codec.
 */
package jp.kofu.adapters.tax;
