package jp.kofu.core.replica.domain;

import java.util.Objects;

import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * A household (世帯): the unit a 世帯連記式 住民票の写し lists together.
 *
 * @param id 世帯番号
 * @param headName 世帯主の氏名
 * @param version the source's version of this record
 */
public record Household(HouseholdId id, PrintedText headName, long version) {

    public Household {
        Objects.requireNonNull(id, "世帯番号");
        Objects.requireNonNull(headName, "世帯主");
    }

    @Override
    public String toString() {
        return "Household[" + id + "]";
    }
}
