package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Sheet.LEFT;
import static jp.kofu.adapters.jlis.Sheet.VALUE_SIZE;
import static jp.kofu.adapters.jlis.Sheet.mm;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import jp.kofu.core.certificate.domain.CertificateContent.Inkan;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.replica.domain.SealImage;

/**
 * The 印鑑登録証明書 form: the registered seal impression (印影) at its registered size on the left, the
 * holder's 氏名, 生年月日 and 住所 on the right, then the attestation. 旧氏, 性別, 方書 and 登録番号 print only
 * when the content has them (they are recorded, or the tenant prints them).
 */
final class InkanForm {

    private static final double SEAL_COLUMN = mm(62);
    private static final double SEAL_LABEL_ROW = 18;
    private static final double LABEL = 64;
    private static final double ROW = 26;

    private InkanForm() {
    }

    static void draw(CertificatePdf pdf, Inkan content) throws IOException {
        Sheet sheet = pdf.newPage();
        double top = FormParts.head(sheet, content.title(), content.attestation(), 1, 1) - 6;
        double x = LEFT + SEAL_COLUMN;

        double y = sheet.row(x, top, 36).label("氏名", LABEL)
                .value(sheet.shape(content.name(), "氏名"), 0, Sheet.Align.LEFT, 13, "氏名").bottom();
        if (!content.formerSurname().isEmpty()) {
            y = sheet.row(x, y, ROW).label("旧氏", LABEL).rest(sheet.shape(content.formerSurname(), "旧氏"), "旧氏")
                    .bottom();
        }
        y = sheet.row(x, y, ROW).label("生年月日", LABEL)
                .rest(sheet.shape(JapaneseDates.format(content.birthDate()), "生年月日"), "生年月日").bottom();
        if (content.sex().isPresent()) {
            y = sheet.row(x, y, ROW).label("性別", LABEL)
                    .rest(sheet.shape(content.sex().get().japanese(), "性別"), "性別").bottom();
        }
        boolean supplement = !content.addressSupplement().isEmpty();
        boolean number = content.registrationNumber().isPresent();
        double below = (supplement ? ROW : 0) + (number ? ROW : 0);
        double sealBottom = top - SEAL_LABEL_ROW - mm(56);
        double addressHeight = Math.max(40, y - below - sealBottom);
        y = sheet.row(x, y, addressHeight).label("住所", LABEL)
                .value(sheet.shape(content.address(), "住所"), 0, Sheet.Align.LEFT, 10.5, "住所").bottom();
        if (supplement) {
            y = sheet.row(x, y, ROW).label("方書", LABEL)
                    .rest(sheet.shape(content.addressSupplement(), "方書"), "方書").bottom();
        }
        if (number) {
            y = sheet.row(x, y, ROW).label("登録番号", LABEL)
                    .value(sheet.shape(content.registrationNumber().get(), "登録番号"), 0, Sheet.Align.LEFT,
                            VALUE_SIZE, "登録番号").bottom();
        }

        sheet.labelCell(LEFT, top, SEAL_COLUMN, SEAL_LABEL_ROW, "印影");
        double frameTop = top - SEAL_LABEL_ROW;
        double frameHeight = frameTop - y;
        sheet.box(LEFT, frameTop, SEAL_COLUMN, frameHeight);
        seal(sheet, content.seal(), LEFT + SEAL_COLUMN / 2, frameTop - frameHeight / 2, pdf);

        FormParts.attestation(sheet, content.attestation());
        FormParts.foot(sheet, content.attestation());
    }

    /** Places the 印影 centred on the point, at its registered size in millimetres. */
    private static void seal(Sheet sheet, SealImage seal, double centreX, double centreY, CertificatePdf pdf)
            throws IOException {
        PDImageXObject image;
        try {
            image = PDImageXObject.createFromByteArray(pdf.document(), seal.png(), "seal.png");
        } catch (IOException | IllegalArgumentException e) {
            throw new RenderingException("the 印影 image cannot be read as PNG", e);
        }
        String name = sheet.add(image);
        double width = mm(seal.widthMm());
        double height = mm(seal.heightMm());
        sheet.out().save()
                .transform(width, 0, 0, height, centreX - width / 2, centreY - height / 2)
                .drawObject(name)
                .restore();
    }
}
