package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Certificates.aJuminhyo;
import static jp.kofu.adapters.jlis.Certificates.aJuminhyoWithoutHead;
import static jp.kofu.adapters.jlis.Certificates.aMember;
import static jp.kofu.adapters.jlis.Certificates.aShotoku;
import static jp.kofu.adapters.jlis.Certificates.anInkan;
import static jp.kofu.adapters.jlis.Certificates.household;
import static jp.kofu.adapters.jlis.Certificates.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateContent.Member;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.TaxRecord;

class PdfCertificateRendererTest {

    private static final IpamjFont FONT = IpamjFont.shared();
    private static final GlyphResolutionPort GLYPHS = new IpamjGlyphResolver(FONT);

    private final PdfCertificateRenderer renderer = new PdfCertificateRenderer(FONT, GLYPHS);

    // --- 住民票の写し -------------------------------------------------------------------------------

    @Test
    void aJuminhyoExtractsItsTitleAndItsMembersNamesExactly() {
        PrintedText withVariant = PrintedText.plain("葛\uDB40\uDD02西　花子"); // 葛 + U+E0102, its own glyph
        PrintedText beyondBmp = PrintedText.plain("𠮷田　一郎");
        PrintedText plain = PrintedText.plain("髙橋　次郎");

        String extracted = textOf(renderer.render(aJuminhyo(aMember(withVariant).build(), aMember(beyondBmp).build(),
                aMember(plain).build()), RenderOptions.plain()));

        assertThat(extracted).contains("住民票の写し")
                .contains(withVariant.toUnicode())
                .contains(beyondBmp.toUnicode())
                .contains(plain.toUnicode());
    }

    @Test
    void twoCharactersPrintedWithTheSameGlyphExtractAsThemselvesFromOneDocument() {
        PrintedText bare = PrintedText.plain("葛城　太郎");
        PrintedText sequence = PrintedText.plain("葛\uDB40\uDD03城　花子"); // 葛 + U+E0103: the same glyph as 葛

        String extracted = textOf(renderer.render(aJuminhyo(aMember(bare).build(), aMember(sequence).build()),
                RenderOptions.plain()));

        assertThat(GLYPHS.resolve(bare.chars().get(0))).isEqualTo(GLYPHS.resolve(sequence.chars().get(0)));
        assertThat(extracted).contains(bare.toUnicode()).contains(sequence.toUnicode());
    }

    @Test
    void aNonDefaultVariationSequenceAndAnMjOnlyCharacterExtractAsSequenceAndGeta() {
        PrintedText name = PrintedText.of(List.of(new PrintedChar.VariationSequence(0x845B, 0xE0102),
                new PrintedChar.Ucs('西'), new PrintedChar.MjOnly(MjId.parse("MJ037229"))));

        String extracted = textOf(renderer.render(aJuminhyo(aMember(name).build()), RenderOptions.plain()));

        assertThat(extracted).contains("葛\uDB40\uDD02西〓").contains(name.toUnicode());
    }

    @Test
    void aJuminhyoIsA4Portrait() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(aJuminhyo(household(1).toArray(new Member[0])),
                RenderOptions.plain()))) {
            PDRectangle box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), offset(0.01f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), offset(0.01f));
        }
    }

    @Test
    void aHouseholdOfSixContinuesOnASecondPageWithPageMarks() throws IOException {
        List<Member> six = household(6);
        byte[] pdf = renderer.render(aJuminhyo(six.toArray(new Member[0])), RenderOptions.plain());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String first = pageText(document, 1);
            String second = pageText(document, 2);
            assertThat(first).contains("1/2").contains("（次頁に続く）").doesNotContain("相違ない");
            assertThat(second).contains("2/2").contains("以下余白").contains("この写しは、住民票の原本と相違ないことを証明する。");
            for (int i = 0; i < 4; i++) {
                assertThat(first).contains(six.get(i).name().toUnicode());
            }
            assertThat(second).contains(six.get(4).name().toUnicode()).contains(six.get(5).name().toUnicode());
            assertThat(second).contains("住民票の写し").contains("福岡県久留米市城南町15番地3");
        }
    }

    @Test
    void aHouseholdOfFourFitsOnePage() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(aJuminhyo(household(4).toArray(new Member[0])),
                RenderOptions.plain()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(pageText(document, 1)).contains("1/1").contains("以下余白");
        }
    }

    @Test
    void membersWithEveryOptionalItemTakeMorePagesButNeverMoreThanFourPerPage() throws IOException {
        ForeignResidentItems items = new ForeignResidentItems(text("アメリカ合衆国"), LocalDate.of(2019, 4, 1), "中長期在留者",
                text("技術・人文知識・国際業務"), "3年", Optional.of(LocalDate.of(2027, 3, 31)), "AB12345678CD");
        Member full = aMember("スミス　ジョン").alias("須見　譲").individualNumber("123456789018").foreign(items).build();
        Member[] members = {full, full, full, full, full};

        try (PDDocument document = Loader.loadPDF(renderer.render(aJuminhyo(members), RenderOptions.plain()))) {
            assertThat(document.getNumberOfPages()).isBetween(2, 3);
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("国籍・地域").contains("アメリカ合衆国").contains("技術・人文知識・国際業務")
                    .contains("在留カード等の番号").contains("AB12345678CD").contains("通称").contains("須見　譲")
                    .contains("個人番号").contains("123456789018").contains("令和9年3月31日");
        }
    }

    @Test
    void datesPrintInTheJapaneseEra() {
        String extracted = textOf(renderer.render(aJuminhyo(household(1).toArray(new Member[0])), RenderOptions.plain()));

        assertThat(extracted).contains("昭和55年1月15日").contains("令和2年4月1日").contains("令和2年4月3日")
                .contains("令和8年11月26日");
    }

    @Test
    void anEmptyAlwaysPresentItemPrintsTheBlankMarker() {
        String extracted = textOf(renderer.render(aJuminhyo(aMember("久留米　太郎").build()), RenderOptions.plain()));

        assertThat(extracted).contains("旧氏").contains("方書").contains("【空欄】");
    }

    @Test
    void aRecordedFormerSurnamePrints() {
        String extracted = textOf(renderer.render(aJuminhyo(aMember("久留米　花子").formerSurname("筑後").build()),
                RenderOptions.plain()));

        assertThat(extracted).contains("筑後");
    }

    @Test
    void itemsTheRequestDidNotAskForAreNotPrinted() {
        String extracted = textOf(renderer.render(aJuminhyoWithoutHead(aMember("久留米　太郎").build()),
                RenderOptions.plain()));

        assertThat(extracted).doesNotContain("世帯主").doesNotContain("続柄").doesNotContain("本籍")
                .doesNotContain("筆頭者").doesNotContain("個人番号").doesNotContain("国籍").doesNotContain("通称");
    }

    @Test
    void requestedOptionalItemsArePrinted() {
        Member member = aMember("久留米　太郎").domicile("福岡県久留米市城南町15番地", "久留米　一郎")
                .individualNumber("123456789018").build();

        String extracted = textOf(renderer.render(aJuminhyo(member), RenderOptions.plain()));

        assertThat(extracted).contains("世帯主").contains("久留米　太郎").contains("続柄").contains("本籍")
                .contains("福岡県久留米市城南町15番地").contains("筆頭者").contains("久留米　一郎")
                .contains("個人番号").contains("123456789018");
    }

    @Test
    void theAttestationBlockCarriesTextDateIssuerNumberAndKioskMarker() {
        String extracted = textOf(renderer.render(aJuminhyo(household(1).toArray(new Member[0])), RenderOptions.plain()));

        assertThat(extracted).contains("この写しは、住民票の原本と相違ないことを証明する。").contains("令和8年11月26日")
                .contains("久留米市長　原口　新五").contains("0001-20261126-000042").contains("コンビニ交付");
    }

    @Test
    void theOfficialSealMarkIsARedVectorSquare() throws IOException {
        String content = contentOf(renderer.render(aJuminhyo(household(1).toArray(new Member[0])),
                RenderOptions.plain()));

        assertThat(content).contains("0.82 0.08 0.1 RG").containsPattern("\\d+(\\.\\d+)? \\d+(\\.\\d+)? 59\\.528 59\\.528 re");
    }

    @Test
    void aLongAddressShrinksAndWrapsInsteadOfBeingCut() {
        String longAddress = "福岡県久留米市城南町十五番地三　久留米城南町ハイツ南棟十二階千二百三号室".repeat(3);
        CertificateContent.Juminhyo content = new CertificateContent.Juminhyo(Certificates.attestation("認証文"),
                text(longAddress), PrintedText.EMPTY, PrintedText.EMPTY, household(1), "【空欄】");

        String extracted = textOf(renderer.render(content, RenderOptions.plain()));

        assertThat(extracted.replaceAll("\\s", "")).contains(longAddress);
    }

    @Test
    void anAddressTooLongForItsBoxIsNeverRefusedButContinuedWithAReferenceMark() {
        String endless = "福岡県久留米市城南町".repeat(60);
        CertificateContent.Juminhyo content = new CertificateContent.Juminhyo(Certificates.attestation("認証文"),
                text(endless), PrintedText.EMPTY, PrintedText.EMPTY, household(1), "【空欄】");

        String extracted = textOf(renderer.render(content, RenderOptions.plain())).replaceAll("\\s", "");

        assertThat(extracted).contains("※1", "住所（続き）");
        assertThat(extracted.split("城南町", -1)).as("every 城南町 of the address printed, once").hasSize(61);
    }

    // --- 印鑑登録証明書 -----------------------------------------------------------------------------

    @Test
    void anInkanShowsTheSealImpressionAtItsRegisteredSize() throws IOException {
        byte[] pdf = renderer.render(anInkan(new SealImage(Certificates.sealPng(), 15, 12)), RenderOptions.plain());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Matrix> images = imagePlacements(document.getPage(0));
            assertThat(images).hasSize(1);
            assertThat(images.get(0).getScaleX()).isCloseTo(15 * 72 / 25.4f, offset(0.01f));
            assertThat(images.get(0).getScaleY()).isCloseTo(12 * 72 / 25.4f, offset(0.01f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("印鑑登録証明書").contains("印影").contains("久留米　花子").contains("昭和60年4月12日")
                    .contains("女").contains("123456").contains("登録されている印影と相違ない");
        }
    }

    @Test
    void anInkanWithoutARecordedFormerSurnameLeavesTheItemOut() {
        String extracted = textOf(renderer.render(anInkan(new SealImage(Certificates.sealPng(), 15, 15)),
                RenderOptions.plain()));

        assertThat(extracted).doesNotContain("旧氏").doesNotContain("方書");
    }

    // --- 所得課税証明書 / 非課税証明書 --------------------------------------------------------------

    @Test
    void aTaxableYearPrintsTheIncomeAndTaxCertificateWithItsTable() {
        String extracted = textOf(renderer.render(aShotoku(139_700, 5_000, List.of()), RenderOptions.plain()));

        assertThat(extracted).contains("所得課税証明書").contains("令和8年度（令和7年分）").contains("給与所得")
                .contains("5,000,000").contains("3,560,000").contains("雑所得").contains("△20,000")
                .contains("合計所得金額").contains("3,540,000").contains("社会保険料控除").contains("712,345")
                .contains("所得控除合計").contains("1,142,345").contains("課税標準額").contains("2,397,000")
                .contains("所得割額").contains("139,700").contains("均等割額").contains("5,000").contains("144,700")
                .doesNotContain("非課税証明書");
    }

    @Test
    void aYearWithoutTaxPrintsTheNonTaxableCertificate() {
        String extracted = textOf(renderer.render(aShotoku(0, 0, List.of()), RenderOptions.plain()));

        assertThat(extracted).contains("非課税証明書").doesNotContain("所得課税証明書");
    }

    @Test
    void aDependantWhoHasNotFiledIsMarkedWithAnAsterisk() throws IOException {
        List<TaxRecord.Dependant> dependants = List.of(new TaxRecord.Dependant(text("久留米　花子"), "妻", true),
                new TaxRecord.Dependant(text("久留米　一郎"), "子", false));

        String extracted = textOf(renderer.render(aShotoku(100, 5_000, dependants), RenderOptions.plain()));

        assertThat(extracted).contains("扶養親族等").containsPattern("\\*\\s*久留米　一郎")
                .doesNotContainPattern("\\*\\s*久留米　花子");
    }

    @Test
    void moreDependantsThanOnePageHoldsContinueOnASecondSheetNeverCut() throws IOException {
        List<TaxRecord.Dependant> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new TaxRecord.Dependant(text("久留米　" + (char) ('一' + 0) + i), "子", i % 7 != 0));
        }

        byte[] pdf = renderer.render(aShotoku(100, 5_000, many), RenderOptions.plain());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(pageText(document, 2)).contains("扶養親族等（続き）", "2/2", "上記のとおり証明します。",
                    "* は、所得の申告のない扶養親族等です。");
            assertThat(pageText(document, 1)).doesNotContain("上記のとおり証明します。");
        }
        String all = textOf(pdf).replaceAll("[\\s\u3000]", "");
        for (int i = 0; i < 40; i++) {
            assertThat(all.split("久留米一" + i + "子", -1)).as("dependant " + i + " printed once").hasSize(2);
        }
    }

    // --- text, glyphs and errors -----------------------------------------------------------------

    @Test
    void everyCharacterIncludingTheLabelsGoesThroughTheGlyphPort() {
        Set<PrintedChar> asked = ConcurrentHashMap.newKeySet();
        GlyphResolutionPort recording = c -> {
            asked.add(c);
            return GLYPHS.resolve(c);
        };

        String extracted = textOf(new PdfCertificateRenderer(FONT, recording).render(
                aJuminhyo(household(1).toArray(new Member[0])), RenderOptions.plain()));

        Set<PrintedChar> printed = new HashSet<>(PrintedText.plain(extracted.replaceAll("\\s", "")).chars());
        assertThat(asked).containsAll(printed);
    }

    @Test
    void aCharacterWithoutAGlyphFailsTheRenderingNamingItsPositionAndKindButNotTheText() {
        PrintedText name = PrintedText.of(List.of(new PrintedChar.Ucs('久'), new PrintedChar.Ucs('留'),
                new PrintedChar.Ucs(0x1F600)));

        assertThatThrownBy(() -> renderer.render(aJuminhyo(household(1).get(0), aMember(name).build()),
                RenderOptions.plain()))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining("character 3 (Ucs)")
                .hasMessageContaining("氏名（2人目）")
                .hasMessageNotContaining("久留");
    }

    @Test
    void anUnidentifiedVendorCharacterFailsTheRendering() {
        PrintedText name = PrintedText.parse("久留米{VND:U+E012}");

        assertThatThrownBy(() -> renderer.render(aJuminhyo(aMember(name).build()), RenderOptions.plain()))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining("character 4 (UnidentifiedVendor)");
    }

    @Test
    void aLabelWithoutAGlyphFailsTooInsteadOfPrintingABox() {
        GlyphResolutionPort withoutSeal = c -> c.equals(new PrintedChar.Ucs('印')) ? Optional.empty() : GLYPHS.resolve(c);

        assertThatThrownBy(() -> new PdfCertificateRenderer(FONT, withoutSeal)
                .render(anInkan(new SealImage(Certificates.sealPng(), 15, 15)), RenderOptions.plain()))
                .isInstanceOf(RenderingException.class);
    }

    @Test
    void aBrokenSealImageFailsTheRendering() {
        byte[] notReallyPng = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};

        assertThatThrownBy(() -> renderer.render(anInkan(new SealImage(notReallyPng, 15, 15)), RenderOptions.plain()))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining("印影");
    }

    @Test
    void aWatermarkIsDrawnLightlyOnEveryPage() throws IOException {
        byte[] pdf = renderer.render(aJuminhyo(household(6).toArray(new Member[0])), new RenderOptions("テスト"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= 2; page++) {
                assertThat(pageText(document, page).replaceAll("\\s", "")).contains("テスト");
                assertThat(document.getPage(page - 1).getResources().getExtGStateNames()).hasSize(1);
            }
        }
        String plain = textOf(renderer.render(aJuminhyo(household(6).toArray(new Member[0])), RenderOptions.plain()));
        assertThat(plain.replaceAll("\\s", "")).doesNotContain("テスト");
    }

    @Test
    void theEmbeddedFontIsASubsetOfIpamjMincho() throws IOException {
        byte[] pdf = renderer.render(aJuminhyo(household(4).toArray(new Member[0])), RenderOptions.plain());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            COSName name = page.getResources().getFontNames().iterator().next();
            PDFont font = page.getResources().getFont(name);
            assertThat(font.getName()).matches("[A-Z]{6}\\+IPAmjMincho");
            assertThat(font.isEmbedded()).isTrue();
        }
        assertThat(pdf.length).as("a subset, not the 46 MB font").isLessThan(150_000);
    }

    // --- determinism and sharing -----------------------------------------------------------------

    @Test
    void theSameContentGivesTheSameBytes() {
        CertificateContent content = aJuminhyo(household(6).toArray(new Member[0]));

        assertThat(renderer.render(content, RenderOptions.plain())).isEqualTo(renderer.render(content,
                RenderOptions.plain()));
        CertificateContent inkan = anInkan(new SealImage(Certificates.sealPng(), 15, 15));
        assertThat(renderer.render(inkan, RenderOptions.plain())).isEqualTo(renderer.render(inkan, RenderOptions.plain()));
    }

    @Test
    void theDocumentIdAndCreationDateComeFromTheContent() throws IOException {
        byte[] first = renderer.render(aJuminhyo(aMember("久留米　太郎").build()), RenderOptions.plain());
        byte[] other = renderer.render(aJuminhyo(aMember("久留米　次郎").build()), RenderOptions.plain());

        try (PDDocument a = Loader.loadPDF(first); PDDocument b = Loader.loadPDF(other)) {
            COSArray idA = a.getDocument().getDocumentID();
            COSArray idB = b.getDocument().getDocumentID();
            assertThat(idA).isNotNull();
            assertThat(((COSString) idA.get(0)).getBytes()).hasSize(16)
                    .isNotEqualTo(((COSString) idB.get(0)).getBytes());
            Calendar created = a.getDocumentInformation().getCreationDate();
            assertThat(created.get(Calendar.YEAR)).isEqualTo(2026);
            assertThat(created.get(Calendar.MONTH)).isEqualTo(Calendar.NOVEMBER);
            assertThat(created.get(Calendar.DAY_OF_MONTH)).isEqualTo(26);
            assertThat(a.getDocumentInformation().getTitle()).isEqualTo("住民票の写し");
        }
    }

    @Test
    void twoThreadsSharingTheFontRenderTheSameBytesAsOne() throws Exception {
        List<CertificateContent> contents = List.of(
                aJuminhyo(household(6).toArray(new Member[0])),
                aJuminhyo(aMember(PrintedText.plain("葛\uDB40\uDD02西　𠮷子")).build()),
                anInkan(new SealImage(Certificates.sealPng(), 15, 15)),
                aShotoku(139_700, 5_000, List.of(new TaxRecord.Dependant(text("久留米　一郎"), "子", false))));
        List<byte[]> expected = new ArrayList<>();
        for (CertificateContent c : contents) {
            expected.add(renderer.render(c, RenderOptions.plain()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 12; round++) {
                int i = round % contents.size();
                results.add(pool.submit(() -> Arrays.equals(
                        renderer.render(contents.get(i), RenderOptions.plain()), expected.get(i))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static String textOf(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static String contentOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new String(document.getPage(0).getContents().readAllBytes(),
                    StandardCharsets.ISO_8859_1);
        }
    }

    /** The current transformation matrix at each image drawn on the page. */
    private static List<Matrix> imagePlacements(PDPage page) throws IOException {
        List<Matrix> placements = new ArrayList<>();
        PDFStreamEngine engine = new PDFStreamEngine() {
            {
                addOperator(new Concatenate(this));
                addOperator(new Save(this));
                addOperator(new Restore(this));
            }

            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                if ("Do".equals(operator.getName())) {
                    PDXObject object = getResources().getXObject((COSName) operands.get(0));
                    if (object instanceof PDImageXObject) {
                        placements.add(getGraphicsState().getCurrentTransformationMatrix().clone());
                    }
                }
                super.processOperator(operator, operands);
            }
        };
        engine.processPage(page);
        return placements;
    }
}
