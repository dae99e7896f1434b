package jp.kofu.core.gaiji.domain;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.BitSet;
import java.util.Optional;

/**
 * The kinds of character a 文字同定 scan reports (要確認文字の種別): everything but the characters every
 * system shows the same way. A character belongs to the first kind that applies, in declaration order.
 */
public enum CharacterKind {
    /** 未同定外字: a vendor code the tenant's correspondence table does not map; suppresses certificates. */
    UNIDENTIFIED_VENDOR("未同定外字"),
    /** MJ文字図形名のみ: a character only an MJ id names. */
    MJ_ONLY("MJ文字図形名のみ"),
    /** 異体字シーケンス: a base character with a variation selector. */
    VARIATION_SEQUENCE("異体字シーケンス"),
    /** 私用領域: a literal private-use code point, such as a 行政事務標準文字 (MJ+) in plane 16. */
    PRIVATE_USE("私用領域"),
    /** 追加面: a character beyond the BMP (e.g. 𠮷 U+20BB7). */
    BEYOND_BMP("追加面"),
    /** JIS X 0208外の漢字: a BMP ideograph outside JIS X 0208 (JIS第1・第2水準). */
    OUTSIDE_JIS_X_0208("JIS X 0208外");

    private final String japanese;

    CharacterKind(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }

    /**
     * The kind of a printed character, or empty for a standard character (JIS X 0208 kanji, kana, Latin,
     * digits, symbols). Thread-safe.
     */
    public static Optional<CharacterKind> of(PrintedChar c) {
        if (c instanceof PrintedChar.UnidentifiedVendor) {
            return Optional.of(UNIDENTIFIED_VENDOR);
        }
        if (c instanceof PrintedChar.MjOnly) {
            return Optional.of(MJ_ONLY);
        }
        if (c instanceof PrintedChar.VariationSequence) {
            return Optional.of(VARIATION_SEQUENCE);
        }
        int cp = ((PrintedChar.Ucs) c).codePoint();
        if (CorrespondenceTable.isPrivateUse(cp)) {
            return Optional.of(PRIVATE_USE);
        }
        if (cp > 0xFFFF) {
            return Optional.of(BEYOND_BMP);
        }
        if (Character.isIdeographic(cp) && !Jis0208.KANJI.get(cp)) {
            return Optional.of(OUTSIDE_JIS_X_0208);
        }
        return Optional.empty();
    }

    /** The BMP ideographs of JIS X 0208, computed once through the JDK's Shift_JIS encoder. */
    private static final class Jis0208 {
        static final BitSet KANJI = compute();

        private static BitSet compute() {
            BitSet set = new BitSet(0x10000);
            if (!Charset.isSupported("Shift_JIS")) {
                return set; // every ideograph is then reported: noisy, never silent
            }
            CharsetEncoder encoder = Charset.forName("Shift_JIS").newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            for (int cp = 0x3000; cp < 0x10000; cp++) {
                if (Character.isIdeographic(cp) && !Character.isSurrogate((char) cp)) {
                    try {
                        encoder.reset();
                        encoder.encode(java.nio.CharBuffer.wrap(new char[] {(char) cp}));
                        set.set(cp);
                    } catch (CharacterCodingException e) {
                        // not in JIS X 0208
                    }
                }
            }
            return set;
        }
    }
}
