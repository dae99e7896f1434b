package jp.kofu.adapters.jlis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * One A4 portrait page (用紙) being drawn: text by CID, ruled boxes, labelled cells and the fitting of text
 * into them (文字溢れ: shrink to a floor size, then wrap; what still does not fit is an error, never
 * clipped). Coordinates are PDF points from the bottom left; boxes are given by their top edge.
 */
final class Sheet {

    static final double WIDTH = 595.276;
    static final double HEIGHT = 841.89;
    static final double LEFT = mm(15);
    static final double RIGHT = WIDTH - mm(15);
    static final double CONTENT_WIDTH = RIGHT - LEFT;
    static final double TOP = HEIGHT - mm(12);
    static final double BOTTOM = mm(12);

    static final String FONT = "F1";

    static final double LABEL_SIZE = 7.5;
    static final double VALUE_SIZE = 9.5;
    static final double MIN_SIZE = 5.5;
    private static final double PAD = 3;
    private static final double LINE = 0.6;
    private static final double LABEL_GRAY = 0.91;
    /** Baseline below the centre of the em box: IPAmj's ascent 880 and descent −120 per 1000. */
    private static final double CENTRE_TO_BASELINE = 0.38;

    private final DocumentFont font;
    private final PDResources resources;
    private final ContentWriter out = new ContentWriter();

    Sheet(DocumentFont font, PDResources resources) {
        this.font = font;
        this.resources = resources;
    }

    /** Adds an image to the page's resources and returns its name. */
    String add(PDImageXObject image) {
        return resources.add(image).getName();
    }

    /** Adds a graphics state to the page's resources and returns its name. */
    String add(PDExtendedGraphicsState state) {
        return resources.add(state).getName();
    }

    static double mm(double millimetres) {
        return millimetres * 72 / 25.4;
    }

    ContentWriter out() {
        return out;
    }

    byte[] content() {
        return out.toByteArray();
    }

    DocumentFont.Run shape(PrintedText text, String item) {
        return font.shape(text, item);
    }

    DocumentFont.Run shape(String text, String item) {
        return font.shape(PrintedText.plain(text), item);
    }

    /** Horizontal placement of text in a box. */
    enum Align { LEFT, CENTRE, RIGHT }

    /** Draws a run with its baseline at {@code baseline}, starting at {@code x}. */
    void text(DocumentFont.Run run, double x, double baseline, double size) {
        if (!run.isEmpty()) {
            out.showCids(FONT, size, 1, 0, 0, 1, x, baseline, run.cids());
        }
    }

    /** Draws a fixed (non-personal) string aligned on {@code x}. */
    void text(String text, double x, double baseline, double size, Align align) {
        DocumentFont.Run run = shape(text, "「" + text + "」");
        text(run, aligned(x, 0, run.width(size), align), baseline, size);
    }

    /** Draws text aligned within [x, x+width] at the baseline. */
    void text(DocumentFont.Run run, double x, double width, double baseline, double size, Align align) {
        text(run, aligned(x, width, run.width(size), align), baseline, size);
    }

    private static double aligned(double x, double boxWidth, double textWidth, Align align) {
        return switch (align) {
            case LEFT -> x;
            case CENTRE -> x + (boxWidth - textWidth) / 2;
            case RIGHT -> x + boxWidth - textWidth;
        };
    }

    /** The baseline that centres text of the size vertically on {@code centreY}. */
    static double baselineFor(double centreY, double size) {
        return centreY - CENTRE_TO_BASELINE * size;
    }

    void box(double x, double top, double width, double height) {
        out.lineWidth(LINE).rectangle(x, top - height, width, height).stroke();
    }

    void rule(double x1, double y1, double x2, double y2, double width) {
        out.lineWidth(width).moveTo(x1, y1).lineTo(x2, y2).stroke();
    }

    /** A shaded label cell (項目名). */
    void labelCell(double x, double top, double width, double height, String label) {
        out.save().fillRgb(LABEL_GRAY, LABEL_GRAY, LABEL_GRAY).lineWidth(LINE)
                .rectangle(x, top - height, width, height).fillAndStroke().restore();
        DocumentFont.Run run = shape(label, "「" + label + "」");
        fit(run, x, top, width, height, LABEL_SIZE, Align.CENTRE, label);
    }

    /** A value cell: a box with the text fitted into it. */
    void valueCell(double x, double top, double width, double height, DocumentFont.Run value, double size,
                   Align align, String item) {
        box(x, top, width, height);
        fit(value, x, top, width, height, size, align, item);
    }

    /** A value cell with a reading (振り仮名) in small type above the value. */
    void rubyCell(double x, double top, double width, double height, DocumentFont.Run reading,
                  DocumentFont.Run value, double size, String item) {
        box(x, top, width, height);
        double readingHeight = Math.min(height * 0.36, 10);
        fit(reading, x, top, width, readingHeight + 1, 6.5, Align.LEFT, item + "の振り仮名");
        fit(value, x, top - readingHeight, width, height - readingHeight, size, Align.LEFT, item);
    }

    /**
     * Fits a run into a box: at {@code size}, else shrunk to fit down to {@link #MIN_SIZE}, else wrapped
     * at the minimum size over as many lines as the box holds.
     *
     * @throws RenderingException when even the wrapped text does not fit (names the item, not the text)
     */
    void fit(DocumentFont.Run run, double x, double top, double width, double height, double size, Align align,
             String item) {
        if (run.isEmpty()) {
            return;
        }
        double available = width - 2 * PAD;
        double natural = run.width(size);
        double chosen = natural <= available ? size : Math.max(MIN_SIZE, size * available / natural);
        double centre = top - height / 2;
        if (run.width(chosen) <= available + 0.01) {
            text(run, x + PAD, available, baselineFor(centre, chosen), chosen, align);
            return;
        }
        List<DocumentFont.Run> lines = wrap(run, available, MIN_SIZE);
        double leading = MIN_SIZE * 1.15;
        if (lines.size() * leading > height - 1) {
            throw new RenderingException(item + " does not fit its box (" + run.cids().length
                    + " characters, " + lines.size() + " lines)");
        }
        double firstCentre = centre + (lines.size() - 1) * leading / 2;
        for (int i = 0; i < lines.size(); i++) {
            text(lines.get(i), x + PAD, available, baselineFor(firstCentre - i * leading, MIN_SIZE), MIN_SIZE,
                    Align.LEFT);
        }
    }

    /** Breaks a run into lines no wider than {@code width} at the size; any character may start a line. */
    List<DocumentFont.Run> wrap(DocumentFont.Run run, double width, double size) {
        List<DocumentFont.Run> lines = new ArrayList<>();
        int[] cids = run.cids();
        int start = 0;
        double lineWidth = 0;
        for (int i = 0; i < cids.length; i++) {
            double advance = font.advance(cids[i]);
            if (i > start && (lineWidth + advance) * size / 1000 > width) {
                lines.add(new DocumentFont.Run(Arrays.copyOfRange(cids, start, i), lineWidth));
                start = i;
                lineWidth = 0;
            }
            lineWidth += advance;
        }
        lines.add(new DocumentFont.Run(Arrays.copyOfRange(cids, start, cids.length), lineWidth));
        return lines;
    }

    /** Starts a row of cells whose top edge is {@code top}; cells run from the left margin. */
    Row row(double top, double height) {
        return new Row(LEFT, top, height);
    }

    /** Starts a row of cells at {@code x}. */
    Row row(double x, double top, double height) {
        return new Row(x, top, height);
    }

    /** A row of cells drawn left to right; the last cell may take the remaining width. */
    final class Row {
        private final double top;
        private final double height;
        private double x;

        private Row(double x, double top, double height) {
            this.x = x;
            this.top = top;
            this.height = height;
        }

        Row label(String label, double width) {
            labelCell(x, top, width, height, label);
            x += width;
            return this;
        }

        Row value(DocumentFont.Run value, double width, String item) {
            return value(value, width, Align.LEFT, VALUE_SIZE, item);
        }

        Row value(DocumentFont.Run value, double width, Align align, double size, String item) {
            double w = width > 0 ? width : RIGHT - x;
            valueCell(x, top, w, height, value, size, align, item);
            x += w;
            return this;
        }

        /** A value cell taking the rest of the row. */
        Row rest(DocumentFont.Run value, String item) {
            return value(value, 0, item);
        }

        Row ruby(DocumentFont.Run reading, DocumentFont.Run value, double width, double size, String item) {
            double w = width > 0 ? width : RIGHT - x;
            rubyCell(x, top, w, height, reading, value, size, item);
            x += w;
            return this;
        }

        /** The y of the row's bottom edge, where the next row starts. */
        double bottom() {
            return top - height;
        }
    }
}
