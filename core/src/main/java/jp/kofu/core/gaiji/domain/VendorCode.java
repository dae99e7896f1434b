package jp.kofu.core.gaiji.domain;

import java.util.Locale;

/**
 * The notation of a vendor 外字 code (外字コードの表記), how kofu names a character of a vendor's own
 * character set in its correspondence table (対照表), in {@code {VND:code}} tags and in alarms:
 *
 * <ul>
 *   <li>{@code U+E012} — a private-use code point (BMP U+E000–U+F8FF, planes 15–16), as UTF-8 files carry
 *       vendor 外字; upper-case hex, four to six digits, as {@link CorrespondenceTable#privateUseCode};</li>
 *   <li>{@code SJIS:F040} — a Shift_JIS user-defined-area code (利用者定義領域, lead byte F0–F9, trail byte
 *       40–7E or 80–FC), as fixed-length Shift_JIS files carry them; upper-case hex, four digits.</li>
 * </ul>
 * The two notations never name the same code: a vendor that delivers both encodings maps each in its
 * table. Stateless.
 */
public final class VendorCode {

    /** The prefix of Shift_JIS user-defined-area codes. */
    public static final String SJIS_PREFIX = "SJIS:";

    private VendorCode() {
    }

    /**
     * The code of a two-byte Shift_JIS user-defined-area character, e.g. {@code 0xF040} → {@code SJIS:F040}.
     *
     * @throws IllegalArgumentException when the bytes are not in the user-defined area
     */
    public static String shiftJis(int twoBytes) {
        if (!isShiftJisUserDefined(twoBytes)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "0x%04X is not a Shift_JIS user-defined-area code (F040–F9FC)", twoBytes));
        }
        return String.format(Locale.ROOT, "%s%04X", SJIS_PREFIX, twoBytes);
    }

    /** The code of a two-byte Shift_JIS character given as its lead and trail bytes. */
    public static String shiftJis(int lead, int trail) {
        return shiftJis((lead & 0xFF) << 8 | trail & 0xFF);
    }

    /** Whether the two bytes are a Shift_JIS user-defined-area character (lead F0–F9, trail 40–7E / 80–FC). */
    public static boolean isShiftJisUserDefined(int twoBytes) {
        int lead = twoBytes >> 8;
        int trail = twoBytes & 0xFF;
        return twoBytes >= 0 && twoBytes <= 0xFFFF && lead >= 0xF0 && lead <= 0xF9
                && (trail >= 0x40 && trail <= 0x7E || trail >= 0x80 && trail <= 0xFC);
    }

    /** Whether the byte starts a Shift_JIS user-defined-area character. */
    public static boolean isShiftJisUserDefinedLead(int lead) {
        return lead >= 0xF0 && lead <= 0xF9;
    }

    /**
     * The private-use code point Windows-31J (CP932) assigns to a Shift_JIS user-defined-area code, e.g.
     * {@code F040} → U+E000: what a vendor's Shift_JIS → UTF-8 conversion usually produces. Useful to match
     * a vendor's two deliveries, never applied silently (the notations stay distinct).
     */
    public static int windows31jPrivateUse(int twoBytes) {
        if (!isShiftJisUserDefined(twoBytes)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "0x%04X is not a Shift_JIS user-defined-area code", twoBytes));
        }
        int lead = twoBytes >> 8;
        int trail = twoBytes & 0xFF;
        int cell = trail <= 0x7E ? trail - 0x40 : trail - 0x41;
        return 0xE000 + (lead - 0xF0) * 188 + cell;
    }

    /** Whether the text is a vendor code in one of the notations, written canonically. */
    public static boolean isValid(String code) {
        try {
            return normalize(code).equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The canonical form of a vendor code: upper-case hex, {@code U+} with 4 (BMP) to 6 digits for a
     * private-use code point, {@code SJIS:} with 4 digits for a Shift_JIS code ({@code u+e012} →
     * {@code U+E012}, {@code sjis:f040} → {@code SJIS:F040}).
     *
     * @throws IllegalArgumentException with the reason when it is neither notation
     */
    public static String normalize(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("empty vendor code");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (upper.startsWith(SJIS_PREFIX)) {
            String hex = upper.substring(SJIS_PREFIX.length());
            if (hex.length() != 4) {
                throw new IllegalArgumentException("a Shift_JIS vendor code has four hex digits: " + code);
            }
            return shiftJis(hex(hex, code));
        }
        if (upper.startsWith("U+")) {
            String hex = upper.substring(2);
            if (hex.length() < 4 || hex.length() > 6) {
                throw new IllegalArgumentException("a code point vendor code has four to six hex digits: " + code);
            }
            int cp = hex(hex, code);
            if (!CorrespondenceTable.isPrivateUse(cp)) {
                throw new IllegalArgumentException("not a private-use code point (E000–F8FF, F0000–10FFFD): " + code);
            }
            return CorrespondenceTable.privateUseCode(cp);
        }
        throw new IllegalArgumentException("not a vendor code (expected U+XXXX or SJIS:XXXX): " + code);
    }

    private static int hex(String digits, String code) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException("bad hex digit in vendor code: " + code);
            }
            v = v * 16 + d;
        }
        return v;
    }
}
