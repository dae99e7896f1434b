package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort.Glyph;

/**
 * Every MJ character prints with its own IPAmj glyph: resolved through the project's glyph resolution to the
 * glyph named {@code mj} + its number, and — rendered in charts of a few thousand characters — written into
 * the PDF's embedded subset as exactly that drawing, never {@code .notdef}.
 */
class MjCoverageTest {

    private static final IpamjFont FONT = IpamjFont.shared();
    private static final IpamjGlyphResolver GLYPHS = new IpamjGlyphResolver(FONT);
    private static final int PER_DOCUMENT = 3_000;

    @Test
    void everyMjCharacterResolvesToTheIpamjGlyphNamedAfterItsMjId() {
        List<String> wrong = new ArrayList<>();
        List<MjCharacter> all = MjRepertoire.shared().stream().toList();
        for (MjCharacter c : all) {
            Optional<Glyph> glyph = GLYPHS.resolve(c.printedChar());
            if (glyph.isEmpty() || !glyph.get().glyphName().equals(c.id().glyphName())) {
                wrong.add(c.id() + " " + c.printedChar().getClass().getSimpleName() + " → "
                        + glyph.map(Glyph::glyphName).orElse("no glyph"));
            }
        }

        assertThat(all).hasSize(58_862);
        assertThat(wrong).as("MJ characters not printed with their own glyph").isEmpty();
    }

    @Test
    void everyMjCharacterRenderedInChartsIsWrittenAsItsOwnGlyphAndNeverNotdef() throws IOException {
        long start = System.nanoTime();
        GaijiSheetRenderer renderer = new GaijiSheetRenderer(FONT, GLYPHS);
        List<MjCharacter> all = MjRepertoire.shared().stream().toList();
        int checked = 0;
        int documents = 0;
        List<String> wrong = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PER_DOCUMENT) {
            List<MjCharacter> part = all.subList(from, Math.min(all.size(), from + PER_DOCUMENT));
            List<PrintedChar> chars = part.stream().map(MjCharacter::printedChar).toList();
            byte[] pdf = renderer.chart("MJ文字一覧", LocalDate.of(2026, 11, 26), chars);
            documents++;
            try (WrittenGlyphs written = WrittenGlyphs.of(pdf)) {
                int next = 0;
                for (int page = 0; page < written.pages(); page++) {
                    List<int[]> runs = written.runs(page);
                    for (int r = 1; r < runs.size(); r++) { // run 0 is the page title
                        assertThat(runs.get(r)).hasSize(1);
                        MjCharacter expected = part.get(next++);
                        int subsetGid = written.subsetGlyph(runs.get(r)[0]);
                        int fontGid = GLYPHS.resolve(expected.printedChar()).orElseThrow().glyphId();
                        if (subsetGid == 0) {
                            wrong.add(expected.id() + " written as .notdef");
                        } else if (!written.subsetOutline(subsetGid).equals(WrittenGlyphs.outline(FONT.trueType(), fontGid))) {
                            wrong.add(expected.id() + " written with another drawing than " + expected.id().glyphName());
                        }
                        checked++;
                    }
                }
                assertThat(next).as("characters drawn in document " + documents).isEqualTo(part.size());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("MJ coverage: %,d characters in %d documents rendered, parsed back and compared in %,d ms%n",
                checked, documents, millis);

        assertThat(wrong).isEmpty();
        assertThat(checked).isEqualTo(58_862);
    }
}
