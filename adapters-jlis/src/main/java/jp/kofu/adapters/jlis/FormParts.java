package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Sheet.FONT;
import static jp.kofu.adapters.jlis.Sheet.baselineFor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.certificate.service.ContentAssembler;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * The parts every certificate form shares (様式の共通部分): the page head with the certificate number and
 * page mark, the title, the attestation block (認証文・発行日・発行者・公印), the kiosk marker and the
 * watermark.
 */
final class FormParts {

    /** The space between the end of the body and the attestation block's rule. */
    static final double ATTESTATION_GAP = 8;
    private static final double NOTE_SIZE = 9;

    private FormParts() {
    }

    /**
     * Ends a certificate whose body pages are drawn: the continued texts (備考/続き) in the template's
     * area on the last page and on continuation sheets, the attestation block on the last page, then the
     * head (certificate number, page x / y, title) and the foot of every page.
     */
    static void finish(CertificatePdf pdf, String title, Attestation attestation) {
        FormTemplate t = pdf.template();
        List<CertificatePdf.Note> notes = pdf.notes().all();
        Sheet last = pdf.sheets().get(pdf.sheets().size() - 1);
        if (!notes.isEmpty()) {
            Deque<Line> lines = noteLines(last, notes, t);
            if (t.continuation().isPresent()) {
                FormTemplate.Area area = t.continuation().get();
                placeLines(last, lines, area.x(), area.y(), area.width(), area.bottom(), area.label());
            }
            while (!lines.isEmpty()) {
                Sheet sheet = pdf.newPage();
                double top = t.head().bodyY();
                int before = lines.size();
                placeLines(sheet, lines, t.page().left(), top, t.page().contentWidth(), t.bodyLimit() - 4,
                        "備考（続き）");
                if (lines.size() == before) {
                    throw new RenderingException(t.source() + ": a continuation sheet holds no line between "
                            + "$.head.bodyY and $.attestation.y");
                }
                last = sheet;
            }
        }
        attestation(last, t, attestation);
        int pages = pdf.sheets().size();
        for (int i = 0; i < pages; i++) {
            head(pdf.sheets().get(i), t, title, attestation, i + 1, pages);
            foot(pdf.sheets().get(i), t, attestation);
        }
    }

    /** One line of a continuation note. */
    private record Line(CertificatePdf.Note note, DocumentFont.Run run, String prefix) {
    }

    private static Deque<Line> noteLines(Sheet sheet, List<CertificatePdf.Note> notes, FormTemplate t) {
        double width = t.continuation().map(FormTemplate.Area::width).orElse(t.page().contentWidth());
        Deque<Line> lines = new ArrayDeque<>();
        for (CertificatePdf.Note note : notes) {
            String prefix = note.mark() + "　" + note.item() + "（続き）　";
            DocumentFont.Run all = sheet.concat(sheet.shape(prefix, "備考"), note.rest());
            for (DocumentFont.Run run : sheet.wrap(all, width - 2 * Sheet.PAD, NOTE_SIZE, FormTemplate.Wrap.ADDRESS,
                    Integer.MAX_VALUE, 0)) {
                lines.add(new Line(note, run, prefix));
            }
        }
        return lines;
    }

    /** Draws as many note lines as fit between {@code top} and {@code limit} (from the page top). */
    private static void placeLines(Sheet sheet, Deque<Line> lines, double x, double top, double width,
                                   double limit, String heading) {
        double leading = NOTE_SIZE * Sheet.LEADING;
        if (top + 14 + leading > limit) {
            return;
        }
        sheet.text(heading, x, Sheet.baselineFor(sheet.y(top + 6), 8), 8, Sheet.Align.LEFT);
        double y = top + 14;
        while (!lines.isEmpty() && y + leading <= limit) {
            CertificatePdf.Note note = lines.peek().note();
            List<DocumentFont.Run> runs = new ArrayList<>();
            boolean first = true;
            String prefix = "";
            while (!lines.isEmpty() && lines.peek().note() == note && y + (runs.size() + 1) * leading <= limit) {
                Line line = lines.poll();
                runs.add(line.run());
                if (first) {
                    prefix = line.prefix();
                    first = false;
                }
            }
            // a note split across pages: the head of its text carries the prefix only once
            boolean startsNote = prefix.isEmpty() ? false : sheet.unicode(runs.get(0)).startsWith(prefix);
            sheet.noteLines(runs, x + Sheet.PAD, sheet.y(y), width - 2 * Sheet.PAD, NOTE_SIZE,
                    note.item() + "（続き）", startsNote ? prefix : "");
            y += runs.size() * leading;
        }
    }

    /** Draws the head of a page: certificate number (left), page mark such as 1/2 (right) and the title. */
    static void head(Sheet sheet, FormTemplate t, String title, Attestation attestation, int page, int pages) {
        FormTemplate.Head h = t.head();
        double line = Sheet.baselineFor(sheet.y(h.lineY()), h.lineSize());
        sheet.text(h.numberLabel() + "　" + attestation.certificateNumber(), sheet.left(), line, h.lineSize(),
                Sheet.Align.LEFT);
        sheet.text(page + "/" + pages, sheet.right(), line, h.lineSize(), Sheet.Align.RIGHT);
        sheet.text(title, t.page().width() / 2, Sheet.baselineFor(sheet.y(h.titleY()), h.titleSize()), h.titleSize(),
                Sheet.Align.CENTRE);
    }

    /** Draws the kiosk marker (e.g. コンビニ交付) centred at the foot and the 検証コード at the right. */
    static void foot(Sheet sheet, FormTemplate t, Attestation attestation) {
        double baseline = Sheet.baselineFor(sheet.y(t.footerY()), 8);
        if (!attestation.kioskMarker().isEmpty()) {
            sheet.text(attestation.kioskMarker(), t.page().width() / 2, baseline, 8, Sheet.Align.CENTRE);
        }
        if (!attestation.verificationCode().isEmpty()) {
            sheet.text("検証コード　" + attestation.verificationCode(), sheet.right(), baseline, 8, Sheet.Align.RIGHT);
        }
    }

    /** The 認証文 in the tenant's wording when its form has one, else the content's. */
    static String attestationText(FormTemplate t, Attestation attestation) {
        boolean wholeHousehold = attestation.text().equals(ContentAssembler.JUMINHYO_WHOLE_HOUSEHOLD_TEXT);
        if (wholeHousehold && !t.attestation().wholeHouseholdText().isEmpty()) {
            return t.attestation().wholeHouseholdText();
        }
        if (!wholeHousehold && !t.attestation().text().isEmpty()) {
            return t.attestation().text();
        }
        return attestation.text();
    }

    /** Draws the attestation block: 認証文, issue date, issuer and 公印, where the template puts them. */
    static void attestation(Sheet sheet, FormTemplate t, Attestation attestation) {
        FormTemplate.Attestation a = t.attestation();
        FormTemplate.Area area = a.area();
        if (a.rule()) {
            double ruleY = sheet.y(area.y() - ATTESTATION_GAP);
            sheet.rule(sheet.left(), ruleY, sheet.right(), ruleY, 0.4);
        }
        DocumentFont.Run text = sheet.shape(PrintedText.plain(attestationText(t, attestation)), "認証文");
        sheet.fit(text, area.x(), sheet.y(area.y()), area.width(), area.height(), area.fontSize(), 6,
                Sheet.Align.LEFT, FormTemplate.Wrap.CHARACTERS, "認証文");
        FormTemplate.Anchor date = t.issueDate();
        sheet.text(JapaneseDates.format(attestation.issuedOn()), date.x(),
                Sheet.baselineFor(sheet.y(date.y()), date.fontSize()), date.fontSize(), Sheet.Align.LEFT);

        String issuer = attestation.issuerName().isEmpty()
                ? attestation.issuerTitle()
                : attestation.issuerTitle() + "　" + attestation.issuerName();
        FormTemplate.Area i = t.issuer();
        sheet.fit(sheet.shape(PrintedText.plain(issuer), "発行者"), i.x(), sheet.y(i.y()), i.width(), i.height(),
                i.fontSize(), 6, Sheet.Align.RIGHT, FormTemplate.Wrap.NAME, "発行者");
        FormTemplate.Seal seal = t.officialSeal();
        if (seal.image().isPresent()) {
            PDImageXObject image = sheetImage(sheet, seal);
            String name = sheet.add(image);
            sheet.out().save().transform(seal.size(), 0, 0, seal.size(), seal.x(), sheet.y(seal.y() + seal.size()))
                    .drawObject(name).restore();
        } else {
            officialSeal(sheet, seal.x(), sheet.y(seal.y()), seal.size(), attestation.issuerTitle());
        }
    }

    private static PDImageXObject sheetImage(Sheet sheet, FormTemplate.Seal seal) {
        return sheet.pdf().officialSealImage(seal.image().get(), seal.imageFile());
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
        double WIDTH = sheet.page().width();
        double HEIGHT = sheet.page().height();
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
