package jp.kofu.core.gaiji.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a correspondence table (対照表の1行): a vendor 外字 code, the character it was identified as
 * in the 文字同定, the MJ id of that character when it is an MJ character, and how close the match is.
 *
 * @param vendorCode the vendor code in kofu's notation ({@link VendorCode}), e.g. {@code U+E012}
 * @param character the printed character (never an unidentified vendor character)
 * @param mj the MJ character, when the target is one (a 行政事務標準文字 in plane 16 is not)
 * @param match how the vendor's glyph and the identified character compare
 */
public record CorrespondenceEntry(String vendorCode, PrintedChar character, Optional<MjId> mj, Match match) {

    public CorrespondenceEntry {
        if (!VendorCode.isValid(vendorCode)) {
            throw new IllegalArgumentException("not a vendor code in canonical form: " + vendorCode);
        }
        Objects.requireNonNull(character, "character");
        if (!character.printable()) {
            throw new IllegalArgumentException("a vendor code maps to a printable character");
        }
        mj = mj == null ? Optional.empty() : mj;
        if (character instanceof PrintedChar.MjOnly m && mj.isPresent() && !mj.get().equals(m.id())) {
            throw new IllegalArgumentException("the MJ id differs from the MJ-only character's");
        }
        Objects.requireNonNull(match, "match");
    }

    /** An entry for an MJ character, printed as the repertoire prints it. */
    public static CorrespondenceEntry ofMj(String vendorCode, MjCharacter mj, Match match) {
        return new CorrespondenceEntry(vendorCode, mj.printedChar(), Optional.of(mj.id()), match);
    }

    /**
     * How a vendor's 外字 glyph and the identified character compare (文字同定の結果区分), as the 文字同定
     * guidelines sort them.
     */
    public enum Match {
        /** 同一字形: the same shape. */
        SAME_SHAPE("同一字形"),
        /** デザイン差: a difference of design only (the same character). */
        DESIGN_DIFFERENCE("デザイン差"),
        /** 類似字形: only similar; the city accepted the nearest MJ character. */
        SIMILAR("類似字形");

        private final String japanese;

        Match(String japanese) {
            this.japanese = japanese;
        }

        public String japanese() {
            return japanese;
        }

        /** The file form: {@code same}, {@code design}, {@code similar}. */
        public String wireName() {
            return switch (this) {
                case SAME_SHAPE -> "same";
                case DESIGN_DIFFERENCE -> "design";
                case SIMILAR -> "similar";
            };
        }

        public static Match fromWireName(String name) {
            for (Match m : values()) {
                if (m.wireName().equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("not a match kind (same, design or similar): " + name);
        }
    }
}
