package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Certificates.aMember;
import static jp.kofu.adapters.jlis.Certificates.text;
import static jp.kofu.adapters.jlis.Certificates.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateContent.Member;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * Golden tests (基準画像との比較): one fixed resident per kind, a 6-person household over two sheets and
 * Kurume's forms are rendered, rasterised with PDFBox at {@value #DPI} dpi in grey and compared page by
 * page with the committed references in {@code src/test/resources/golden/}: at most
 * {@value #MAX_DIFFERING} of the pixels may differ by more than {@value #LEVELS} grey levels. Text
 * extraction checks what the pages say.
 *
 * <p>To regenerate the references after an intended layout change, run this test with
 * {@code -Dkofu.golden.update=true} (from the module directory, e.g. {@code mvn -o -q -pl adapters-jlis -am
 * verify -Dtest=GoldenRenderingTest -Dsurefire.failIfNoSpecifiedTests=false -Dkofu.golden.update=true}),
 * look at the images and commit them. The tests never write them otherwise.
 */
class GoldenRenderingTest {

    static final int DPI = 72;
    /**
     * 0.1 %: identical renderings differ by 0; a title 4 pt larger differs by 0.17 % of the page, which a
     * 0.5 % tolerance would let through.
     */
    static final double MAX_DIFFERING = 0.001;
    static final int LEVELS = 64;
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("kofu.golden.update");
    private static final PdfCertificateRenderer RENDERER = PdfCertificateRenderer.withBundledFont();

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("juminhyo", "", juminhyo(1), List.of("住民票の写し", "久留米　太郎", "以下余白", "1/1")),
                Arguments.of("juminhyo-household6", "", juminhyo(6),
                        List.of("1/2", "2/2", "（次頁に続く）", "久留米　六郎")),
                Arguments.of("inkan", "", inkan(), List.of("印鑑登録証明書", "久留米　花子", "登録番号")),
                Arguments.of("shotoku", "", shotoku(), List.of("所得課税証明書", "令和8年度", "* は、所得の申告のない扶養親族等です。")),
                Arguments.of("juminhyo-kurume", "402036", juminhyo(1), List.of("交付番号", "証明します。")),
                Arguments.of("inkan-kurume", "402036", inkan(), List.of("登録印影", "氏　　名")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void rendersAsItsReferenceImage(String name, String tenant, CertificateContent content, List<String> texts)
            throws IOException {
        byte[] pdf = RENDERER.render(content, new RenderOptions("", tenant));

        assertThat(textOf(pdf)).contains(texts);
        List<BufferedImage> pages = rasterise(pdf);
        for (int p = 0; p < pages.size(); p++) {
            Path reference = GOLDEN.resolve(name + "-" + (p + 1) + ".png");
            if (UPDATE) {
                Files.createDirectories(GOLDEN);
                ImageIO.write(pages.get(p), "png", reference.toFile());
                continue;
            }
            assertThat(reference).as("the reference image (regenerate with -Dkofu.golden.update=true)").exists();
            BufferedImage expected = ImageIO.read(reference.toFile());
            assertThat(differing(expected, pages.get(p)))
                    .as("share of pixels of page %d of %s differing by more than %d levels", p + 1, name, LEVELS)
                    .isLessThanOrEqualTo(MAX_DIFFERING);
        }
        assertThat(GOLDEN.resolve(name + "-" + (pages.size() + 1) + ".png")).as("no reference for a missing page")
                .doesNotExist();
    }

    static List<BufferedImage> rasterise(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<BufferedImage> pages = new ArrayList<>();
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                pages.add(renderer.renderImageWithDPI(p, DPI, ImageType.GRAY));
            }
            return pages;
        }
    }

    /** The share of pixels whose grey differs by more than {@link #LEVELS}; 1 when the sizes differ. */
    static double differing(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return 1;
        }
        long count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int ga = a.getRaster().getSample(x, y, 0);
                int gb = b.getRaster().getSample(x, y, 0);
                if (Math.abs(ga - gb) > LEVELS) {
                    count++;
                }
            }
        }
        return (double) count / ((long) a.getWidth() * a.getHeight());
    }

    private static CertificateContent.Juminhyo juminhyo(int people) {
        String[] names = {"久留米　太郎", "久留米　花子", "久留米　一郎", "久留米　二郎", "久留米　桜", "久留米　六郎"};
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            members.add(aMember(names[i]).build());
        }
        return new CertificateContent.Juminhyo(
                Certificates.attestation("この写しは、世帯全員の住民票の原本と相違ないことを証明する。"),
                text("福岡県久留米市城南町15番地3"), text("城南ハイツ201号"), text("久留米　太郎"), members, "【空欄】");
    }

    private static CertificateContent.Inkan inkan() {
        return new CertificateContent.Inkan(Certificates.attestation("この写しは、登録されている印影と相違ないことを証明する。"),
                text("久留米　花子"), PrintedText.EMPTY, LocalDate.of(1985, 4, 12), Optional.of(Sex.FEMALE),
                text("福岡県久留米市城南町15番地3"), PrintedText.EMPTY, Optional.of("00012345"),
                new SealImage(Certificates.sealPng(), 15, 15));
    }

    private static CertificateContent.Shotoku shotoku() {
        return new CertificateContent.Shotoku(Certificates.attestation("上記のとおり証明します。"), 2026,
                text("久留米　太郎"), LocalDate.of(1980, 1, 15), text("福岡県久留米市城南町15番地3"),
                List.of(new TaxRecord.Income(TaxRecord.IncomeKind.SALARY, 5_000_000, 3_560_000)),
                List.of(new TaxRecord.Deduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 712_345),
                        new TaxRecord.Deduction(TaxRecord.DeductionKind.BASIC, 430_000)),
                2_397_000, 139_700, 5_000,
                List.of(new TaxRecord.Dependant(text("久留米　花子"), "妻", true),
                        new TaxRecord.Dependant(text("久留米　桜"), "子", false)));
    }
}
