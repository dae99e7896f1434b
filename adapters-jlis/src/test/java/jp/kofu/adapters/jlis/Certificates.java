package jp.kofu.adapters.jlis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateContent.Member;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.TaxRecord;

/** Synthetic certificate contents for the renderer tests (no real person's data). */
final class Certificates {

    static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 26);

    private Certificates() {
    }

    static Attestation attestation(String text) {
        return new Attestation("0001-20261126-000042", ISSUED_ON, text, "久留米市長", "原口　新五", "コンビニ交付");
    }

    static PrintedText text(String unicode) {
        return PrintedText.plain(unicode);
    }

    /** A member with the always-present items filled in and nothing optional. */
    static MemberBuilder aMember(String name) {
        return new MemberBuilder(text(name));
    }

    static MemberBuilder aMember(PrintedText name) {
        return new MemberBuilder(name);
    }

    static CertificateContent.Juminhyo aJuminhyo(Member... members) {
        return new CertificateContent.Juminhyo(attestation("この写しは、住民票の原本と相違ないことを証明する。"),
                text("福岡県久留米市城南町15番地3"), PrintedText.EMPTY, text("久留米　太郎"), List.of(members), "【空欄】");
    }

    static CertificateContent.Juminhyo aJuminhyoWithoutHead(Member... members) {
        return new CertificateContent.Juminhyo(attestation("この写しは、住民票の原本と相違ないことを証明する。"),
                text("福岡県久留米市城南町15番地3"), PrintedText.EMPTY, PrintedText.EMPTY, List.of(members), "【空欄】");
    }

    static List<Member> household(int size) {
        List<Member> members = new ArrayList<>();
        String[] given = {"太郎", "花子", "一郎", "二郎", "三郎", "四郎", "五郎", "桜"};
        for (int i = 0; i < size; i++) {
            members.add(aMember("久留米　" + given[i % given.length]).build());
        }
        return members;
    }

    static CertificateContent.Inkan anInkan(SealImage seal) {
        return new CertificateContent.Inkan(attestation("この写しは、登録されている印影と相違ないことを証明する。"),
                text("久留米　花子"), PrintedText.EMPTY, LocalDate.of(1985, 4, 12), Optional.of(Sex.FEMALE),
                text("福岡県久留米市城南町15番地3"), PrintedText.EMPTY, Optional.of("123456"), seal);
    }

    static CertificateContent.Shotoku aShotoku(long incomeLevy, long perCapitaLevy,
                                               List<TaxRecord.Dependant> dependants) {
        return new CertificateContent.Shotoku(attestation("上記のとおり証明します。"), 2026, text("久留米　太郎"),
                LocalDate.of(1980, 1, 15), text("福岡県久留米市城南町15番地3"),
                List.of(new TaxRecord.Income(TaxRecord.IncomeKind.SALARY, 5_000_000, 3_560_000),
                        new TaxRecord.Income(TaxRecord.IncomeKind.MISCELLANEOUS, 100_000, -20_000)),
                List.of(new TaxRecord.Deduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 712_345),
                        new TaxRecord.Deduction(TaxRecord.DeductionKind.BASIC, 430_000)),
                2_397_000, incomeLevy, perCapitaLevy, dependants);
    }

    /** The text of a PDF as PDFBox extracts it. */
    static String textOf(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A round red seal impression as a real PNG. */
    static byte[] sealPng() {
        BufferedImage image = new BufferedImage(160, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 20, 30));
        g.setStroke(new BasicStroke(8));
        g.drawOval(8, 8, 144, 144);
        g.fillRect(70, 40, 20, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Builds a {@link Member}. */
    static final class MemberBuilder {
        private final PrintedText name;
        private PrintedText kana = text("クルメ　タロウ");
        private PrintedText formerSurname = PrintedText.EMPTY;
        private PrintedText alias = PrintedText.EMPTY;
        private PrintedText relationship = text("世帯主");
        private PrintedText domicile = PrintedText.EMPTY;
        private PrintedText domicileHead = PrintedText.EMPTY;
        private Optional<String> individualNumber = Optional.empty();
        private Optional<ForeignResidentItems> foreign = Optional.empty();
        private PrintedText entryReason = text("令和2年4月1日　福岡市中央区から転入");

        private MemberBuilder(PrintedText name) {
            this.name = name;
        }

        MemberBuilder formerSurname(String former) {
            this.formerSurname = text(former);
            return this;
        }

        MemberBuilder alias(String alias) {
            this.alias = text(alias);
            return this;
        }

        MemberBuilder kana(String kana) {
            this.kana = text(kana);
            return this;
        }

        MemberBuilder domicile(String domicile, String head) {
            this.domicile = text(domicile);
            this.domicileHead = text(head);
            return this;
        }

        MemberBuilder individualNumber(String digits) {
            this.individualNumber = Optional.of(digits);
            return this;
        }

        MemberBuilder foreign(ForeignResidentItems items) {
            this.foreign = Optional.of(items);
            return this;
        }

        Member build() {
            return new Member(name, kana, formerSurname, PrintedText.EMPTY, alias, LocalDate.of(1980, 1, 15), Sex.MALE,
                    relationship, domicile, domicileHead, Optional.of(LocalDate.of(1980, 1, 15)),
                    Optional.of(LocalDate.of(2020, 4, 1)), Optional.of(LocalDate.of(2020, 4, 3)),
                    text("福岡県福岡市中央区天神一丁目1番1号"), entryReason, individualNumber, foreign);
        }
    }
}
