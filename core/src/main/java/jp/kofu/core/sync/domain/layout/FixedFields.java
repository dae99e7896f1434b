package jp.kofu.core.sync.domain.layout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;

import jp.kofu.core.gaiji.domain.VendorCode;
import jp.kofu.core.sync.domain.layout.FixedLayout.Field;

/**
 * The fields of a fixed-length record (固定長項目) as kofu cells and back: windows-31j bytes, padding, numbers,
 * dates, code tables, half-width kana (半角カナ) and vendor 外字 of the user-defined area (利用者定義領域) as
 * {@code {VND:SJIS:XXXX}}. A cell is what a CSV file would hold in the same column, so that
 * {@link Cells} checks both layouts alike.
 *
 * <p>Stateless; a reason never quotes a field's value unless it is a short code.
 */
final class FixedFields {

    private static final byte SPACE = 0x20;
    /** Full-width katakana ァ (U+30A1) to ン (U+30F3) by half-width form, 0 where none. */
    private static final char[] KANA_FULL = new char[0x40];
    /** Half-width form (FF61–FF9D) of each full-width katakana ァ–ン, 0 where none. */
    private static final char[] KANA_HALF = new char[0x60];

    static {
        String halves = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
        String fulls = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
        for (int i = 0; i < halves.length(); i++) {
            KANA_FULL[halves.charAt(i) - 0xFF60] = fulls.charAt(i);
            char full = fulls.charAt(i);
            if (full >= 0x30A0 && full < 0x3100) {
                KANA_HALF[full - 0x30A0] = halves.charAt(i);
            }
        }
        KANA_FULL[0xFF61 - 0xFF60] = '。';
        KANA_FULL[0xFF62 - 0xFF60] = '「';
        KANA_FULL[0xFF63 - 0xFF60] = '」';
        KANA_FULL[0xFF64 - 0xFF60] = '、';
        KANA_FULL[0xFF65 - 0xFF60] = '・';
        KANA_HALF['・' - 0x30A0] = '･';
    }

    private FixedFields() {
    }

    /** Why a field cannot be read; the codec reports it with the file, record and column. */
    static final class BadField extends Exception {
        BadField(String reason) {
            super(reason, null, false, false);
        }
    }

    // ---------------------------------------------------------------- reading

    /** The field of the record as its kofu cell. */
    static String read(byte[] record, Field f) throws BadField {
        int from = f.offset();
        int to = f.end();
        return switch (f.type()) {
            case TEXT -> trimmedText(record, from, to, true, false);
            case STRING -> trimmedText(record, from, to, false, false);
            case KANA -> trimmedText(record, from, to, false, true);
            case NUMBER -> number(record, f);
            case DATE -> date(record, from, to);
            case CODE, FLAG, OP -> code(record, f);
        };
    }

    private static boolean blank(byte[] record, int from, int to) {
        for (int i = from; i < to; i++) {
            if (record[i] != SPACE) {
                return false;
            }
        }
        return true;
    }

    private static int trimEnd(byte[] record, int from, int to) {
        int end = to;
        while (end > from && record[end - 1] == SPACE) {
            end--;
        }
        return end;
    }

    private static String trimmedText(byte[] record, int from, int to, boolean gaiji, boolean kana) throws BadField {
        int end = trimEnd(record, from, to);
        if (end == from) {
            return "";
        }
        boolean ascii = true;
        for (int i = from; i < end; i++) {
            int b = record[i];
            ascii &= b >= 0x20 && b != '{' && b != '}' && b != 0x7F;
        }
        if (ascii && !kana) {
            return new String(record, from, end - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(end - from);
        for (int i = from; i < end; ) {
            int b = record[i] & 0xFF;
            if (ShiftJis.isSingle(b)) {
                char c = (char) ShiftJis.single(b);
                if (gaiji && (c == '{' || c == '}')) {
                    sb.append(c == '{' ? "{U+007B}" : "{U+007D}");
                } else if (kana) {
                    appendKana(sb, c);
                } else {
                    sb.append(c);
                }
                i++;
                continue;
            }
            if (!ShiftJis.isLead(b)) {
                throw new BadField(String.format("byte 0x%02X at byte %d of the field is not windows-31j",
                        b, i - from + 1));
            }
            if (i + 1 >= to) {
                throw new BadField(String.format("ends in the middle of a double-byte character "
                        + "(lead byte 0x%02X is the field's last byte)", b));
            }
            int trail = record[i + 1] & 0xFF;
            if (VendorCode.isShiftJisUserDefinedLead(b)) {
                int code = b << 8 | trail;
                if (!VendorCode.isShiftJisUserDefined(code)) {
                    throw new BadField(String.format("bytes 0x%04X at byte %d of the field are not windows-31j",
                            code, i - from + 1));
                }
                if (!gaiji) {
                    throw new BadField(String.format("user-defined-area character (外字) %s at byte %d; this "
                            + "field takes none", VendorCode.shiftJis(code), i - from + 1));
                }
                sb.append("{VND:").append(VendorCode.shiftJis(code)).append('}');
            } else {
                char c = ShiftJis.pair(b, trail);
                if (c == 0) {
                    throw new BadField(String.format("bytes 0x%02X%02X at byte %d of the field are not windows-31j",
                            b, trail, i - from + 1));
                }
                if (kana) {
                    appendKana(sb, c);
                } else {
                    sb.append(c);
                }
            }
            i += 2;
        }
        return sb.toString();
    }

    /** Half-width katakana as full-width, a voiced mark joining the letter before it; space as U+3000. */
    private static void appendKana(StringBuilder sb, char c) {
        if (c == ' ') {
            sb.append('\u3000');
        } else if (c == 'ﾞ' || c == 'ﾟ') {
            int last = sb.length() - 1;
            char base = last >= 0 ? sb.charAt(last) : 0;
            char voiced = c == 'ﾞ' ? voiced(base) : semiVoiced(base);
            if (voiced != 0) {
                sb.setCharAt(last, voiced);
            } else {
                sb.append(c == 'ﾞ' ? '゛' : '゜');
            }
        } else if (c >= 0xFF61 && c <= 0xFF9D) {
            sb.append(KANA_FULL[c - 0xFF60]);
        } else {
            sb.append(c);
        }
    }

    private static final String VOICEABLE = "カキクケコサシスセソタチツテトハヒフヘホウ";
    private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボヴ";
    private static final String SEMI_VOICEABLE = "ハヒフヘホ";
    private static final String SEMI_VOICED = "パピプペポ";

    private static char voiced(char base) {
        int i = VOICEABLE.indexOf(base);
        return i < 0 ? 0 : VOICED.charAt(i);
    }

    private static char semiVoiced(char base) {
        int i = SEMI_VOICEABLE.indexOf(base);
        return i < 0 ? 0 : SEMI_VOICED.charAt(i);
    }

    private static String number(byte[] record, Field f) throws BadField {
        int from = f.offset();
        int to = f.end();
        if (blank(record, from, to)) {
            return "";
        }
        boolean negative = f.signed() && record[from] == '-';
        int start = negative ? from + 1 : from;
        for (int i = start; i < to; i++) {
            if (record[i] < '0' || record[i] > '9') {
                throw new BadField("malformed number (expected " + (to - start) + " digits with leading zeros"
                        + (f.signed() ? ", '-' in the first byte when negative" : "") + ")");
            }
        }
        if (start == to) {
            throw new BadField("malformed number (a '-' without digits)");
        }
        int first = start;
        while (first < to - 1 - f.scale() && record[first] == '0') {
            first++;
        }
        String digits = new String(record, first, to - first, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (f.scale() > 0) {
            BigDecimal value = new BigDecimal(new BigInteger(digits), f.scale());
            digits = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }
        return negative && !digits.equals("0") ? "-" + digits : digits;
    }

    private static String date(byte[] record, int from, int to) throws BadField {
        if (blank(record, from, to)) {
            return "";
        }
        int year = 0;
        int month = 0;
        int day = 0;
        for (int i = 0; i < 8; i++) {
            int d = record[from + i] - '0';
            if (d < 0 || d > 9) {
                throw new BadField("malformed date (expected yyyyMMdd, or blank for none)");
            }
            if (i < 4) {
                year = year * 10 + d;
            } else if (i < 6) {
                month = month * 10 + d;
            } else {
                day = day * 10 + d;
            }
        }
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new BadField("not a calendar date (expected yyyyMMdd, or blank for none)");
        }
        char[] c = new char[10];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) record[from + i];
        }
        c[4] = '-';
        c[5] = (char) record[from + 4];
        c[6] = (char) record[from + 5];
        c[7] = '-';
        c[8] = (char) record[from + 6];
        c[9] = (char) record[from + 7];
        return new String(c);
    }

    private static String code(byte[] record, Field f) throws BadField {
        String vendor = trimmedText(record, f.offset(), f.end(), false, false);
        if (vendor.isEmpty()) {
            return "";
        }
        String kofu = f.toKofu(vendor);
        if (kofu == null) {
            throw new BadField("unknown code " + Cells.show(vendor) + " (expected "
                    + Cells.alternatives(java.util.List.copyOf(f.map().keySet())) + ")");
        }
        return kofu;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the cell into the field's bytes of the record.
     *
     * @throws IllegalArgumentException with the reason (never the value) when the field cannot hold it
     */
    static void write(String cell, Field f, byte[] record) {
        int from = f.offset();
        int to = f.end();
        Arrays.fill(record, from, to, SPACE);
        if (cell.isEmpty()) {
            return;
        }
        switch (f.type()) {
            case TEXT -> writeText(cell, record, from, to, true);
            case STRING -> writeText(cell, record, from, to, false);
            case KANA -> writeText(toHalfWidth(cell), record, from, to, false);
            case NUMBER -> writeNumber(cell, f, record);
            case DATE -> writeDate(cell, record, from);
            case CODE, FLAG, OP -> {
                String vendor = f.toVendor(cell);
                if (vendor == null) {
                    throw new IllegalArgumentException("has no vendor code for kofu code " + Cells.show(cell));
                }
                writeText(vendor, record, from, to, false);
            }
        }
    }

    private static void writeText(String cell, byte[] record, int from, int to, boolean tagged) {
        if (cell.charAt(cell.length() - 1) == ' ') {
            throw new IllegalArgumentException("ends with a space, which reading would trim");
        }
        int at = from;
        int n = cell.length();
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            int code;
            if (tagged && c == '{') {
                int close = cell.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("has a '{' without '}'");
                }
                String tag = cell.substring(i + 1, close);
                i = close;
                if (tag.startsWith("VND:" + VendorCode.SJIS_PREFIX) && VendorCode.isValid(tag.substring(4))) {
                    code = Integer.parseInt(tag.substring(4 + VendorCode.SJIS_PREFIX.length()), 16);
                } else if (tag.equals("U+007B") || tag.equals("U+007D")) {
                    code = tag.equals("U+007B") ? '{' : '}';
                } else if (tag.startsWith("U+") && tag.length() == 6 && !isPrivateUse(tag)) {
                    char literal = (char) Integer.parseInt(tag.substring(2), 16);
                    code = ShiftJis.encode(literal);
                    if (code == 0) {
                        throw new IllegalArgumentException("has a character not in windows-31j at character "
                                + (i + 1) + " (a vendor 外字 of the user-defined area would be needed)");
                    }
                } else {
                    throw new IllegalArgumentException("has a character the fixed layout cannot carry at character "
                            + (i + 1) + " (" + tagKind(tag) + "; only windows-31j characters and SJIS:XXXX vendor 外字)");
                }
            } else if (tagged && c == '}') {
                throw new IllegalArgumentException("has a '}' outside a tag at character " + (i + 1));
            } else {
                code = Character.isSurrogate(c) || c < 0x20 ? 0 : ShiftJis.encode(c);
                if (code == 0) {
                    throw new IllegalArgumentException("has a character not in windows-31j at character " + (i + 1)
                            + (c >= 0xE000 && c <= 0xF8FF ? " (a private-use vendor 外字 in U+ notation; the fixed "
                            + "layout carries SJIS:XXXX codes)" : " (a vendor 外字 of the user-defined area would be needed)"));
                }
            }
            int size = code > 0xFF ? 2 : 1;
            if (at + size > to) {
                throw new IllegalArgumentException("is longer than its " + (to - from) + " bytes");
            }
            if (size == 2) {
                record[at++] = (byte) (code >> 8);
            }
            record[at++] = (byte) code;
        }
    }

    private static boolean isPrivateUse(String tag) {
        int cp = Integer.parseInt(tag.substring(2), 16);
        return cp >= 0xE000 && cp <= 0xF8FF;
    }

    private static String tagKind(String tag) {
        if (tag.startsWith("MJ")) {
            return "an MJ character without a code point";
        }
        if (tag.startsWith("VND:")) {
            return "a vendor 外字 in U+ notation";
        }
        return "a code point beyond windows-31j";
    }

    /** Full-width katakana as half-width; U+3000 as a space. */
    static String toHalfWidth(String kana) {
        StringBuilder sb = new StringBuilder(kana.length() + 4);
        for (int i = 0; i < kana.length(); i++) {
            char c = kana.charAt(i);
            if (c == '\u3000') {
                sb.append(' ');
            } else if (c == ' ') {
                throw new IllegalArgumentException("has a half-width space at character " + (i + 1)
                        + " (kana fields carry the full-width space U+3000 as 0x20)");
            } else if (c >= 0x30A0 && c < 0x3100 && KANA_HALF[c - 0x30A0] != 0) {
                sb.append(KANA_HALF[c - 0x30A0]);
            } else if (c >= 0x30A0 && c < 0x3100 && voicedHalf(c, sb)) {
                continue;
            } else if (c < 0x80 && c != '{' && c != '}') {
                sb.append(c);
            } else {
                throw new IllegalArgumentException("has a character without a half-width katakana form at character "
                        + (i + 1));
            }
        }
        return sb.toString();
    }

    private static boolean voicedHalf(char c, StringBuilder sb) {
        int i = VOICED.indexOf(c);
        if (i >= 0) {
            sb.append(KANA_HALF[VOICEABLE.charAt(i) - 0x30A0]).append('ﾞ');
            return true;
        }
        i = SEMI_VOICED.indexOf(c);
        if (i >= 0) {
            sb.append(KANA_HALF[SEMI_VOICEABLE.charAt(i) - 0x30A0]).append('ﾟ');
            return true;
        }
        return false;
    }

    private static void writeNumber(String cell, Field f, byte[] record) {
        BigDecimal value;
        try {
            value = new BigDecimal(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number");
        }
        if (value.signum() < 0 && !f.signed()) {
            throw new IllegalArgumentException("is negative, but the field is unsigned");
        }
        BigInteger unscaled;
        try {
            unscaled = value.setScale(f.scale()).unscaledValue().abs();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("has more than " + f.scale() + " decimal places");
        }
        String digits = unscaled.toString();
        int room = f.length() - (f.signed() ? 1 : 0);
        if (digits.length() > room) {
            throw new IllegalArgumentException("has more than the field's " + room + " digits");
        }
        int at = f.offset();
        if (f.signed()) {
            record[at++] = (byte) (value.signum() < 0 ? '-' : '0');
        }
        for (int i = 0; i < room - digits.length(); i++) {
            record[at++] = '0';
        }
        for (int i = 0; i < digits.length(); i++) {
            record[at++] = (byte) digits.charAt(i);
        }
    }

    private static void writeDate(String cell, byte[] record, int from) {
        if (cell.length() != 10 || cell.charAt(4) != '-' || cell.charAt(7) != '-') {
            throw new IllegalArgumentException("is not a yyyy-MM-dd date");
        }
        int at = from;
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7) {
                record[at++] = (byte) cell.charAt(i);
            }
        }
    }
}
