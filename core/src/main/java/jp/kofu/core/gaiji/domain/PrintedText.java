package jp.kofu.core.gaiji.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Printed text (印字テキスト): a name, address or other certificate item as a sequence of
 * {@link PrintedChar}s, able to hold every MJ character exactly.
 *
 * <p>Its <em>tagged form</em> is the storage and interchange notation: ordinary characters as themselves
 * (a variation selector directly after its base), {@code {MJ012345}} for a character named by MJ id,
 * {@code {VND:code}} for an unidentified vendor character, and {@code {U+XXXX}} for a literal brace or
 * control character. {@code parse(t.toTagged())} equals {@code t} for every text.
 */
public final class PrintedText {

    /** What a character without any code point of its own extracts to: 〓 (U+3013, ゲタ). */
    public static final String NO_CODE_POINT = "\u3013";

    /** The empty text, used for items that are not recorded. */
    public static final PrintedText EMPTY = new PrintedText(List.of());

    private final List<PrintedChar> chars;

    private PrintedText(List<PrintedChar> chars) {
        this.chars = List.copyOf(chars);
    }

    public static PrintedText of(List<PrintedChar> chars) {
        return chars.isEmpty() ? EMPTY : new PrintedText(chars);
    }

    /**
     * Text from a plain Unicode string (which may contain variation sequences); braces are taken
     * literally. Use {@link #parse} for the tagged form.
     */
    public static PrintedText plain(String unicode) {
        List<PrintedChar> out = new ArrayList<>(unicode.length());
        int[] cps = unicode.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (i + 1 < cps.length && PrintedChar.isVariationSelector(cps[i + 1])) {
                out.add(new PrintedChar.VariationSequence(cp, cps[++i]));
            } else if (PrintedChar.isVariationSelector(cp)) {
                throw new IllegalArgumentException("variation selector without a base character at index " + i);
            } else {
                out.add(PrintedChar.Ucs.of(cp));
            }
        }
        return of(out);
    }

    /**
     * Parses the tagged form.
     *
     * @throws IllegalArgumentException naming the position and the reason when the text is malformed
     */
    public static PrintedText parse(String tagged) {
        if (tagged == null || tagged.isEmpty()) {
            return EMPTY;
        }
        List<PrintedChar> out = new ArrayList<>(tagged.length());
        int i = 0;
        int n = tagged.length();
        while (i < n) {
            int cp = tagged.codePointAt(i);
            if (cp == '{') {
                int end = tagged.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed tag at position " + i);
                }
                out.add(parseTag(tagged.substring(i + 1, end), i));
                i = end + 1;
            } else if (cp == '}') {
                throw new IllegalArgumentException("unexpected '}' at position " + i);
            } else if (PrintedChar.isVariationSelector(cp)) {
                if (out.isEmpty() || !(out.get(out.size() - 1) instanceof PrintedChar.Ucs base)) {
                    throw new IllegalArgumentException("variation selector without a base character at position " + i);
                }
                out.set(out.size() - 1, new PrintedChar.VariationSequence(base.codePoint(), cp));
                i += Character.charCount(cp);
            } else {
                out.add(PrintedChar.Ucs.of(cp));
                i += Character.charCount(cp);
            }
        }
        return of(out);
    }

    private static PrintedChar parseTag(String body, int position) {
        if (body.startsWith("MJ")) {
            try {
                return new PrintedChar.MjOnly(MjId.parse(body));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad MJ tag {" + body + "} at position " + position);
            }
        }
        if (body.startsWith("VND:") && body.length() > 4) {
            return new PrintedChar.UnidentifiedVendor(body.substring(4));
        }
        if (body.startsWith("U+") && body.length() >= 6 && body.length() <= 8) {
            try {
                return PrintedChar.Ucs.of(Integer.parseInt(body.substring(2), 16));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad code point tag {" + body + "} at position " + position);
            }
        }
        throw new IllegalArgumentException("unknown tag {" + body + "} at position " + position);
    }

    public List<PrintedChar> chars() {
        return chars;
    }

    public Stream<PrintedChar> stream() {
        return chars.stream();
    }

    /** Number of printed characters (a variation sequence counts once). */
    public int length() {
        return chars.size();
    }

    public boolean isEmpty() {
        return chars.isEmpty();
    }

    /** Whether any character is an unidentified vendor character (未同定外字). */
    public boolean hasUnidentified() {
        for (PrintedChar c : chars) {
            if (!c.printable()) {
                return true;
            }
        }
        return false;
    }

    public String toTagged() {
        StringBuilder sb = new StringBuilder(chars.size() + 8);
        for (PrintedChar c : chars) {
            sb.append(c.toTagged());
        }
        return sb.toString();
    }

    /** The text as extracted from a rendered PDF (see {@link PrintedChar#toUnicode()}). */
    public String toUnicode() {
        StringBuilder sb = new StringBuilder(chars.size() + 8);
        for (PrintedChar c : chars) {
            sb.append(c.toUnicode());
        }
        return sb.toString();
    }

    public PrintedText concat(PrintedText other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<PrintedChar> all = new ArrayList<>(chars.size() + other.chars.size());
        all.addAll(chars);
        all.addAll(other.chars);
        return new PrintedText(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrintedText other && chars.equals(other.chars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chars);
    }

    /** The tagged form; this is printed data, so never log it. */
    @Override
    public String toString() {
        return toTagged();
    }
}
