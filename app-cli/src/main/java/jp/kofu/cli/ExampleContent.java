package jp.kofu.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.service.ContentAssembler;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.TaxRecord;

/** Sample certificate content (fictitious people) for {@code kofu render --example} and the benchmarks. */
final class ExampleContent {

    private ExampleContent() {
    }

    static CertificateContent of(CertificateKind kind) {
        LocalDate issued = LocalDate.of(2026, 11, 26);
        PrintedText address = PrintedText.plain("福岡県久留米市城南町１５番地３");
        return switch (kind) {
            case JUMINHYO -> new CertificateContent.Juminhyo(
                    attestation(issued, ContentAssembler.JUMINHYO_WHOLE_HOUSEHOLD_TEXT), address,
                    PrintedText.plain("城南ハイツ２０１号"), PrintedText.plain("久留米　太郎"),
                    List.of(member("久留米　太郎", "クルメ　タロウ", LocalDate.of(1975, 4, 1), Sex.MALE, "世帯主"),
                            member("久留米　花子", "クルメ　ハナコ", LocalDate.of(1978, 9, 12), Sex.FEMALE, "妻")),
                    "【空欄】");
            case INKAN -> new CertificateContent.Inkan(attestation(issued, ContentAssembler.INKAN_TEXT),
                    PrintedText.plain("久留米　太郎"), PrintedText.EMPTY, LocalDate.of(1975, 4, 1), Optional.of(Sex.MALE),
                    address, PrintedText.plain("城南ハイツ２０１号"), Optional.of("00012345"), sealImage());
            case SHOTOKU -> new CertificateContent.Shotoku(attestation(issued, ContentAssembler.SHOTOKU_TEXT), 2026,
                    PrintedText.plain("久留米　太郎"), LocalDate.of(1975, 4, 1), address,
                    List.of(new TaxRecord.Income(TaxRecord.IncomeKind.SALARY, 5_200_000, 3_580_000)),
                    List.of(new TaxRecord.Deduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 742_000),
                            new TaxRecord.Deduction(TaxRecord.DeductionKind.SPOUSE, 330_000),
                            new TaxRecord.Deduction(TaxRecord.DeductionKind.BASIC, 430_000)),
                    2_078_000, 205_300, 5_000,
                    List.of(new TaxRecord.Dependant(PrintedText.plain("久留米　花子"), "妻", false)));
        };
    }

    /**
     * A 住民票の写し of a 4-person household (世帯連記式): four different people — names, readings, birth
     * dates, sexes and relationships (世帯主, 妻, 子, 母) all distinct — so that a rendering holds as many
     * distinct characters as a real household's would.
     */
    static CertificateContent.Juminhyo household() {
        CertificateContent.Juminhyo one = (CertificateContent.Juminhyo) of(CertificateKind.JUMINHYO);
        return new CertificateContent.Juminhyo(one.attestation(), one.address(), one.addressSupplement(),
                one.householdHead(),
                List.of(member("久留米　太郎", "クルメ　タロウ", LocalDate.of(1975, 4, 1), Sex.MALE, "世帯主"),
                        member("久留米　花子", "クルメ　ハナコ", LocalDate.of(1978, 9, 12), Sex.FEMALE, "妻"),
                        member("久留米　翔太", "クルメ　ショウタ", LocalDate.of(2006, 7, 23), Sex.MALE, "子"),
                        member("久留米　千代子", "クルメ　チヨコ", LocalDate.of(1949, 2, 14), Sex.FEMALE, "母")),
                one.blankMarker());
    }

    private static Attestation attestation(LocalDate issued, String text) {
        return new Attestation("402036-00000001", issued, text, "久留米市長", "原口 新五", "コンビニ交付");
    }

    private static CertificateContent.Member member(String name, String kana, LocalDate born, Sex sex, String relation) {
        return new CertificateContent.Member(PrintedText.plain(name), PrintedText.plain(kana), PrintedText.EMPTY,
                PrintedText.EMPTY, PrintedText.EMPTY, born, sex, PrintedText.plain(relation), PrintedText.EMPTY,
                PrintedText.EMPTY, Optional.of(born), Optional.of(LocalDate.of(2010, 3, 20)), Optional.of(LocalDate.of(2010, 3, 25)),
                PrintedText.plain("福岡県福岡市中央区天神一丁目１番１号"), PrintedText.plain("転入"), Optional.empty(), Optional.empty());
    }

    /** A plain red ring, a stand-in seal impression. */
    static SealImage sealImage() {
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 30, 30));
        g.setStroke(new BasicStroke(6));
        g.drawOval(6, 6, 84, 84);
        g.drawLine(48, 20, 48, 76);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SealImage(png.toByteArray(), 15, 15);
    }
}
