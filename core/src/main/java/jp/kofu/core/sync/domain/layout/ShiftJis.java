package jp.kofu.core.sync.domain.layout;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

import jp.kofu.core.gaiji.domain.VendorCode;

/**
 * Windows-31J (Microsoft's Shift_JIS, シフトJIS, also called CP932) as lookup tables built once from the JDK's
 * charset, for the fixed-length codec: decoding a field is a table lookup per byte or byte pair, and no
 * replacement character is ever produced. The user-defined area (利用者定義領域, lead bytes F0–F9) is not
 * decoded here: the codec turns it into vendor 外字 codes ({@code SJIS:F040}), never into the private-use
 * code points the JDK would give.
 *
 * <p>Immutable and thread-safe.
 */
final class ShiftJis {

    static final Charset CHARSET = Charset.forName("windows-31j");

    /** Double-byte character by {@code lead << 8 | trail}, 0 where the pair is not a character. */
    private static final char[] DOUBLE = new char[0x10000];
    /** Encoding of each BMP character: 1–255 one byte, above 0xFF two bytes, 0 none (NUL is 0 too). */
    private static final int[] ENCODE = new int[0x10000];

    static {
        CharsetDecoder decoder = CHARSET.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] pair = new byte[2];
        for (int lead = 0x81; lead <= 0xFC; lead++) {
            if (isSingle(lead) || VendorCode.isShiftJisUserDefinedLead(lead)) {
                continue;
            }
            for (int trail = 0x40; trail <= 0xFC; trail++) {
                if (trail == 0x7F) {
                    continue;
                }
                pair[0] = (byte) lead;
                pair[1] = (byte) trail;
                try {
                    CharBuffer out = decoder.reset().decode(ByteBuffer.wrap(pair));
                    if (out.length() == 1) {
                        DOUBLE[lead << 8 | trail] = out.charAt(0);
                    }
                } catch (CharacterCodingException e) {
                    // not a character of windows-31j
                }
            }
        }
        CharsetEncoder encoder = CHARSET.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] one = new char[1];
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c) || c >= 0xE000 && c <= 0xF8FF) {
                continue; // private use: only as vendor codes, never by the JDK's mapping
            }
            one[0] = (char) c;
            try {
                ByteBuffer b = encoder.reset().encode(CharBuffer.wrap(one));
                if (b.remaining() == 1 && single(b.get(0) & 0xFF) == c) {
                    ENCODE[c] = b.get(0) & 0xFF;
                } else if (b.remaining() == 2) {
                    int code = (b.get(0) & 0xFF) << 8 | b.get(1) & 0xFF;
                    // the encoder only round-trips: a pair that decodes to another character is not taken
                    if (DOUBLE[code] == c) {
                        ENCODE[c] = code;
                    }
                }
            } catch (CharacterCodingException e) {
                // not in windows-31j
            }
        }
    }

    private ShiftJis() {
    }

    /** Whether the byte is a character by itself: ASCII (00–7F) or half-width katakana (A1–DF). */
    static boolean isSingle(int b) {
        return b <= 0x7F || b >= 0xA1 && b <= 0xDF;
    }

    /** Whether the byte starts a double-byte character (81–9F, E0–FC). */
    static boolean isLead(int b) {
        return b >= 0x81 && b <= 0x9F || b >= 0xE0 && b <= 0xFC;
    }

    /** The single byte as a character (half-width katakana at U+FF61–U+FF9F), or -1 when it is none. */
    static int single(int b) {
        if (b <= 0x7F) {
            return b;
        }
        if (b >= 0xA1 && b <= 0xDF) {
            return 0xFF61 + b - 0xA1;
        }
        return -1;
    }

    /** The double-byte character, or 0 when the pair is not one (the user-defined area included). */
    static char pair(int lead, int trail) {
        return DOUBLE[(lead & 0xFF) << 8 | trail & 0xFF];
    }

    /**
     * The encoding of a BMP character: 1–255 for one byte (NUL, which is 0, is not needed), {@code lead << 8
     * | trail} above 0xFF, 0 when windows-31j has no such character. Private-use characters have none.
     */
    static int encode(char c) {
        return ENCODE[c];
    }
}
