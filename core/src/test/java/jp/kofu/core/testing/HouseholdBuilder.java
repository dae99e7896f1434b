package jp.kofu.core.testing;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;

/** Builds a {@link Household} (世帯). By default: H0001 headed by 山田　太郎, version 1. */
public final class HouseholdBuilder {

    private String id = "H0001";
    private PrintedText headName = PrintedText.plain("山田　太郎");
    private long version = 1;

    HouseholdBuilder() {
    }

    /** 世帯番号. */
    public HouseholdBuilder withId(String householdId) {
        this.id = householdId;
        return this;
    }

    /** 世帯主の氏名 (tagged form). */
    public HouseholdBuilder headedBy(String tagged) {
        this.headName = PrintedText.parse(tagged);
        return this;
    }

    public HouseholdBuilder version(long version) {
        this.version = version;
        return this;
    }

    public Household build() {
        return new Household(new HouseholdId(id), headName, version);
    }
}
