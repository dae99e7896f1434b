package jp.kofu.core.gaiji.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts text as a vendor file carries it (文字変換) to {@link PrintedText}: the tagged form
 * (UCS, UCS + variation selector, {@code {MJ012345}}), in which private-use code points are the vendor's
 * 外字. Those are looked up in the tenant's {@link CorrespondenceTable}; a code the table does not map is
 * kept as an unidentified vendor character (未同定外字), never dropped or replaced.
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
        PrintedText parsed = PrintedText.parse(text);
        boolean anyPrivate = false;
        for (PrintedChar c : parsed.chars()) {
            if (c instanceof PrintedChar.Ucs u && CorrespondenceTable.isPrivateUse(u.codePoint())) {
                anyPrivate = true;
                break;
            }
        }
        if (!anyPrivate) {
            return parsed;
        }
        List<PrintedChar> out = new ArrayList<>(parsed.length());
        for (PrintedChar c : parsed.chars()) {
            if (c instanceof PrintedChar.Ucs u && CorrespondenceTable.isPrivateUse(u.codePoint())) {
                String code = CorrespondenceTable.privateUseCode(u.codePoint());
                out.add(table.lookup(code).orElseGet(() -> new PrintedChar.UnidentifiedVendor(code)));
            } else {
                out.add(c);
            }
        }
        return PrintedText.of(out);
    }

    public CorrespondenceTable table() {
        return table;
    }
}
