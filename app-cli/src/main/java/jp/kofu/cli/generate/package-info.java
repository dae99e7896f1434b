/**
 * The synthetic town generator (合成住民データ): {@link jp.kofu.cli.generate.SyntheticTownGenerator} builds a
 * deterministic, Kurume-like municipality — residents and households, seal registrations with their
 * impressions, suppression flags, My Number card links and tax records — and
 * {@link jp.kofu.cli.generate.SyntheticTown} carries it with the ground truth tests need
 * ({@link jp.kofu.cli.generate.Trait} lists, vendor 外字 → intended MJ character).
 *
 * <p>The TSV resources next to these classes are the generator's embedded dictionaries. {@code mj-variants.tsv}
 * and {@code vendor-gaiji.tsv} are derived from MJ文字情報一覧表 (List of MJ Characters) © IPA, licensed under
 * Creative Commons Attribution-ShareAlike 2.1 Japan; they are offered under the same licence. Names, towns
 * and everything else are synthetic; any likeness to a real person is chance.
 */
package jp.kofu.cli.generate;
