package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Sheet.BOTTOM;
import static jp.kofu.adapters.jlis.Sheet.CONTENT_WIDTH;
import static jp.kofu.adapters.jlis.Sheet.FONT;
import static jp.kofu.adapters.jlis.Sheet.HEIGHT;
import static jp.kofu.adapters.jlis.Sheet.LEFT;
import static jp.kofu.adapters.jlis.Sheet.RIGHT;
import static jp.kofu.adapters.jlis.Sheet.TOP;
import static jp.kofu.adapters.jlis.Sheet.WIDTH;
import static jp.kofu.adapters.jlis.Sheet.baselineFor;
import static jp.kofu.adapters.jlis.Sheet.mm;

import java.util.List;

import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * The parts every certificate form shares (様式の共通部分): the page head with the certificate number and
 * page mark, the title, the attestation block (認証文・発行日・発行者・公印), the kiosk marker and the
 * watermark.
 */
final class FormParts {

    /** Where the body of every page starts, below the head and the title. */
    static final double BODY_TOP = TOP - 50;
    /** Height reserved at the bottom of the last page for the attestation block. */
    static final double ATTESTATION_HEIGHT = 128;
    /** Height of the footer line with the kiosk marker. */
    static final double FOOTER_HEIGHT = 16;
    /** The top of the attestation block: fixed, so every form ends the same way. */
    static final double ATTESTATION_TOP = BOTTOM + FOOTER_HEIGHT + ATTESTATION_HEIGHT;

    private static final double SEAL_SIZE = mm(21);

    private FormParts() {
    }

    /**
     * Draws the head of a page: certificate number (left), page mark such as 1/2 (right) and the title.
     *
     * @return the y where the body starts
     */
    static double head(Sheet sheet, String title, Attestation attestation, int page, int pages) {
        double line = baselineFor(TOP - 5, 8);
        sheet.text("証明書番号　" + attestation.certificateNumber(), LEFT, line, 8, Sheet.Align.LEFT);
        sheet.text(page + "/" + pages, RIGHT, line, 8, Sheet.Align.RIGHT);
        sheet.text(title, WIDTH / 2, baselineFor(TOP - 30, 18), 18, Sheet.Align.CENTRE);
        return BODY_TOP;
    }

    /** Draws the kiosk marker (e.g. コンビニ交付) centred at the foot of the page. */
    static void foot(Sheet sheet, Attestation attestation) {
        if (!attestation.kioskMarker().isEmpty()) {
            sheet.text(attestation.kioskMarker(), WIDTH / 2, baselineFor(BOTTOM + FOOTER_HEIGHT / 2, 8), 8,
                    Sheet.Align.CENTRE);
        }
        if (!attestation.verificationCode().isEmpty()) {
            sheet.text("検証コード　" + attestation.verificationCode(), RIGHT, baselineFor(BOTTOM + FOOTER_HEIGHT / 2, 8),
                    8, Sheet.Align.RIGHT);
        }
    }

    /** Draws the attestation block at {@link #ATTESTATION_TOP}. */
    static void attestation(Sheet sheet, Attestation attestation) {
        double top = ATTESTATION_TOP;
        sheet.rule(LEFT, top, RIGHT, top, 0.4);
        DocumentFont.Run text = sheet.shape(PrintedText.plain(attestation.text()), "認証文");
        sheet.fit(text, LEFT + mm(6), top - 8, CONTENT_WIDTH - mm(12), 30, 10.5, Sheet.Align.LEFT, "認証文");
        sheet.text(JapaneseDates.format(attestation.issuedOn()), LEFT + mm(12), baselineFor(top - 54, 10.5), 10.5,
                Sheet.Align.LEFT);

        double sealLeft = RIGHT - SEAL_SIZE - mm(4);
        double sealTop = top - 62;
        String issuer = attestation.issuerName().isEmpty()
                ? attestation.issuerTitle()
                : attestation.issuerTitle() + "　" + attestation.issuerName();
        DocumentFont.Run issuerRun = sheet.shape(PrintedText.plain(issuer), "発行者");
        double size = 14;
        double issuerRight = sealLeft + SEAL_SIZE * 0.2; // the 公印 is pressed over the end of the name
        double maxWidth = issuerRight - (LEFT + CONTENT_WIDTH * 0.35);
        if (issuerRun.width(size) > maxWidth) {
            size = Math.max(Sheet.MIN_SIZE, size * maxWidth / issuerRun.width(size));
        }
        sheet.text(issuerRun, issuerRight - issuerRun.width(size), baselineFor(sealTop - SEAL_SIZE / 2, size), size);
        officialSeal(sheet, sealLeft, sealTop, SEAL_SIZE, attestation.issuerTitle());
    }

    /**
     * The 公印 (official seal) as vector graphics: a red double square with the seal's legend, the issuer
     * title followed by 之印, set in columns from right to left. A stand-in until the tenant's seal image is
     * configured.
     */
    static void officialSeal(Sheet sheet, double left, double top, double size, String issuerTitle) {
        ContentWriter out = sheet.out();
        out.save().strokeRgb(0.82, 0.08, 0.1).fillRgb(0.82, 0.08, 0.1);
        out.lineWidth(2).rectangle(left, top - size, size, size).stroke();
        double inset = 3.2;
        out.lineWidth(0.7).rectangle(left + inset, top - size + inset, size - 2 * inset, size - 2 * inset).stroke();
        List<PrintedChar> legend = PrintedText.plain(issuerTitle + "之印").chars();
        // Columns from right to left, the longer ones first: 久留米市長之印 reads 久留米 / 市長 / 之印.
        int n = legend.size();
        int columns = (int) Math.ceil(Math.sqrt(n));
        int shortest = n / columns;
        double inner = size - 2 * inset - 3;
        double columnWidth = inner / columns;
        double innerTop = top - inset - 1.5;
        int next = 0;
        for (int column = 0; column < columns; column++) {
            int count = shortest + (column < n % columns ? 1 : 0);
            double slot = inner / count;
            double glyphSize = Math.min(columnWidth, slot) * 0.92;
            double columnLeft = left + size - inset - 1.5 - (column + 1) * columnWidth;
            for (int row = 0; row < count; row++) {
                DocumentFont.Run run = sheet.shape(PrintedText.of(List.of(legend.get(next++))), "公印");
                double x = columnLeft + (columnWidth - run.width(glyphSize)) / 2;
                sheet.text(run, x, baselineFor(innerTop - (row + 0.5) * slot, glyphSize), glyphSize);
            }
        }
        out.restore();
    }

    /** A word (e.g. テスト) drawn large, light and diagonally across the page, over everything else. */
    static void watermark(Sheet sheet, String word) {
        DocumentFont.Run run = sheet.shape(PrintedText.plain(word), "透かし文字");
        if (run.isEmpty()) {
            return;
        }
        double diagonal = Math.hypot(WIDTH, HEIGHT);
        double size = Math.min(120, 0.7 * diagonal * 1000 / run.width());
        PDExtendedGraphicsState light = new PDExtendedGraphicsState();
        light.setNonStrokingAlphaConstant(0.16f);
        String state = sheet.add(light);
        double cos = Math.cos(Math.atan2(HEIGHT, WIDTH));
        double sin = Math.sin(Math.atan2(HEIGHT, WIDTH));
        double u = run.width(size) / 2;
        double v = 0.38 * size;
        double x = WIDTH / 2 - (cos * u - sin * v);
        double y = HEIGHT / 2 - (sin * u + cos * v);
        sheet.out().save().graphicsState(state).fillRgb(0.35, 0.35, 0.35)
                .showCids(FONT, size, cos, sin, -sin, cos, x, y, run.cids())
                .restore();
    }
}
