package jp.kofu.core.gaiji.domain;

import java.util.Map;
import java.util.Optional;

/**
 * A tenant's correspondence table (対照表) of vendor 外字: which printed character each vendor code stands
 * for, as the city confirmed it in the 文字同定. Vendor codes are written {@code U+E012} for private-use code
 * points and {@code SJIS:F040} for Shift_JIS user-defined-area codes.
 *
 * @param version the table's version (each import is a new version)
 * @param entries vendor code → character
 */
public record CorrespondenceTable(int version, Map<String, PrintedChar> entries) {

    public CorrespondenceTable {
        entries = Map.copyOf(entries);
        for (PrintedChar c : entries.values()) {
            if (!c.printable()) {
                throw new IllegalArgumentException("a correspondence table maps to printable characters only");
            }
        }
    }

    public static CorrespondenceTable empty() {
        return new CorrespondenceTable(0, Map.of());
    }

    public Optional<PrintedChar> lookup(String vendorCode) {
        return Optional.ofNullable(entries.get(vendorCode));
    }

    /** The vendor code of a private-use code point, e.g. {@code U+E012}. */
    public static String privateUseCode(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    /** Whether the code point is in a private use area (BMP or planes 15–16). */
    public static boolean isPrivateUse(int codePoint) {
        return codePoint >= 0xE000 && codePoint <= 0xF8FF || codePoint >= 0xF0000 && codePoint <= 0x10FFFD;
    }
}
