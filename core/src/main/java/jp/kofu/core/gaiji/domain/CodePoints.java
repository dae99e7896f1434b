package jp.kofu.core.gaiji.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code U+XXXX} notation of code points (符号位置の表記) used in the MJ data, the correspondence table
 * files and the review sheet: upper-case hex, at least four digits, a sequence separated by single spaces
 * ({@code U+8FBB U+E0100}).
 */
public final class CodePoints {

    private CodePoints() {
    }

    /** {@code U+8FBB}. */
    public static String notation(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    /** The code points of a printed character: {@code U+8FBB}, {@code U+8FBB U+E0100}; MJ-only and vendor characters have none. */
    public static String notation(PrintedChar c) {
        if (c instanceof PrintedChar.Ucs u) {
            return notation(u.codePoint());
        }
        if (c instanceof PrintedChar.VariationSequence v) {
            return notation(v.base()) + " " + notation(v.selector());
        }
        return "";
    }

    /**
     * Parses a sequence of {@code U+XXXX} separated by spaces.
     *
     * @throws IllegalArgumentException naming the bad element
     */
    public static int[] parse(String notation) {
        List<Integer> out = new ArrayList<>(2);
        for (String part : notation.trim().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            out.add(parseOne(part));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Parses one {@code U+XXXX} (4 to 6 hex digits) to a valid code point. */
    public static int parseOne(String part) {
        if (!part.startsWith("U+") || part.length() < 6 || part.length() > 8) {
            throw new IllegalArgumentException("not a code point (expected U+ and 4 to 6 hex digits): " + part);
        }
        int cp;
        try {
            cp = Integer.parseInt(part.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a code point (expected U+ and 4 to 6 hex digits): " + part);
        }
        if (!Character.isValidCodePoint(cp)) {
            throw new IllegalArgumentException("beyond U+10FFFF: " + part);
        }
        return cp;
    }

    /**
     * The printed character a {@code U+XXXX} or {@code U+XXXX U+YYYY} (base and variation selector) notation
     * names.
     *
     * @throws IllegalArgumentException when it is not one character or one variation sequence
     */
    public static PrintedChar printedChar(String notation) {
        int[] cps = parse(notation);
        if (cps.length == 1) {
            return PrintedChar.Ucs.of(cps[0]);
        }
        if (cps.length == 2) {
            return new PrintedChar.VariationSequence(cps[0], cps[1]);
        }
        throw new IllegalArgumentException("expected one code point or a base and a variation selector: " + notation);
    }
}
