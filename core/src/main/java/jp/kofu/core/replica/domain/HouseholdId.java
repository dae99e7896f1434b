package jp.kofu.core.replica.domain;

/** 世帯番号 (household number): the source system's key of a household. */
public record HouseholdId(String value) implements Comparable<HouseholdId> {

    public HouseholdId {
        if (!CheckDigits.isKey(value)) {
            throw new IllegalArgumentException("世帯番号 must be 1-20 letters, digits or '-': " + value);
        }
    }

    @Override
    public int compareTo(HouseholdId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
