package jp.kofu.core.gaiji.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts text as a vendor file carries it (文字変換) to {@link PrintedText}: the tagged form
 * (UCS, UCS + variation selector, {@code {MJ012345}}, {@code {U+XXXX}}, {@code {VND:code}}) in which every
 * raw private-use code point is a vendor 外字. Vendor characters — raw private-use code points and
 * {@code {VND:code}} tags — are looked up in the tenant's {@link CorrespondenceTable}; a code the table
 * does not map is kept as an unidentified vendor character (未同定外字), never dropped or replaced.
 *
 * <p>A {@code {U+XXXX}} tag is taken literally even in a private-use area: that is how a file names a
 * character that really lives there (e.g. 行政事務標準文字 (MJ+) in plane 16).
 *
 * <p>Immutable and thread-safe.
 */
public final class VendorTextConverter {

    private final CorrespondenceTable table;

    public VendorTextConverter(CorrespondenceTable table) {
        this.table = table;
    }

    /**
     * Converts one field's text.
     *
     * @throws IllegalArgumentException with the position and reason when the text is malformed
     */
    public PrintedText convert(String text) {
        if (text == null || text.isEmpty()) {
            return PrintedText.EMPTY;
        }
        boolean vendor = text.contains("{VND:");
        StringBuilder marked = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (CorrespondenceTable.isPrivateUse(cp)) {
                if (marked == null) {
                    marked = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                marked.append("{VND:").append(CorrespondenceTable.privateUseCode(cp)).append('}');
                vendor = true;
            } else if (marked != null) {
                marked.append(text, i, next);
            }
            i = next;
        }
        PrintedText parsed = PrintedText.parse(marked == null ? text : marked.toString());
        if (!vendor) {
            return parsed;
        }
        List<PrintedChar> out = new ArrayList<>(parsed.length());
        for (PrintedChar c : parsed.chars()) {
            out.add(c instanceof PrintedChar.UnidentifiedVendor u ? table.lookup(u.vendorCode()).orElse(c) : c);
        }
        return PrintedText.of(out);
    }

    public CorrespondenceTable table() {
        return table;
    }
}
