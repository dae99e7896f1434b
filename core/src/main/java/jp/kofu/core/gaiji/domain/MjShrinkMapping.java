package jp.kofu.core.gaiji.domain;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One row of the MJ shrink map (MJ縮退マップ): a standard character that an MJ character may be shown as
 * by systems that cannot show MJ (縮退), according to one source table. Many-to-many. For finding
 * candidates in the 文字同定 only — <b>never</b> for printing a certificate.
 *
 * @param mj the MJ character
 * @param fallbackUcs the fallback code point
 * @param fallbackJisX0213 the fallback's JIS X 0213 面-区-点, e.g. {@code 1-21-77}
 * @param table the source table, e.g. {@code 法務省告示582号別表第四_一}, {@code JIS包摂規準UCS統合規則}
 * @param rank the rank the table gives among several fallbacks (1 = first), if any
 * @param hops the number of steps through the table to reach the fallback, if the table counts them
 */
public record MjShrinkMapping(MjId mj, int fallbackUcs, String fallbackJisX0213, String table, OptionalInt rank,
                              OptionalInt hops) {

    public MjShrinkMapping {
        Objects.requireNonNull(mj, "mj");
        Objects.requireNonNull(table, "table");
        fallbackJisX0213 = fallbackJisX0213 == null ? "" : fallbackJisX0213;
    }
}
