package jp.kofu.core.replica.domain;

/** Modulus-11 check digits of the national identifiers. */
final class CheckDigits {

    private CheckDigits() {
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
