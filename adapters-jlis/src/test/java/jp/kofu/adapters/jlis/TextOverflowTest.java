package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Certificates.aMember;
import static jp.kofu.adapters.jlis.Certificates.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * 文字溢れ: long names (up to 100 characters) and addresses (up to 250) in every kind and both form sets
 * are never refused nor cut. Read back with PDFBox: each box holds exactly its part of the text in reading
 * order, wholly inside the box, and what did not fit continues in the 備考/続き area after the same
 * reference mark, so that box + continuation is the input, every character exactly once.
 */
class TextOverflowTest {

    private static final PdfCertificateRenderer RENDERER = PdfCertificateRenderer.withBundledFont();
    private static final String KANJI = "久留米城南町筑後川耳納連山高良大社水天宮成田山梅林寺石橋文化センター";
    private static final String ADDRESS_PARTS = "福岡県久留米市城南町十五番地三　久留米城南ハイツ南棟千二百三号室　";

    /** A text of exactly n printed characters cycling through the sample. */
    static String chars(String sample, int n) {
        StringBuilder sb = new StringBuilder();
        int[] cps = sample.codePoints().toArray();
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(cps[i % cps.length]);
        }
        return sb.toString();
    }

    private static CertificateContent.Juminhyo juminhyo(String address, String name) {
        return new CertificateContent.Juminhyo(Certificates.attestation("この写しは、住民票の原本と相違ないことを証明する。"),
                text(address), PrintedText.EMPTY, text("久留米　太郎"),
                List.of(aMember(name).build(), aMember("久留米　花子").build()), "【空欄】");
    }

    private static CertificateContent.Inkan inkan(String address, String name) {
        return new CertificateContent.Inkan(Certificates.attestation("この写しは、登録されている印影と相違ないことを証明する。"),
                text(name), PrintedText.EMPTY, LocalDate.of(1985, 4, 12), Optional.of(Sex.FEMALE), text(address),
                PrintedText.EMPTY, Optional.of("123456"), new SealImage(Certificates.sealPng(), 15, 15));
    }

    private static CertificateContent.Shotoku shotoku(String address, String name) {
        return new CertificateContent.Shotoku(Certificates.attestation("上記のとおり証明します。"), 2026, text(name),
                LocalDate.of(1980, 1, 15), text(address),
                List.of(new TaxRecord.Income(TaxRecord.IncomeKind.SALARY, 5_000_000, 3_560_000)),
                List.of(new TaxRecord.Deduction(TaxRecord.DeductionKind.BASIC, 430_000)),
                2_397_000, 150_000, 5_000, List.of(new TaxRecord.Dependant(text(name), "子", false)));
    }

    /**
     * Checks one item: its box holds what the renderer says, wholly inside; any continuation holds the rest
     * after the box's reference mark; box + continuations = the input.
     *
     * @return how many continuation placements the item has
     */
    static int assertWhole(PdfCertificateRenderer.Traced traced, GlyphLayout layout, String item, String input) {
        List<Sheet.Placement> boxes = traced.placements().stream().filter(p -> p.item().equals(item)).toList();
        assertThat(boxes).as("the box of " + item).hasSize(1);
        Sheet.Placement box = boxes.get(0);
        assertThat(layout.textIn(box)).as("what " + item + "'s box shows, in reading order").isEqualTo(box.drawn());
        assertThat(layout.allInside(box)).as(item + " drawn inside its box").isTrue();
        List<Sheet.Placement> notes = traced.placements().stream()
                .filter(p -> p.item().equals(item + "（続き）")).toList();
        StringBuilder whole = new StringBuilder(box.own());
        for (Sheet.Placement note : notes) {
            assertThat(layout.textIn(note)).as("the continuation of " + item).isEqualTo(note.drawn());
            whole.append(note.own());
        }
        if (!notes.isEmpty()) {
            String mark = box.drawn().substring(box.own().length());
            assertThat(mark).as("the reference mark in the box").matches("※\\d+");
            assertThat(notes.get(0).drawn()).startsWith(mark + "　" + item + "（続き）　");
        } else {
            assertThat(box.drawn()).isEqualTo(box.own());
        }
        assertThat(whole.toString()).as("every character of " + item + " exactly once, in order").isEqualTo(input);
        return notes.size();
    }

    @ParameterizedTest(name = "a {0}-character name and a {0}×2.5-character address on every kind, both form sets")
    @ValueSource(ints = {10, 40, 70, 100})
    void longNamesAndAddressesPrintWholeOnEveryKind(int n) {
        String name = chars(KANJI, n);
        String address = chars(ADDRESS_PARTS, Math.min(250, n * 5 / 2));
        for (String tenant : List.of("", "402036")) {
            RenderOptions options = new RenderOptions("", tenant);

            var j = RENDERER.renderTraced(juminhyo(address, name), options);
            GlyphLayout jl = GlyphLayout.of(j.pdf());
            assertWhole(j, jl, "住所", address);
            assertWhole(j, jl, "氏名（1人目）", name);

            var i = RENDERER.renderTraced(inkan(address, name), options);
            GlyphLayout il = GlyphLayout.of(i.pdf());
            assertWhole(i, il, "住所", address);
            assertWhole(i, il, "氏名", name);

            var s = RENDERER.renderTraced(shotoku(address, name), options);
            GlyphLayout sl = GlyphLayout.of(s.pdf());
            assertWhole(s, sl, "住所（1月1日現在）", address);
            assertWhole(s, sl, "氏名", name);
        }
    }

    @Test
    void aHundredCharacterNameAndA250CharacterAddressContinueWithReferenceMarks() {
        String name = chars(KANJI, 100);
        String address = chars(ADDRESS_PARTS, 250);
        var traced = RENDERER.renderTraced(juminhyo(address, name), RenderOptions.plain());
        GlyphLayout layout = GlyphLayout.of(traced.pdf());

        assertThat(assertWhole(traced, layout, "氏名（1人目）", name)).isPositive();
        assertThat(assertWhole(traced, layout, "住所", address)).isPositive();
        // the continuation sheet counts in the page marks and carries the attestation
        assertThat(layout.pages()).isEqualTo(2);
        String all = Certificates.textOf(traced.pdf());
        assertThat(all).contains("1/2", "2/2", "備考（続き）");
        assertThat(all.indexOf("この写しは")).isGreaterThan(all.indexOf("備考（続き）"));
    }

    @Test
    void theInkanContinuesOnItsOwnPageInTheTemplatesArea() {
        String address = chars(ADDRESS_PARTS, 250);
        var traced = RENDERER.renderTraced(inkan(address, "久留米　花子"), RenderOptions.plain());
        GlyphLayout layout = GlyphLayout.of(traced.pdf());

        assertThat(assertWhole(traced, layout, "住所", address)).isEqualTo(1);
        assertThat(layout.pages()).isEqualTo(1);
    }

    @Test
    void anAlphabeticNameWrapsAtItsSpaces() {
        String name = "MUHAMMAD ABDULRAHMAN BIN ABDULLAH AL-FULANI SANTOS DE LA CRUZ";
        var traced = RENDERER.renderTraced(juminhyo("福岡県久留米市城南町15番地3", name), RenderOptions.plain());
        GlyphLayout layout = GlyphLayout.of(traced.pdf());

        assertWhole(traced, layout, "氏名（1人目）", name);
        Sheet.Placement box = traced.placements().stream().filter(p -> p.item().equals("氏名（1人目）")).findFirst()
                .orElseThrow();
        List<String> lines = lines(layout.in(box));
        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(line).as("a wrapped line ends at a space").endsWith(" ");
        }
    }

    @Test
    void anAddressWrapsAfterChomeAndBanchi() {
        String address = "福岡県久留米市城南町一丁目二十三番地四十五　久留米城南町グランドハイツ東棟十二階千二百三号室".repeat(2);
        var traced = RENDERER.renderTraced(juminhyo(address, "久留米　太郎"), RenderOptions.plain());
        GlyphLayout layout = GlyphLayout.of(traced.pdf());

        assertWhole(traced, layout, "住所", address);
        Sheet.Placement box = traced.placements().stream().filter(p -> p.item().equals("住所")).findFirst()
                .orElseThrow();
        List<String> lines = lines(layout.in(box));
        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(line).as("a wrapped address line ends at a boundary")
                    .matches("(?s).*(丁目|番地|番|号|　|室)$");
        }
    }

    @Test
    void variationSequencesAndCharactersBeyondTheBmpAreNeverSplitByAWrap() {
        // 葛 with its ideographic variation selector, 𠮷 beyond the BMP: each one printed character
        String unit = "葛\uDB40\uDD02𠮷城";
        String name = unit.repeat(30);
        var traced = RENDERER.renderTraced(juminhyo("福岡県久留米市城南町15番地3", name), RenderOptions.plain());
        GlyphLayout layout = GlyphLayout.of(traced.pdf());

        assertWhole(traced, layout, "氏名（1人目）", name);
        for (GlyphLayout.Glyph g : layout.glyphs()) {
            assertThat(g.text()).as("no glyph is half a sequence or half a pair")
                    .doesNotStartWith("\uDB40").isNotEqualTo("\uDD00");
        }
    }

    /** Groups glyphs into lines by baseline, top line first. */
    private static List<String> lines(List<GlyphLayout.Glyph> glyphs) {
        List<String> lines = new ArrayList<>();
        double baseline = Double.NaN;
        StringBuilder line = new StringBuilder();
        for (GlyphLayout.Glyph g : glyphs) {
            if (!Double.isNaN(baseline) && Math.abs(g.baseline() - baseline) > 0.5) {
                lines.add(line.toString());
                line.setLength(0);
            }
            baseline = g.baseline();
            line.append(g.text());
        }
        lines.add(line.toString());
        return lines;
    }
}
