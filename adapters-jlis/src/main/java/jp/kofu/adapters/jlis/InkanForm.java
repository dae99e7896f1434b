package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Sheet.mm;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import jp.kofu.core.certificate.domain.CertificateContent.Inkan;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.replica.domain.SealImage;

/**
 * The 印鑑登録証明書 form: the registered seal impression (印影) at its registered size in the template's
 * frame, the holder's 氏名, 生年月日 and 住所 beside it, then the attestation. 旧氏, 性別, 方書 and 登録番号 print only
 * when the content has them (they are recorded, or the tenant prints them).
 */
final class InkanForm {

    private InkanForm() {
    }

    /** Draws the body; the attestation, head and foot follow in {@link FormParts#finish}. */
    static void draw(CertificatePdf pdf, Inkan content) {
        FormTemplate t = pdf.template();
        Sheet sheet = pdf.newPage();
        FormTemplate.Area frame = t.sealImpression().orElseThrow();

        Map<String, FormRows.Value> v = new LinkedHashMap<>();
        v.put("name", FormRows.Value.of(sheet.shape(content.name(), "氏名")));
        if (!content.formerSurname().isEmpty()) {
            v.put("formerSurname", FormRows.Value.of(sheet.shape(content.formerSurname(), "旧氏")));
        }
        v.put("birthDate", FormRows.Value.of(sheet.shape(JapaneseDates.format(content.birthDate()), "生年月日")));
        content.sex().ifPresent(sex -> v.put("sex", FormRows.Value.of(sheet.shape(sex.japanese(), "性別"))));
        v.put("address", FormRows.Value.of(sheet.shape(content.address(), "住所")));
        if (!content.addressSupplement().isEmpty()) {
            v.put("addressSupplement", FormRows.Value.of(sheet.shape(content.addressSupplement(), "方書")));
        }
        content.registrationNumber().ifPresent(n -> v.put("registrationNumber",
                FormRows.Value.of(sheet.shape(n, "登録番号"))));

        // the person's rows beside the 印影 frame, on whichever side of the page the frame is not
        boolean frameLeft = frame.x() - sheet.left() < sheet.right() - frame.right();
        double x = frameLeft ? frame.right() : sheet.left();
        double right = frameLeft ? sheet.right() : frame.x();
        FormRows.draw(sheet, t, "person", v, x, sheet.y(t.head().bodyY()), right, "");

        double labelRow = 18;
        sheet.labelCell(frame.x(), sheet.y(frame.y()), frame.width(), labelRow, frame.label());
        double frameTop = sheet.y(frame.y()) - labelRow;
        double frameHeight = frame.height() - labelRow;
        sheet.box(frame.x(), frameTop, frame.width(), frameHeight);
        seal(sheet, content.seal(), frame.x() + frame.width() / 2, frameTop - frameHeight / 2, pdf);
    }

    /** Places the 印影 centred on the point, at its registered size in millimetres. */
    private static void seal(Sheet sheet, SealImage seal, double centreX, double centreY, CertificatePdf pdf) {
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
