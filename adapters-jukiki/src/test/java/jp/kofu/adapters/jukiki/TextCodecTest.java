package jp.kofu.adapters.jukiki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.VendorTextConverter;

class TextCodecTest {

    static final CorrespondenceTable TABLE = new CorrespondenceTable(1, Map.of("U+E012", new PrintedChar.MjOnly(new MjId(37229))));

    @Test
    void withoutTagsItReadsExactlyWhatCoresConverterReads() {
        TextCodec codec = new TextCodec(TABLE);
        VendorTextConverter converter = new VendorTextConverter(TABLE);

        for (String cell : List.of("山田 太郎", "𠮷田", "葛\uDB40\uDD00西", "吉\uFE00", "\uE012田\uE013", "a\uDBC0\uDC00b",
                "\uE012\uDB40\uDD00")) {
            boolean privateUse = cell.chars().anyMatch(c -> c >= 0xE000 && c <= 0xF8FF || c >= 0xDB80 && c <= 0xDBFF);
            assertThat(codec.decode(cell, false, privateUse)).as(cell).isEqualTo(converter.convert(cell));
        }
    }

    @Test
    void aVariationSelectorWithoutBaseFailsAsInCore() {
        TextCodec codec = new TextCodec(TABLE);

        assertThatThrownBy(() -> codec.decode("葛\uFE00\uFE01", false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variation selector without a base character at position 2");
    }

    @Test
    void aPrivateUseCodePointTagIsThatCodePointWhileARawOneIsAVendorCharacter() {
        TextCodec codec = new TextCodec(TABLE);

        PrintedText text = codec.decode("{U+E012}\uE012{MJ000001}", true, true);

        assertThat(text.chars()).containsExactly(new PrintedChar.Ucs(0xE012), new PrintedChar.MjOnly(new MjId(37229)),
                new PrintedChar.MjOnly(new MjId(1)));
    }

    @Test
    void encodingWritesVendorCodesRawAndPrivateUseCharactersAsTags() {
        PrintedText text = PrintedText.of(List.of(new PrintedChar.UnidentifiedVendor("U+E012"),
                new PrintedChar.UnidentifiedVendor("u+e012"), new PrintedChar.UnidentifiedVendor("U+0041"),
                new PrintedChar.Ucs(0xF8FF), new PrintedChar.VariationSequence(0xE000, 0xFE00), new PrintedChar.Ucs('{')));

        assertThat(TextCodec.encode(text)).isEqualTo("\uE012{VND:u+e012}{VND:U+0041}{U+F8FF}{U+E000}\uFE00{U+007B}");
    }

    @Test
    void plainTextIsItsTaggedForm() {
        assertThat(TextCodec.encode(Samples.text("久留米市"))).isEqualTo("久留米市");
    }
}
