package jp.kofu.core.replica.domain;

/** Shapes and modulus-11 check digits of the identifiers in resident records. */
final class CheckDigits {

    private CheckDigits() {
    }

    /** Whether the text is exactly {@code length} ASCII digits (no regex: this runs for every record). */
    static boolean isDigits(String text, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is 1–20 ASCII letters, digits or '-': the shape of the source systems' keys. */
    static boolean isKey(String text) {
        if (text == null || text.isEmpty() || text.length() > 20) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * 個人番号 check digit (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条):
     * weights n+1 for the n-th digit from the right for n ≤ 6, n-5 beyond; 11 minus the remainder, 0 when
     * the remainder is 0 or 1.
     */
    static int individualNumber(String elevenDigits) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = elevenDigits.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    /**
     * 住民票コード check digit: modulus 11 with weights 2 to 7 repeating from the rightmost digit, 0 when
     * the remainder is 0 or 1 (inferred from published descriptions; the generator and the validation
     * use the same rule).
     */
    static int residentRecordCode(String tenDigits) {
        int sum = 0;
        for (int n = 1; n <= 10; n++) {
            int p = tenDigits.charAt(10 - n) - '0';
            sum += p * (2 + (n - 1) % 6);
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }
}
