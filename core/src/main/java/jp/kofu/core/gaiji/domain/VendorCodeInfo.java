package jp.kofu.core.gaiji.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a vendor's own code table (ベンダー外字表) says about one of its 外字: the keys by which the vendor
 * knows the character, if any. Vendors typically give the 住基ネット統一文字コード or the 戸籍統一文字番号
 * for characters they took from those sets, sometimes a UCS code point or variation sequence, and a
 * substitute standard character (代替文字) they print where the 外字 cannot be shown.
 *
 * @param vendorCode the vendor code, canonical ({@link VendorCode})
 * @param jukiCode 住基ネット統一文字コード, e.g. {@code J+9089}
 * @param kosekiNumber 戸籍統一文字番号, six digits
 * @param character a UCS code point or variation sequence the vendor gives for it
 * @param substitute the substitute standard character (代替文字), a code point
 * @param note the vendor's remark, free text
 */
public record VendorCodeInfo(String vendorCode, Optional<String> jukiCode, Optional<String> kosekiNumber,
                             Optional<PrintedChar> character, OptionalInt substitute, String note) {

    public VendorCodeInfo {
        if (!VendorCode.isValid(vendorCode)) {
            throw new IllegalArgumentException("not a vendor code in canonical form: " + vendorCode);
        }
        jukiCode = jukiCode == null ? Optional.empty() : jukiCode;
        kosekiNumber = kosekiNumber == null ? Optional.empty() : kosekiNumber;
        character = character == null ? Optional.empty() : character;
        substitute = substitute == null ? OptionalInt.empty() : substitute;
        note = note == null ? "" : note;
        jukiCode.ifPresent(MjRepertoire::parseJuki);
        kosekiNumber.ifPresent(k -> MjRepertoire.parseDigits(k, 6, "戸籍統一文字番号"));
        character.ifPresent(c -> {
            if (!(c instanceof PrintedChar.Ucs) && !(c instanceof PrintedChar.VariationSequence)) {
                throw new IllegalArgumentException("a vendor's character is a code point or a variation sequence");
            }
        });
        Objects.requireNonNull(note);
    }

    /** Only the code, nothing known about it. */
    public static VendorCodeInfo unknown(String vendorCode) {
        return new VendorCodeInfo(vendorCode, Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), "");
    }

    /** Whether the vendor gives a registry key (住基ネット統一文字コード or 戸籍統一文字番号). */
    public boolean hasRegistryKey() {
        return jukiCode.isPresent() || kosekiNumber.isPresent();
    }
}
