package jp.kofu.core.gaiji.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Unidentified vendor characters (未同定外字) in printed text: finding their codes, and re-converting text
 * once the correspondence table (対照表) maps them (再変換). Stateless.
 */
public final class UnidentifiedCharacters {

    private UnidentifiedCharacters() {
    }

    /** The vendor codes of the text's unidentified characters, in order of first appearance. */
    public static Set<String> vendorCodes(PrintedText text) {
        Set<String> codes = new LinkedHashSet<>();
        for (PrintedChar c : text.chars()) {
            if (c instanceof PrintedChar.UnidentifiedVendor v) {
                codes.add(v.vendorCode());
            }
        }
        return codes;
    }

    /**
     * The text with every unidentified vendor character the table maps replaced by its character; codes the
     * table does not map stay unidentified. Returns the same instance when nothing changes. Characters that
     * are already identified are never touched: their vendor code is not kept, so a changed mapping reaches
     * them only when their source sends them again.
     */
    public static PrintedText reconvert(PrintedText text, CorrespondenceTable table) {
        if (!text.hasUnidentified()) {
            return text;
        }
        List<PrintedChar> out = null;
        List<PrintedChar> chars = text.chars();
        for (int i = 0; i < chars.size(); i++) {
            PrintedChar c = chars.get(i);
            if (c instanceof PrintedChar.UnidentifiedVendor v) {
                PrintedChar mapped = table.lookup(v.vendorCode()).orElse(null);
                if (mapped != null) {
                    if (out == null) {
                        out = new ArrayList<>(chars);
                    }
                    out.set(i, mapped);
                }
            }
        }
        return out == null ? text : PrintedText.of(out);
    }
}
