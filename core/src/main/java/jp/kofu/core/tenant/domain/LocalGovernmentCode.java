package jp.kofu.core.tenant.domain;

/**
 * 地方公共団体コード (local government code): five digits identifying a municipality plus a check digit,
 * e.g. {@code 402036} for Kurume. It identifies a tenant of kofu; every stored row carries it.
 *
 * <p>The check digit is 11 minus the remainder of the weighted sum (weights 6, 5, 4, 3, 2) divided by 11,
 * keeping the last digit (総務省「全国地方公共団体コード」).
 */
public record LocalGovernmentCode(String value) {

    public LocalGovernmentCode {
        if (value == null || !value.matches("\\d{6}")) {
            throw new IllegalArgumentException("地方公共団体コード must be 6 digits: " + value);
        }
        int expected = checkDigit(value.substring(0, 5));
        if (value.charAt(5) - '0' != expected) {
            throw new IllegalArgumentException(
                    "地方公共団体コード " + value + " has a wrong check digit (expected " + expected + ")");
        }
    }

    /** Parses a 6-digit code, validating its check digit. */
    public static LocalGovernmentCode parse(String text) {
        return new LocalGovernmentCode(text == null ? null : text.trim());
    }

    /** The code with its check digit appended to five digits. */
    public static LocalGovernmentCode ofFiveDigits(String fiveDigits) {
        if (fiveDigits == null || !fiveDigits.matches("\\d{5}")) {
            throw new IllegalArgumentException("expected 5 digits: " + fiveDigits);
        }
        return new LocalGovernmentCode(fiveDigits + checkDigit(fiveDigits));
    }

    static int checkDigit(String fiveDigits) {
        int[] weights = {6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * weights[i];
        }
        return (11 - sum % 11) % 10;
    }

    /** The prefecture code (都道府県コード), the first two digits. */
    public String prefectureCode() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
