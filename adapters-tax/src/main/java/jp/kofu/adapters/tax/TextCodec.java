package jp.kofu.adapters.tax;

import java.util.ArrayList;
import java.util.List;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.VendorTextConverter;

/**
 * Text cells of the kofu layout (文字の表現): the tagged form of {@link PrintedText} in which a raw
 * private-use code point is a vendor 外字 looked up in the tenant's {@link CorrespondenceTable}, while a
 * {@code {U+XXXX}} tag always stands for exactly that code point.
 *
 * <p>The second rule matters for characters that live in a private use area themselves, such as the
 * 行政事務標準文字 (MJ+, GJ) in plane 16: written as a tag they survive a round trip through the reader,
 * written raw they would be taken for vendor codes. core's {@link VendorTextConverter} cannot tell the two
 * apart once the text is parsed, so cells that hold both a tag and a raw private-use character are
 * converted here; every other cell with a private-use character goes through the converter.
 *
 * <p>Not thread-safe: one instance per file being read.
 */
final class TextCodec {

    private static final PrintedChar.Ucs[] BMP = new PrintedChar.Ucs[0x10000];

    private final CorrespondenceTable table;
    private final VendorTextConverter converter;
    /** Reused for every cell: a codec belongs to one file's reading, on one thread. */
    private final List<PrintedChar> buffer = new ArrayList<>(64);

    TextCodec(CorrespondenceTable table) {
        this.table = table;
        this.converter = new VendorTextConverter(table);
    }

    /**
     * Converts one cell (already checked for control characters).
     *
     * @throws IllegalArgumentException from core's parser when the tagged form is malformed
     */
    PrintedText decode(String cell, boolean hasBrace, boolean hasPrivateUse) {
        if (!hasPrivateUse) {
            return hasBrace ? PrintedText.parse(cell) : plain(cell);
        }
        if (!hasBrace) {
            return converter.convert(cell);
        }
        return decodeMixed(cell);
    }

    /**
     * The common case, text without tags or 外字, built without core's parser: the same characters, but
     * each BMP character is one shared instance instead of a new object per occurrence, which keeps a town's
     * worth of names and addresses several hundred megabytes smaller.
     */
    private PrintedText plain(String cell) {
        buffer.clear();
        int i = 0;
        int n = cell.length();
        while (i < n) {
            int cp = cell.codePointAt(i);
            i += Character.charCount(cp);
            if (PrintedChar.isVariationSelector(cp)) {
                int last = buffer.size() - 1;
                if (last < 0 || !(buffer.get(last) instanceof PrintedChar.Ucs base)) {
                    return PrintedText.parse(cell); // throws with the position
                }
                buffer.set(last, new PrintedChar.VariationSequence(base.codePoint(), cp));
            } else {
                buffer.add(ucs(cp));
            }
        }
        return PrintedText.of(buffer);
    }

    private static PrintedChar.Ucs ucs(int codePoint) {
        if (codePoint > 0xFFFF) {
            return new PrintedChar.Ucs(codePoint);
        }
        // a benign race: two threads may both create an instance, each immutable and equal
        PrintedChar.Ucs known = BMP[codePoint];
        if (known == null) {
            known = new PrintedChar.Ucs(codePoint);
            BMP[codePoint] = known;
        }
        return known;
    }

    /** Walks the cell alongside its parse to know which characters were written raw. */
    private PrintedText decodeMixed(String cell) {
        PrintedText parsed = PrintedText.parse(cell);
        List<PrintedChar> chars = new ArrayList<>(parsed.chars());
        int k = 0;
        int i = 0;
        int n = cell.length();
        while (i < n) {
            int cp = cell.codePointAt(i);
            if (cp == '{') {
                i = cell.indexOf('}', i) + 1;
                k++;
            } else if (PrintedChar.isVariationSelector(cp)) {
                i += Character.charCount(cp);
            } else {
                if (CorrespondenceTable.isPrivateUse(cp) && chars.get(k) instanceof PrintedChar.Ucs) {
                    String code = CorrespondenceTable.privateUseCode(cp);
                    chars.set(k, table.lookup(code).orElseGet(() -> new PrintedChar.UnidentifiedVendor(code)));
                }
                k++;
                i += Character.charCount(cp);
            }
        }
        return PrintedText.of(chars);
    }

    /**
     * The cell for a text: its tagged form, except that an unidentified vendor character whose code is a
     * private-use code point ({@code U+E012}) is written as that raw code point again, and a character
     * that is itself a private-use code point is written as a {@code {U+XXXX}} tag.
     */
    static String encode(PrintedText text) {
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

    /** The code point a vendor code names in core's own notation, or -1 for any other code. */
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
}
