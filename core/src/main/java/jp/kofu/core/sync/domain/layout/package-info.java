/**
 * The model of kofu's interchange record layouts (連携ファイルレイアウト): what the source systems' data files
 * hold, independent of how a file is tokenized.
 *
 * <p>A {@link jp.kofu.core.sync.domain.layout.Layout} names a file's columns (required, optional, the row's
 * operation). An adapter supplies only the tokenizing — a {@link jp.kofu.core.sync.domain.layout.RowSource}
 * yielding rows of cell strings with their physical line numbers (CSV today, fixed-length Shift_JIS
 * records next) and a {@link jp.kofu.core.sync.domain.layout.RowSink} writing them back. Everything else is
 * here, so that every layout reports the same problems in the same words:
 * <ul>
 *   <li>{@link jp.kofu.core.sync.domain.layout.LayoutReader} maps the header to the layout (unknown,
 *       repeated and missing required columns), checks every row's field count, reports empty lines and
 *       hands each row to the adapter's {@link jp.kofu.core.sync.domain.layout.RowParser};</li>
 *   <li>{@link jp.kofu.core.sync.domain.layout.Cells} parses the cells of a row into typed values — keys,
 *       printed text through the tenant's {@code VendorTextConverter}, plain strings, dates, integers,
 *       decimals, flags, codes of a {@link jp.kofu.core.sync.domain.layout.CodeTable} — reporting each bad
 *       cell as {@code file:line:column reason} without quoting personal data;</li>
 *   <li>{@link jp.kofu.core.sync.domain.layout.Parsed} collects one file's records with their lines,
 *       checks key uniqueness and answers references from other files;
 *       {@link jp.kofu.core.sync.domain.layout.Problems} caps the problems of a batch at 200;</li>
 *   <li>{@link jp.kofu.core.sync.domain.layout.TextFile} opens a file for strict decoding and locates an
 *       undecodable byte by line;</li>
 *   <li>{@link jp.kofu.core.sync.domain.layout.FixedLayout} is a declarative fixed-length record definition
 *       (固定長レコード定義: fields with offset, length, type and code map, read from a small text file), and
 *       {@link jp.kofu.core.sync.domain.layout.FixedRecordSource} and
 *       {@link jp.kofu.core.sync.domain.layout.FixedRecordSink} the one codec for every such layout:
 *       windows-31j records ended by CRLF, user-defined-area 外字 as {@code SJIS:XXXX} vendor codes, each
 *       field turned into the cell the CSV layout would hold, so the same {@code Cells} checks both;</li>
 *   <li>{@link jp.kofu.core.sync.domain.layout.LayoutWriter} and
 *       {@link jp.kofu.core.sync.domain.layout.Representable} are the writer's side: the written columns,
 *       the SHA-256 for the manifest, and a refusal of any value the reader would refuse.</li>
 * </ul>
 *
 * <p>The reading path runs for every cell of a 300,000-resident town: it uses no regular expression, throws
 * no exception on well-formed input, and shares instances of repeated values (days, household texts,
 * vocabulary) and allocates nothing per row beyond what the tokenizer and the records need.
 */
package jp.kofu.core.sync.domain.layout;
