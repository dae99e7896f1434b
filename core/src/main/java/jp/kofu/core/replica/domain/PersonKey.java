package jp.kofu.core.replica.domain;

/**
 * 宛名番号 (person key): the source systems' own key of a person, shared by the resident-record and the tax
 * system of one municipality. It is an internal key, never printed on a certificate.
 */
public record PersonKey(String value) implements Comparable<PersonKey> {

    public PersonKey {
        if (!CheckDigits.isKey(value)) {
            throw new IllegalArgumentException("宛名番号 must be 1-20 letters, digits or '-': " + value);
        }
    }

    @Override
    public int compareTo(PersonKey o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
