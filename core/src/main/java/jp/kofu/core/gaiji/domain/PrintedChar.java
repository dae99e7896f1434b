package jp.kofu.core.gaiji.domain;

/**
 * One character as it must be printed on a certificate (印字文字). A character is either a plain UCS code
 * point, a UCS code point with an ideographic variation selector (異体字セレクタ), a character that only an
 * MJ id can name, or a vendor character (外字) that has not been identified yet (未同定外字). The last kind
 * is representable so that no record is ever dropped for a character, but it can never be printed: a
 * certificate that would contain it is suppressed until the tenant's correspondence table (対照表) maps it.
 */
public sealed interface PrintedChar
        permits PrintedChar.Ucs, PrintedChar.VariationSequence, PrintedChar.MjOnly, PrintedChar.UnidentifiedVendor {

    /** The tag form used in storage and interchange files (see {@link PrintedText}). */
    String toTagged();

    /**
     * The Unicode text this character extracts to from a PDF: the code point, the code point plus its
     * selector, or, for characters without any code point of their own, {@link PrintedText#NO_CODE_POINT}.
     */
    String toUnicode();

    /** Whether the character can be printed (everything but an unidentified vendor character). */
    default boolean printable() {
        return true;
    }

    /** A plain Unicode scalar value (BMP or beyond, e.g. 𠮷 U+20BB7). */
    record Ucs(int codePoint) implements PrintedChar {

        /** One shared instance per BMP character: a 300,000-resident replica holds millions of them. */
        private static final Ucs[] BMP = new Ucs[0x10000];

        /** The character, shared for the BMP. */
        public static Ucs of(int codePoint) {
            if (codePoint >= 0 && codePoint < BMP.length) {
                Ucs cached = BMP[codePoint];
                if (cached == null) {
                    cached = new Ucs(codePoint);
                    BMP[codePoint] = cached; // a benign race: equal instances are interchangeable
                }
                return cached;
            }
            return new Ucs(codePoint);
        }

        public Ucs {
            if (!Character.isValidCodePoint(codePoint) || Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                throw new IllegalArgumentException("not a Unicode scalar value: U+" + Integer.toHexString(codePoint));
            }
            if (isVariationSelector(codePoint)) {
                throw new IllegalArgumentException("a variation selector must follow a base character");
            }
        }

        @Override
        public String toTagged() {
            if (codePoint == '{' || codePoint == '}' || Character.isISOControl(codePoint)) {
                return String.format("{U+%04X}", codePoint);
            }
            return Character.toString(codePoint);
        }

        @Override
        public String toUnicode() {
            return Character.toString(codePoint);
        }
    }

    /** A base character with a variation selector (IVS U+E0100–U+E01EF or SVS U+FE00–U+FE0F). */
    record VariationSequence(int base, int selector) implements PrintedChar {
        public VariationSequence {
            if (!isVariationSelector(selector)) {
                throw new IllegalArgumentException("not a variation selector: U+" + Integer.toHexString(selector));
            }
            new Ucs(base); // validates the base
        }

        @Override
        public String toTagged() {
            return new Ucs(base).toTagged() + Character.toString(selector);
        }

        @Override
        public String toUnicode() {
            return Character.toString(base) + Character.toString(selector);
        }
    }

    /** A character named by its MJ id, for the few MJ characters that have no code point or sequence. */
    record MjOnly(MjId id) implements PrintedChar {
        public MjOnly {
            if (id == null) {
                throw new IllegalArgumentException("MJ id is required");
            }
        }

        @Override
        public String toTagged() {
            return "{" + id + "}";
        }

        @Override
        public String toUnicode() {
            return PrintedText.NO_CODE_POINT;
        }
    }

    /**
     * A vendor 外字 code that the tenant's correspondence table does not map (yet). The code is the
     * vendor's own notation, e.g. {@code U+E012} for a private-use code point or {@code SJIS:F040} for a
     * Shift_JIS user-defined-area code.
     */
    record UnidentifiedVendor(String vendorCode) implements PrintedChar {
        public UnidentifiedVendor {
            if (vendorCode == null || vendorCode.isEmpty() || vendorCode.indexOf('}') >= 0 || vendorCode.indexOf('{') >= 0) {
                throw new IllegalArgumentException("bad vendor code: " + vendorCode);
            }
        }

        @Override
        public String toTagged() {
            return "{VND:" + vendorCode + "}";
        }

        @Override
        public String toUnicode() {
            return PrintedText.NO_CODE_POINT;
        }

        @Override
        public boolean printable() {
            return false;
        }
    }

    /** Whether the code point is a standard (SVS) or ideographic (IVS) variation selector. */
    static boolean isVariationSelector(int codePoint) {
        return codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF;
    }
}
