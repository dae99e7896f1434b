package jp.kofu.adapters.jlis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Every glyph of a PDF with its position, read back with PDFBox's text extraction (a
 * {@link PDFTextStripper} that keeps the positions in drawing order), to check what a box holds and that
 * nothing is drawn outside it.
 */
final class GlyphLayout {

    /** One drawn glyph: its text, baseline origin (PDF coordinates), advance and font size. */
    record Glyph(int page, String text, double x, double baseline, double width, double size) {
    }

    private final List<Glyph> glyphs;
    private final int pages;

    private GlyphLayout(List<Glyph> glyphs, int pages) {
        this.glyphs = glyphs;
        this.pages = pages;
    }

    static GlyphLayout of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Glyph> all = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                private int page = -1;
                private double height;

                @Override
                protected void startPage(PDPage p) throws IOException {
                    page++;
                    height = p.getMediaBox().getHeight();
                    super.startPage(p);
                }

                @Override
                protected void processTextPosition(TextPosition t) {
                    // the size from the text rendering matrix: getFontSizeInPt() is truncated to whole points
                    all.add(new Glyph(page, t.getUnicode(), t.getXDirAdj(), height - t.getYDirAdj(),
                            t.getWidthDirAdj(), t.getXScale()));
                }
            };
            stripper.setSuppressDuplicateOverlappingText(false);
            stripper.setSortByPosition(false);
            stripper.getText(document);
            return new GlyphLayout(all, document.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int pages() {
        return pages;
    }

    List<Glyph> glyphs() {
        return glyphs;
    }

    /** The glyphs whose baseline origin lies in the placement's box, in drawing order. */
    List<Glyph> in(Sheet.Placement box) {
        return glyphs.stream()
                .filter(g -> g.page() == box.page())
                .filter(g -> g.x() >= box.x() - 0.05 && g.x() < box.x() + box.width()
                        && g.baseline() >= box.y() - 0.05 && g.baseline() <= box.y() + box.height() + 0.05)
                .toList();
    }

    /** The text of the glyphs in the box, in drawing order. */
    String textIn(Sheet.Placement box) {
        StringBuilder sb = new StringBuilder();
        in(box).forEach(g -> sb.append(g.text()));
        return sb.toString();
    }

    /** Whether every glyph in the box lies wholly inside it: advance within the width, em box within the height. */
    boolean allInside(Sheet.Placement box) {
        for (Glyph g : in(box)) {
            boolean horizontal = g.x() + g.width() <= box.x() + box.width() + 0.05;
            boolean vertical = g.baseline() - 0.12 * g.size() >= box.y() - 0.05
                    && g.baseline() + 0.88 * g.size() <= box.y() + box.height() + 0.05;
            if (!horizontal || !vertical) {
                return false;
            }
        }
        return true;
    }
}
