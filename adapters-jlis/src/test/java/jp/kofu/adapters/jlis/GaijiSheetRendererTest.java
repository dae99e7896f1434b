package jp.kofu.adapters.jlis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry.Match;
import jp.kofu.core.gaiji.domain.IdentificationSheet;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;

class GaijiSheetRendererTest {

    private static final IpamjFont FONT = IpamjFont.shared();
    private static final IpamjGlyphResolver GLYPHS = new IpamjGlyphResolver(FONT);
    private final GaijiSheetRenderer renderer = new GaijiSheetRenderer(FONT, GLYPHS);

    private static IdentificationSheet.Row row(String code, String mj) {
        MjCharacter c = MjRepertoire.shared().byId(MjId.parse(mj)).orElseThrow();
        return new IdentificationSheet.Row(code, c.printedChar(), Optional.of(c.id()), Match.SAME_SHAPE, c.keyLabels());
    }

    private static IdentificationSheet sheet(List<IdentificationSheet.Row> rows) {
        return new IdentificationSheet("402036 久留米市", 3, LocalDate.of(2026, 11, 26), "staff-1", rows);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theSheetShowsEachVendorCodeWithItsMjIdKeysAndTheConfirmationLine() throws IOException {
        byte[] pdf = renderer.render(sheet(List.of(row("U+E021", "MJ026201"), row("U+E032", "MJ022337"),
                row("SJIS:F040", "MJ037229"))));

        String text = text(pdf);
        assertThat(text).contains("文字同定確認票").contains("402036 久留米市").contains("第3版").contains("令和8年11月26日")
                .contains("U+E021").contains("MJ026201").contains("住基 J+BD5E").contains("UCS U+908A U+E010E")
                .contains("SJIS:F040").contains("MJ037229").contains("同一字形").contains("確認者");
        assertThat(text).contains(new PrintedChar.VariationSequence(0x908A, 0xE010E).toUnicode());
    }

    @Test
    void eachRowsLargeGlyphIsTheIpamjGlyphOfItsMjCharacter() throws IOException {
        List<IdentificationSheet.Row> rows = List.of(row("U+E021", "MJ026201"), row("U+E0A1", "MJ028144"),
                row("SJIS:F040", "MJ037229"));
        byte[] pdf = renderer.render(sheet(rows));

        try (WrittenGlyphs written = WrittenGlyphs.of(pdf)) {
            List<String> drawn = new ArrayList<>();
            for (int[] run : written.runs(0)) {
                if (run.length == 1) {
                    drawn.add(written.subsetOutline(written.subsetGlyph(run[0])));
                }
            }
            for (IdentificationSheet.Row r : rows) {
                int gid = GLYPHS.resolve(r.character()).orElseThrow().glyphId();
                assertThat(FONT.glyphNames().nameOf(gid)).isEqualTo(r.mj().orElseThrow().glyphName());
                assertThat(drawn).contains(WrittenGlyphs.outline(FONT.trueType(), gid));
            }
        }
    }

    @Test
    void elevenCodesTakeTwoPages() throws IOException {
        List<IdentificationSheet.Row> rows = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            rows.add(row(String.format("U+E1%02X", i), "MJ026201"));
        }

        try (PDDocument document = Loader.loadPDF(renderer.render(sheet(rows)))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void aCharacterWithoutAnExactGlyphFailsTheSheetNamingTheVendorCode() {
        IdentificationSheet.Row plane16 = new IdentificationSheet.Row("U+E0A9", PrintedChar.Ucs.of(0x100041),
                Optional.empty(), Match.SIMILAR, List.of("UCS U+100041"));

        assertThatThrownBy(() -> renderer.render(sheet(List.of(plane16)))).isInstanceOf(RenderingException.class)
                .hasMessageContaining("U+E0A9");
    }

    @Test
    void theSameSheetGivesTheSameBytes() {
        IdentificationSheet s = sheet(List.of(row("U+E021", "MJ026201")));

        assertThat(renderer.render(s)).isEqualTo(renderer.render(s));
    }

    @Test
    void anEmptyTableStillGivesASheet() throws IOException {
        assertThat(text(renderer.render(sheet(List.of())))).contains("文字同定確認票").contains("外字 0件");
    }
}
