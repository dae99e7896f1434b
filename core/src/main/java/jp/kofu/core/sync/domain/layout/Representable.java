package jp.kofu.core.sync.domain.layout;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * The writer's side of {@link Cells} (表現可能性): values as cells, and the reader's checks applied before
 * writing, so that a value the reader would refuse makes the writer fail on that record — naming its key
 * and the item, never the value — instead of producing a batch that is rejected later.
 */
public final class Representable {

    private Representable() {
    }

    /**
     * A text as its cell: the tagged form, except that an unidentified vendor character whose code is a
     * private-use code point ({@code U+E012}) is written as that raw code point again, as the vendor sent
     * it, and a character that is itself a private-use code point is written as a {@code {U+XXXX}} tag.
     * Reading the cell with the same correspondence table gives the same text back.
     */
    public static String text(PrintedText text) {
        List<PrintedChar> chars = text.chars();
        boolean plain = true;
        for (PrintedChar c : chars) {
            if (needsOwnForm(c)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return text.toTagged();
        }
        StringBuilder sb = new StringBuilder(chars.size() + 16);
        for (PrintedChar c : chars) {
            if (c instanceof PrintedChar.UnidentifiedVendor v) {
                int cp = privateUseCodePoint(v.vendorCode());
                if (cp >= 0) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append(c.toTagged());
                }
            } else if (c instanceof PrintedChar.Ucs u && CorrespondenceTable.isPrivateUse(u.codePoint())) {
                sb.append(codePointTag(u.codePoint()));
            } else if (c instanceof PrintedChar.VariationSequence s && CorrespondenceTable.isPrivateUse(s.base())) {
                sb.append(codePointTag(s.base())).appendCodePoint(s.selector());
            } else {
                sb.append(c.toTagged());
            }
        }
        return sb.toString();
    }

    private static boolean needsOwnForm(PrintedChar c) {
        if (c instanceof PrintedChar.UnidentifiedVendor) {
            return true;
        }
        if (c instanceof PrintedChar.Ucs u) {
            return CorrespondenceTable.isPrivateUse(u.codePoint());
        }
        return c instanceof PrintedChar.VariationSequence s && CorrespondenceTable.isPrivateUse(s.base());
    }

    private static String codePointTag(int codePoint) {
        return "{" + CorrespondenceTable.privateUseCode(codePoint) + "}";
    }

    /** The code point a vendor code names in core's own notation ({@code U+E012}), or -1 for any other code. */
    static int privateUseCodePoint(String vendorCode) {
        if (!vendorCode.startsWith("U+") || vendorCode.length() < 6 || vendorCode.length() > 8) {
            return -1;
        }
        int cp = 0;
        for (int i = 2; i < vendorCode.length(); i++) {
            int digit = Character.digit(vendorCode.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            cp = cp * 16 + digit;
        }
        if (!CorrespondenceTable.isPrivateUse(cp) || !CorrespondenceTable.privateUseCode(cp).equals(vendorCode)) {
            return -1;
        }
        return cp;
    }

    /** A text the layout requires, as its cell. */
    public static String requiredText(PrintedText text, String column, Object key) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(key + ": " + column + " is empty but the kofu layout requires it");
        }
        return text(text);
    }

    /** A plain string as its cell: no control or private-use character, which the reader refuses. */
    public static String plain(String value, String column, Object key) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || Cells.isPrivateUseChar(c)) {
                throw new IllegalArgumentException(key + ": " + column + " holds a control or private-use "
                        + "character, which the kofu layout does not take in this column");
            }
        }
        return value;
    }

    /** A plain string the layout requires, as its cell. */
    public static String requiredPlain(String value, String column, Object key) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + ": " + column + " is empty but the kofu layout requires it");
        }
        return plain(value, column, key);
    }

    /** A date as {@code yyyy-MM-dd}, which has room for the years 0000–9999 only. */
    public static String date(LocalDate date, String column, Object key) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException(key + ": " + column + " is outside the years 0000-9999 of yyyy-MM-dd");
        }
        return date.toString();
    }

    /** An optional date as its cell, empty when absent. */
    public static String date(Optional<LocalDate> date, String column, Object key) {
        return date.isPresent() ? date(date.get(), column, key) : "";
    }

    /** A flag as its cell: {@code 1} or {@code 0}. */
    public static String flag(boolean value) {
        return value ? "1" : "0";
    }
}
