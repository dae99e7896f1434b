/**
 * The {@code kofu gaiji} subcommands (文字同定): {@code scan}, {@code propose}, {@code apply}, {@code sheet}
 * and {@code preview}, and the CSV files they read and write — the vendor's code table
 * ({@link jp.kofu.cli.gaiji.VendorCodeTableCsv}) and the correspondence table
 * ({@link jp.kofu.cli.gaiji.CorrespondenceCsv}), documented in {@code docs/formats/correspondence-table.md}.
 * The subcommands get their environment from their parent command ({@link jp.kofu.cli.gaiji.GaijiEnvironment}),
 * so this package does not depend on {@code jp.kofu.cli}.
 */
package jp.kofu.cli.gaiji;
