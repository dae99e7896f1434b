package jp.kofu.core.sync.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.VendorTextConverter;
import jp.kofu.core.sync.domain.InputProblem;

/**
 * Text cells (文字の表現) read what core's converter reads — a raw private-use code point is a vendor 外字, a
 * {@code {U+XXXX}} tag exactly that code point — and {@link Representable#text} writes them back so.
 * (These were the adapters' {@code TextCodecTest}.)
 */
class TextCellsTest {

    static final CorrespondenceTable TABLE = new CorrespondenceTable(1, Map.of("U+E012", new PrintedChar.MjOnly(new MjId(37229))));
    static final Layout LAYOUT = new Layout("things", "things.csv");
    static final int TEXT = LAYOUT.required("text");

    List<String> problems = List.of();

    List<PrintedText> read(String... cells) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"text"});
        for (String cell : cells) {
            rows.add(new String[] {cell});
        }
        List<PrintedText> texts = new ArrayList<>();
        Parsed<Object> parsed = new LayoutReader(TABLE).read(InMemoryRows.ofCells("things.csv", rows), LAYOUT,
                new Parsed<>("things.csv"), (c, p) -> {
                    texts.add(c.text(TEXT, true));
                    return null;
                });
        problems = parsed.problems().toList().stream().map(InputProblem::toString).toList();
        return texts;
    }

    @Test
    void withoutTagsItReadsExactlyWhatCoresConverterReads() {
        VendorTextConverter converter = new VendorTextConverter(TABLE);
        // ("\uE012\uDB40\uDD00", a vendor 外字 with a selector, was on this list; core's converter now refuses it,
        // see CellsTest.vendorTextErrorsAreLocatedInTheCellNotInTheConvertersRewriting)
        List<String> cells = List.of("山田 太郎", "𠮷田", "葛\uDB40\uDD00西", "吉\uFE00", "\uE012田\uE013", "a\uDBC0\uDC00b");

        List<PrintedText> texts = read(cells.toArray(String[]::new));

        for (int i = 0; i < cells.size(); i++) {
            assertThat(texts.get(i)).as(cells.get(i)).isEqualTo(converter.convert(cells.get(i)));
        }
    }

    @Test
    void aVariationSelectorWithoutBaseFailsAsInCore() {
        assertThat(read("葛\uFE00\uFE01")).containsOnlyNulls();

        assertThat(problems).containsExactly("things.csv:2:text variation selector without a base character at character 3");
    }

    @Test
    void aPrivateUseCodePointTagIsThatCodePointWhileARawOneIsAVendorCharacter() {
        PrintedText text = read("{U+E012}\uE012{MJ000001}{VND:U+E012}{VND:SJIS:F040}").get(0);

        assertThat(text.chars()).containsExactly(new PrintedChar.Ucs(0xE012), new PrintedChar.MjOnly(new MjId(37229)),
                new PrintedChar.MjOnly(new MjId(1)), new PrintedChar.MjOnly(new MjId(37229)),
                new PrintedChar.UnidentifiedVendor("SJIS:F040"));
    }

    @Test
    void encodingWritesVendorCodesRawAndPrivateUseCharactersAsTags() {
        PrintedText text = PrintedText.of(List.of(new PrintedChar.UnidentifiedVendor("U+E012"),
                new PrintedChar.UnidentifiedVendor("u+e012"), new PrintedChar.UnidentifiedVendor("U+0041"),
                new PrintedChar.Ucs(0xF8FF), new PrintedChar.VariationSequence(0xE000, 0xFE00), new PrintedChar.Ucs('{')));

        assertThat(Representable.text(text)).isEqualTo("\uE012{VND:u+e012}{VND:U+0041}{U+F8FF}{U+E000}\uFE00{U+007B}");
    }

    @Test
    void plainTextIsItsTaggedForm() {
        assertThat(Representable.text(PrintedText.plain("久留米市"))).isEqualTo("久留米市");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        PrintedText text = PrintedText.of(List.of(new PrintedChar.UnidentifiedVendor("U+E013"),
                PrintedChar.Ucs.of(0xE012), new PrintedChar.Ucs(0x100000), new PrintedChar.MjOnly(new MjId(1)),
                new PrintedChar.VariationSequence(0x845B, 0xE0100), PrintedChar.Ucs.of('}')));

        assertThat(read(Representable.text(text))).containsExactly(text);
        assertThat(problems).isEmpty();
    }
}
