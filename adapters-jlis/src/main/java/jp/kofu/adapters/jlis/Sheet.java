package jp.kofu.adapters.jlis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * One page (用紙) being drawn: text by CID, ruled boxes, labelled cells and the fitting of text into them.
 * Coordinates are PDF points from the bottom left; boxes are given by their top edge.
 *
 * <p>文字溢れ (text overflowing its box), per box: the designed size if the text fits on one line; else
 * shrunk down to the box's minimum size; else wrapped within the box at the largest size from the designed
 * one down to the minimum whose lines fit, breaking at sensible points ({@link FormTemplate.Wrap}); else
 * the lines that fit stay in the box ending with a reference mark (※1 …) and the rest continues in the
 * continuation area (備考/続き) with the same mark. Nothing is ever cut or left out for length; a break
 * never falls inside one printed character (a variation sequence or a surrogate pair is one CID).
 */
final class Sheet {

    static final String FONT = "F1";

    /** A4 portrait with 15 mm side and 12 mm top and bottom margins: the fixed layout of the 文字同定 sheets. */
    static final double WIDTH = 595.276;
    static final double HEIGHT = 841.89;
    static final double LEFT = mm(15);
    static final double RIGHT = WIDTH - mm(15);
    static final double CONTENT_WIDTH = RIGHT - LEFT;
    static final double TOP = HEIGHT - mm(12);
    static final double BOTTOM = mm(12);

    static final double LABEL_SIZE = 7.5;
    static final double LABEL_MIN_SIZE = 5;
    static final double LEADING = 1.15;
    static final double PAD = 3;
    private static final double LINE = 0.6;
    private static final double LABEL_GRAY = 0.91;
    /** Baseline below the centre of the em box: IPAmj's ascent 880 and descent −120 per 1000. */
    private static final double CENTRE_TO_BASELINE = 0.38;

    private final DocumentFont font;
    private final PDResources resources;
    private final FormTemplate.Page page;
    private final CertificatePdf.Notes notes;
    private final int index;
    private final List<Placement> placements;
    private final ContentWriter out = new ContentWriter();

    private final CertificatePdf pdf;

    Sheet(CertificatePdf pdf, DocumentFont font, PDResources resources, int index) {
        this.pdf = pdf;
        this.font = font;
        this.resources = resources;
        this.page = pdf.template().page();
        this.notes = pdf.notes();
        this.index = index;
        this.placements = pdf.placements();
    }

    /** The document this page belongs to. */
    CertificatePdf pdf() {
        return pdf;
    }

    /**
     * Where a text was placed, for the layout checks of the tests: the box, what was drawn in it, and the
     * part of the item's own text that is in it (without reference marks and prefixes).
     *
     * @param page 0-based page index
     * @param x left edge
     * @param y bottom edge (PDF coordinates)
     */
    record Placement(int page, String item, double x, double y, double width, double height, String drawn,
                     String own) {
    }

    static double mm(double millimetres) {
        return millimetres * 72 / 25.4;
    }

    FormTemplate.Page page() {
        return page;
    }

    /** The PDF y of a distance from the top of the page. */
    double y(double fromTop) {
        return page.pdfY(fromTop);
    }

    double left() {
        return page.left();
    }

    double right() {
        return page.width() - page.right();
    }

    /** Adds an image to the page's resources and returns its name. */
    String add(PDImageXObject image) {
        return resources.add(image).getName();
    }

    /** Adds a graphics state to the page's resources and returns its name. */
    String add(PDExtendedGraphicsState state) {
        return resources.add(state).getName();
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

    /** Horizontal placement of text. */
    enum Align { LEFT, CENTRE, RIGHT }

    static Align align(FormTemplate.Align align) {
        return switch (align) {
            case LEFT -> Align.LEFT;
            case CENTRE -> Align.CENTRE;
            case RIGHT -> Align.RIGHT;
        };
    }

    /** Draws a run with its baseline at {@code baseline}, starting at {@code x}. */
    void text(DocumentFont.Run run, double x, double baseline, double size) {
        if (!run.isEmpty()) {
            out.showCids(FONT, size, 1, 0, 0, 1, x, baseline, run.cids());
        }
    }

    /** Draws a fixed (non-personal) string aligned on {@code x}. */
    void text(String text, double x, double baseline, double size, Align align) {
        DocumentFont.Run run = shape(text, "「" + text + "」");
        double left = aligned(x, 0, run.width(size), align);
        text(run, left, baseline, size);
        if (placements != null) {
            placements.add(new Placement(index, text, left, baseline - 0.12 * size, run.width(size), size, text, text));
        }
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
        if (!label.isEmpty()) {
            DocumentFont.Run run = shape(label, "「" + label + "」");
            fit(run, x, top, width, height, LABEL_SIZE, LABEL_MIN_SIZE, Align.CENTRE, FormTemplate.Wrap.CHARACTERS,
                    "項目名「" + label + "」");
        }
    }

    /** A value cell: a box with the text fitted into it. */
    void valueCell(double x, double top, double width, double height, DocumentFont.Run value, FormTemplate.Box box,
                   String item) {
        box(x, top, width, height);
        fit(value, x, top, width, height, box.fontSize(), box.minFontSize(), align(box.align()), box.wrap(), item);
    }

    /** A value cell with a reading (振り仮名) in small type above the value. */
    void rubyCell(double x, double top, double width, double height, DocumentFont.Run reading,
                  DocumentFont.Run value, FormTemplate.Box box, String item) {
        box(x, top, width, height);
        double readingHeight = Math.min(height * 0.36, 10);
        fit(reading, x, top, width, readingHeight + 1, Math.min(6.5, box.fontSize()),
                Math.min(box.minFontSize(), 5), Align.LEFT, box.wrap(), item + "の振り仮名");
        fit(value, x, top - readingHeight, width, height - readingHeight, box.fontSize(), box.minFontSize(),
                align(box.align()), box.wrap(), item);
    }

    /**
     * Fits a run into a box (文字溢れ): see the class comment for the order of the steps.
     *
     * @param item what the text is (e.g. 氏名（1人目）), for the continuation note and error messages
     */
    void fit(DocumentFont.Run run, double x, double top, double width, double height, double size, double minSize,
             Align align, FormTemplate.Wrap wrap, String item) {
        if (run.isEmpty()) {
            return;
        }
        double available = width - 2 * PAD;
        double natural = run.width(size);
        if (natural <= available + 0.01) {
            draw(List.of(run), x, top, width, height, size, align, item, "");
            return;
        }
        double shrunk = Math.floor(size * available / natural * 100) / 100;
        if (shrunk >= minSize) {
            draw(List.of(run), x, top, width, height, shrunk, align, item, "");
            return;
        }
        double lineRoom = height - 1;
        for (double s = size; s >= minSize - 1e-9; s -= 0.25) {
            double at = Math.max(s, minSize);
            List<DocumentFont.Run> lines = wrap(run, available, at, wrap, Integer.MAX_VALUE, 0);
            if (lines.size() * at * LEADING <= lineRoom) {
                draw(lines, x, top, width, height, at, Align.LEFT, item, "");
                return;
            }
        }
        // the box is full at its minimum size: keep what fits, mark it, continue the rest elsewhere
        int maxLines = Math.max(1, (int) Math.floor(lineRoom / (minSize * LEADING)));
        String mark = notes.nextMark();
        DocumentFont.Run markRun = shape(mark, "参照記号");
        List<DocumentFont.Run> lines = wrap(run, available, minSize, wrap, maxLines, markRun.width());
        int shown = lines.stream().mapToInt(l -> l.cids().length).sum();
        DocumentFont.Run last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, concat(last, markRun));
        draw(lines, x, top, width, height, minSize, Align.LEFT, item, mark);
        int[] rest = Arrays.copyOfRange(run.cids(), shown, run.cids().length);
        notes.add(mark, item, new DocumentFont.Run(rest, widthOf(rest)));
    }

    private void draw(List<DocumentFont.Run> lines, double x, double top, double width, double height, double size,
                      Align align, String item, String mark) {
        double centre = top - height / 2;
        double leading = size * LEADING;
        double firstCentre = centre + (lines.size() - 1) * leading / 2;
        for (int i = 0; i < lines.size(); i++) {
            text(lines.get(i), x + PAD, width - 2 * PAD, baselineFor(firstCentre - i * leading, size), size, align);
        }
        if (placements != null) {
            StringBuilder drawn = new StringBuilder();
            lines.forEach(l -> drawn.append(unicode(l)));
            String own = drawn.substring(0, drawn.length() - mark.length());
            placements.add(new Placement(index, item, x, top - height, width, height, drawn.toString(), own));
        }
    }

    /** Draws lines of a continuation note from {@code top}; returns the y below them. */
    double noteLines(List<DocumentFont.Run> lines, double x, double top, double width, double size, String item,
                     String prefix) {
        double leading = size * LEADING;
        StringBuilder drawn = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text(lines.get(i), x, baselineFor(top - (i + 0.5) * leading, size), size);
            drawn.append(unicode(lines.get(i)));
        }
        if (placements != null) {
            String own = drawn.toString().startsWith(prefix) ? drawn.substring(prefix.length()) : drawn.toString();
            placements.add(new Placement(index, item, x, top - lines.size() * leading - 1, width,
                    lines.size() * leading + 2, drawn.toString(), own));
        }
        return top - lines.size() * leading;
    }

    String unicode(DocumentFont.Run run) {
        StringBuilder sb = new StringBuilder();
        for (int cid : run.cids()) {
            sb.append(font.unicode(cid));
        }
        return sb.toString();
    }

    DocumentFont.Run concat(DocumentFont.Run a, DocumentFont.Run b) {
        int[] cids = Arrays.copyOf(a.cids(), a.cids().length + b.cids().length);
        System.arraycopy(b.cids(), 0, cids, a.cids().length, b.cids().length);
        return new DocumentFont.Run(cids, a.width() + b.width());
    }

    private double widthOf(int[] cids) {
        double w = 0;
        for (int cid : cids) {
            w += font.advance(cid);
        }
        return w;
    }

    /**
     * Breaks a run into lines no wider than {@code width} at the size: at the last sensible break point of
     * the line when there is one in its second half, else between characters.
     *
     * @param maxLines at most this many lines; the characters beyond them are left out of the result
     * @param reserveLast width (1/1000 em) kept free at the end of the last allowed line
     */
    List<DocumentFont.Run> wrap(DocumentFont.Run run, double width, double size, FormTemplate.Wrap wrap,
                                int maxLines, double reserveLast) {
        List<DocumentFont.Run> lines = new ArrayList<>();
        int[] cids = run.cids();
        double limit = width * 1000 / size;
        int start = 0;
        while (start < cids.length && lines.size() < maxLines) {
            double room = lines.size() == maxLines - 1 ? limit - reserveLast : limit;
            double lineWidth = 0;
            int end = start;
            while (end < cids.length && (end == start || lineWidth + font.advance(cids[end]) <= room)) {
                lineWidth += font.advance(cids[end]);
                end++;
            }
            if (end < cids.length && lines.size() < maxLines - 1) {
                int soft = lastBreak(cids, start, end, wrap);
                if (soft > start + (end - start) / 2) {
                    end = soft;
                }
            }
            int[] line = Arrays.copyOfRange(cids, start, end);
            lines.add(new DocumentFont.Run(line, widthOf(line)));
            start = end;
        }
        return lines;
    }

    /** The last index in (start, end] before which a line may sensibly break, or -1. */
    private int lastBreak(int[] cids, int start, int end, FormTemplate.Wrap wrap) {
        if (wrap == FormTemplate.Wrap.CHARACTERS) {
            return -1;
        }
        for (int i = end; i > start; i--) {
            String before = font.unicode(cids[i - 1]);
            if (before.equals(" ") || before.equals("\u3000")) {
                return i;
            }
            if (wrap == FormTemplate.Wrap.ADDRESS) {
                String two = i >= 2 ? font.unicode(cids[i - 2]) + before : before;
                if (two.equals("丁目") || two.equals("番地") || before.equals("番") || before.equals("号")
                        || before.equals("、") || before.equals("字") || before.equals("-") || before.equals("－")) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A value cell with a plain style: minimum size 6, wrapped between characters (fixed layouts). */
    void valueCell(double x, double top, double width, double height, DocumentFont.Run value, double size,
                   Align align, String item) {
        box(x, top, width, height);
        fit(value, x, top, width, height, size, 6, align, FormTemplate.Wrap.CHARACTERS, item);
    }

    /** Fits with a minimum size of 6, wrapped between characters (fixed layouts). */
    void fit(DocumentFont.Run run, double x, double top, double width, double height, double size, Align align,
             String item) {
        fit(run, x, top, width, height, size, 6, align, FormTemplate.Wrap.CHARACTERS, item);
    }

    /** Starts a row of cells across the page's content width whose top edge is {@code top}. */
    Row row(double top, double height) {
        return new Row(left(), top, height, right());
    }

    /** Starts a row of cells at {@code x} whose top edge is {@code top}, ending at {@code right}. */
    Row row(double x, double top, double height, double right) {
        return new Row(x, top, height, right);
    }

    /** A row of cells drawn left to right; a cell of width 0 takes the remaining width. */
    final class Row {
        private final double top;
        private final double height;
        private final double right;
        private double x;

        private Row(double x, double top, double height, double right) {
            this.x = x;
            this.top = top;
            this.height = height;
            this.right = right;
        }

        Row label(String label, double width) {
            double w = width > 0 ? width : right - x;
            labelCell(x, top, w, height, label);
            x += w;
            return this;
        }

        /** A value cell of the box's width (0 = the rest of the row, also when {@code last}). */
        Row value(DocumentFont.Run value, FormTemplate.Box box, boolean last, String item) {
            double w = last || box.width() <= 0 ? right - x : box.width();
            valueCell(x, top, w, height, value, box, item);
            x += w;
            return this;
        }

        Row ruby(DocumentFont.Run reading, DocumentFont.Run value, FormTemplate.Box box, boolean last, String item) {
            double w = last || box.width() <= 0 ? right - x : box.width();
            rubyCell(x, top, w, height, reading, value, box, item);
            x += w;
            return this;
        }

        /** A value cell of a fixed width (0 = the rest of the row), wrapped between characters (tables). */
        Row cell(DocumentFont.Run value, double width, Align align, double size, double minSize, String item) {
            double w = width > 0 ? width : right - x;
            box(x, top, w, height);
            fit(value, x, top, w, height, size, minSize, align, FormTemplate.Wrap.CHARACTERS, item);
            x += w;
            return this;
        }

        /** The y of the row's bottom edge, where the next row starts. */
        double bottom() {
            return top - height;
        }
    }
}
