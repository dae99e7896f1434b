package jp.kofu.cli.generate;

/** Small text helpers for Japanese addresses and keys, written without regular expressions for speed. */
final class Text {

    private static final String KANJI_DIGITS = "〇一二三四五六七八九";

    private Text() {
    }

    /** The number in full-width digits (全角数字), as resident records print house numbers. */
    static String fullWidth(int n) {
        String s = Integer.toString(n);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append((char) ('０' + (s.charAt(i) - '0')));
        }
        return sb.toString();
    }

    /** 1 to 19 in kanji numerals (for 丁目). */
    static String kanji(int n) {
        if (n < 1 || n > 19) {
            throw new IllegalArgumentException("kanji numeral out of range: " + n);
        }
        return n < 10 ? String.valueOf(KANJI_DIGITS.charAt(n)) : "十" + (n == 10 ? "" : KANJI_DIGITS.charAt(n - 10));
    }

    /** The number left-padded with zeros to the width. */
    static String zeroPad(long n, int width) {
        String s = Long.toString(n);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    /** The text before the first ideographic space (the family part of a name), or all of it. */
    static String beforeSpace(String s) {
        int i = s.indexOf('\u3000');
        return i < 0 ? s : s.substring(0, i);
    }
}
