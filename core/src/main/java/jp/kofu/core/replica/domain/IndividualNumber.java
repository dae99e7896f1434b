package jp.kofu.core.replica.domain;

/**
 * 個人番号 (My Number, individual number): 12 digits, the last a check digit. It is 特定個人情報 and only
 * printed on a 住民票の写し where the tenant allows it and the applicant asks for it. {@link #toString()}
 * masks it so it never reaches a log.
 */
public record IndividualNumber(String value) {

    public IndividualNumber {
        if (!CheckDigits.isDigits(value, 12)) {
            throw new IllegalArgumentException("個人番号 must be 12 digits");
        }
        if (value.charAt(11) - '0' != CheckDigits.individualNumber(value.substring(0, 11))) {
            throw new IllegalArgumentException("個人番号 has a wrong check digit");
        }
    }

    /** The number with its check digit appended to eleven digits. */
    public static IndividualNumber ofElevenDigits(String eleven) {
        return new IndividualNumber(eleven + CheckDigits.individualNumber(eleven));
    }

    @Override
    public String toString() {
        return "IndividualNumber[****]";
    }
}
