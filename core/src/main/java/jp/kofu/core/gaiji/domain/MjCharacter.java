package jp.kofu.core.gaiji.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One character of the MJ character list (MJ文字情報一覧表) with the keys other registries use for it: a
 * read-only view built by {@link MjRepertoire} on demand.
 *
 * @param id the MJ id (MJ文字図形名)
 * @param ucs the corresponding UCS code point (対応するUCS), if any
 * @param implementedUcs the code point IPAmj Mincho maps to this glyph (実装したUCS), if any
 * @param ivs the Moji_Joho ideographic variation sequence (実装したMoji_JohoコレクションIVS), if any
 * @param svs the standardized variation sequence (実装したSVS), if any
 * @param kosekiNumber 戸籍統一文字番号, six digits, e.g. {@code 001340}
 * @param jukiCode 住基ネット統一文字コード, e.g. {@code J+AD1D}
 * @param nyukanSeiji 入管正字コード, e.g. {@code 0x3402}
 * @param nyukanGaiji 入管外字コード, e.g. {@code 0xE578}
 * @param jisX0213 JIS X 0213 面-区-点, e.g. {@code 1-01-25}
 * @param tokiNumber 登記統一文字番号, eight digits
 * @param strokes 総画数
 */
public record MjCharacter(
        MjId id,
        OptionalInt ucs,
        OptionalInt implementedUcs,
        Optional<PrintedChar.VariationSequence> ivs,
        Optional<PrintedChar.VariationSequence> svs,
        Optional<String> kosekiNumber,
        Optional<String> jukiCode,
        Optional<String> nyukanSeiji,
        Optional<String> nyukanGaiji,
        Optional<String> jisX0213,
        Optional<String> tokiNumber,
        int strokes) {

    public MjCharacter {
        Objects.requireNonNull(id, "id");
    }

    /**
     * How kofu stores and prints this character exactly (印字文字): its Moji_Joho variation sequence when it
     * has one (the sequence names this very glyph in any Moji_Joho font), else its implemented code point
     * (which IPAmj maps to this glyph and no other), else its MJ id alone ({@link PrintedChar.MjOnly}).
     */
    public PrintedChar printedChar() {
        if (ivs.isPresent()) {
            return ivs.get();
        }
        if (implementedUcs.isPresent()) {
            return PrintedChar.Ucs.of(implementedUcs.getAsInt());
        }
        return new PrintedChar.MjOnly(id);
    }

    /**
     * The keys of the character for people to read (on the 文字同定 review sheet), e.g.
     * {@code 住基 J+9089}, {@code 戸籍 445000}, {@code UCS U+8FBA U+E0101}, {@code JIS 1-77-25}.
     */
    public List<String> keyLabels() {
        List<String> keys = new ArrayList<>();
        jukiCode.ifPresent(k -> keys.add("住基 " + k));
        kosekiNumber.ifPresent(k -> keys.add("戸籍 " + k));
        tokiNumber.ifPresent(k -> keys.add("登記 " + k));
        nyukanSeiji.ifPresent(k -> keys.add("入管正字 " + k));
        nyukanGaiji.ifPresent(k -> keys.add("入管外字 " + k));
        if (ivs.isPresent()) {
            keys.add("UCS " + CodePoints.notation(ivs.get()));
        } else if (implementedUcs.isPresent()) {
            keys.add("UCS " + CodePoints.notation(implementedUcs.getAsInt()));
        } else if (ucs.isPresent()) {
            keys.add("対応UCS " + CodePoints.notation(ucs.getAsInt()) + " (未実装: MJ文字図形名で印字)");
        } else {
            keys.add("UCSなし (MJ文字図形名で印字)");
        }
        jisX0213.ifPresent(k -> keys.add("JIS X 0213 " + k));
        return keys;
    }
}
