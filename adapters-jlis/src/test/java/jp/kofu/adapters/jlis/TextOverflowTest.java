package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Certificates.aMember;
import static jp.kofu.adapters.jlis.Certificates.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.data.Offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * 文字溢れ: long names (up to 100 characters) and addresses (up to 250) in every kind and both form sets
 * are never refused nor cut. Read back with PDFBox: each box holds exactly its part of the text in reading
 * order, wholly inside the box, and what did not fit continues in the 備考/続き area after the same
 * reference mark, so that box + continuation is the input, every character exactly once. The glyph sizes
 * read back show the order of the steps: the designed size when the text fits, one shrunk line down to the
 * box's minimum, then wrapped lines — never anything below the minimum.
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
    void longNamesAndAddressesPrintWholeOnEveryKindAndNeverBelowTheFieldsMinimumSize(int n) {
        String name = chars(KANJI, n);
        String address = chars(ADDRESS_PARTS, Math.min(250, n * 5 / 2));
        for (String tenant : List.of("", "402036")) {
            for (CertificateKind kind : CertificateKind.values()) {
                List<Field> fields = Stream.of(Field.values()).filter(f -> f.kind == kind).toList();
                var traced = RENDERER.renderTraced(fields.get(0).content(address, name), new RenderOptions("", tenant));
                GlyphLayout layout = GlyphLayout.of(traced.pdf());
                for (Field field : fields) {
                    assertWhole(traced, layout, field.item, field.isName ? name : address);
                    FormTemplate.Box box = field.box(tenant);
                    assertThat(sizesOf(traced, layout, field.item)).as(field + ", " + tenantName(tenant)).isNotEmpty()
                            .allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(box.minFontSize()));
                }
            }
        }
    }

    /** The name and address fields of each kind, with the item names the renderer gives them. */
    enum Field {
        JUMINHYO_NAME(CertificateKind.JUMINHYO, "name", "氏名（1人目）", true),
        JUMINHYO_ADDRESS(CertificateKind.JUMINHYO, "address", "住所", false),
        INKAN_NAME(CertificateKind.INKAN, "name", "氏名", true),
        INKAN_ADDRESS(CertificateKind.INKAN, "address", "住所", false),
        SHOTOKU_NAME(CertificateKind.SHOTOKU, "name", "氏名", true),
        SHOTOKU_ADDRESS(CertificateKind.SHOTOKU, "address", "住所（1月1日現在）", false);

        final CertificateKind kind;
        final String boxId;
        final String item;
        final boolean isName;

        Field(CertificateKind kind, String boxId, String item, boolean isName) {
            this.kind = kind;
            this.boxId = boxId;
            this.item = item;
            this.isName = isName;
        }

        CertificateContent content(String address, String name) {
            return switch (kind) {
                case JUMINHYO -> juminhyo(address, name);
                case INKAN -> inkan(address, name);
                case SHOTOKU -> shotoku(address, name);
            };
        }

        /** The content with this field holding {@code text} and the other one a short ordinary value. */
        CertificateContent with(String text) {
            return isName ? content("福岡県久留米市城南町15番地3", text) : content(text, "久留米　太郎");
        }

        FormTemplate.Box box(String tenant) {
            return FormTemplates.bundled().template(tenant, kind).box(boxId);
        }
    }

    static Stream<Arguments> fieldsOfBothFormSets() {
        return Stream.of("", "402036").flatMap(t -> Stream.of(Field.values()).map(f -> Arguments.of(tenantName(t), t, f)));
    }

    private static String tenantName(String tenant) {
        return tenant.isEmpty() ? "default forms" : tenant;
    }

    /** A text that fits prints on one line at the box's designed size. */
    @ParameterizedTest(name = "{2}, {0}")
    @MethodSource("fieldsOfBothFormSets")
    void aTextThatFitsPrintsAtTheDesignedSize(String set, String tenant, Field field) {
        FormTemplate.Box box = field.box(tenant);
        Fitted fitted = Fitted.of(field, tenant, "久".repeat(3));

        assertThat(fitted.sizes()).hasSize(3).allSatisfy(size -> assertThat(size).isCloseTo(box.fontSize(), OFF));
        assertThat(fitted.baselines()).hasSize(1);
    }

    /**
     * A text one character too long for a line at the designed size, that fits at the minimum, shrinks to a
     * size between the two and stays on one line.
     */
    @ParameterizedTest(name = "{2}, {0}")
    @MethodSource("fieldsOfBothFormSets")
    void aSlightlyTooLongTextShrinksOnOneLineBetweenTheMinimumAndTheDesignedSize(String set, String tenant,
                                                                                 Field field) {
        FormTemplate.Box box = field.box(tenant);
        Fitted probe = Fitted.of(field, tenant, "久".repeat(3));
        double em = probe.em();
        double available = probe.box().width() - 2 * Sheet.PAD;
        int n = (int) Math.floor(available / (box.fontSize() * em)) + 1;
        assertThat(n * em * box.minFontSize()).as("the text fits on one line at the minimum").isLessThan(available);

        Fitted fitted = Fitted.of(field, tenant, "久".repeat(n));

        assertThat(fitted.baselines()).as("one line, not wrapped").hasSize(1);
        assertThat(fitted.sizes()).hasSize(n).allSatisfy(size -> assertThat(size)
                .isGreaterThanOrEqualTo(box.minFontSize()).isLessThan(box.fontSize()));
        assertThat(fitted.sizes().stream().distinct()).as("one size for the whole text").hasSize(1);
        assertThat(fitted.layout().allInside(fitted.box())).isTrue();
    }

    /**
     * A text too long for one line even at the minimum size wraps: several lines, each at a size from the
     * minimum to the designed one, never below the minimum.
     */
    @ParameterizedTest(name = "{2}, {0}")
    @MethodSource("fieldsOfBothFormSets")
    void aTextTooLongAtTheMinimumWrapsAndNeverPrintsBelowIt(String set, String tenant, Field field) {
        FormTemplate.Box box = field.box(tenant);
        Fitted probe = Fitted.of(field, tenant, "久".repeat(3));
        double available = probe.box().width() - 2 * Sheet.PAD;
        int n = (int) Math.floor(available / (box.minFontSize() * probe.em())) + 1;

        Fitted fitted = Fitted.of(field, tenant, "久".repeat(n));

        assertThat(fitted.baselines()).as("wrapped").hasSizeGreaterThan(1);
        assertThat(fitted.sizes()).hasSize(n).allSatisfy(size -> assertThat(size)
                .isGreaterThanOrEqualTo(box.minFontSize()).isLessThanOrEqualTo(box.fontSize()));
        assertThat(fitted.layout().allInside(fitted.box())).isTrue();
    }

    private static final Offset<Double> OFF = Offset.offset(0.01);

    /** One field rendered with a text, read back: its box and the glyphs in it. */
    private record Fitted(Sheet.Placement box, GlyphLayout layout, List<GlyphLayout.Glyph> glyphs) {
        static Fitted of(Field field, String tenant, String text) {
            var traced = RENDERER.renderTraced(field.with(text), new RenderOptions("", tenant));
            GlyphLayout layout = GlyphLayout.of(traced.pdf());
            Sheet.Placement box = traced.placements().stream().filter(p -> p.item().equals(field.item)).findFirst()
                    .orElseThrow();
            assertThat(traced.placements().stream().filter(p -> p.item().equals(field.item + "（続き）")))
                    .as("no continuation").isEmpty();
            List<GlyphLayout.Glyph> glyphs = layout.in(box);
            assertThat(glyphs.stream().map(GlyphLayout.Glyph::text).reduce("", String::concat)).isEqualTo(text);
            return new Fitted(box, layout, glyphs);
        }

        List<Double> sizes() {
            return glyphs.stream().map(GlyphLayout.Glyph::size).toList();
        }

        Set<Long> baselines() {
            return glyphs.stream().map(g -> Math.round(g.baseline() * 10)).collect(Collectors.toSet());
        }

        /** The advance of the first glyph in ems (久 is one em wide). */
        double em() {
            return glyphs.get(0).width() / glyphs.get(0).size();
        }
    }

    /** The sizes of every glyph of an item: its box and its continuations. */
    private static List<Double> sizesOf(PdfCertificateRenderer.Traced traced, GlyphLayout layout, String item) {
        List<Double> sizes = new ArrayList<>();
        traced.placements().stream().filter(p -> p.item().equals(item) || p.item().equals(item + "（続き）"))
                .forEach(p -> layout.in(p).forEach(g -> sizes.add(g.size())));
        return sizes;
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
