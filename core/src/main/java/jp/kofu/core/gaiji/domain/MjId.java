package jp.kofu.core.gaiji.domain;

import java.util.regex.Pattern;

/**
 * An MJ character id (MJ文字図形名), such as {@code MJ012345}: the name of one glyph shape in the MJ
 * character list (MJ文字情報一覧表) and, in the IPAmj Mincho font, of its glyph ({@code mj012345}).
 *
 * @param number the numeric part, 1 to 999,999
 */
public record MjId(int number) implements Comparable<MjId> {

    private static final Pattern FORM = Pattern.compile("MJ\\d{6}");

    public MjId {
        if (number < 1 || number > 999_999) {
            throw new IllegalArgumentException("MJ id out of range: " + number);
        }
    }

    /** Parses {@code MJ012345}; anything else is rejected. */
    public static MjId parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("not an MJ id (expected MJ and six digits): " + text);
        }
        return new MjId(Integer.parseInt(text.substring(2)));
    }

    /** The glyph name of this character in IPAmj Mincho, e.g. {@code mj012345}. */
    public String glyphName() {
        return String.format("mj%06d", number);
    }

    @Override
    public String toString() {
        return String.format("MJ%06d", number);
    }

    @Override
    public int compareTo(MjId other) {
        return Integer.compare(number, other.number);
    }
}
