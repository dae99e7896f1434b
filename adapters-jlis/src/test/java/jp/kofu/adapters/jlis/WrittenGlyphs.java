package jp.kofu.adapters.jlis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.GlyphDescription;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * What a kofu PDF really draws, read back at the lowest level: every {@code Tj} run's CIDs per page, the
 * CIDToGIDMap and the embedded subset font — so that tests check glyphs, not text extraction.
 */
final class WrittenGlyphs implements AutoCloseable {

    private final List<List<int[]>> runsByPage = new ArrayList<>();
    private final int[] gidByCid;
    private final TrueTypeFont subset;

    private WrittenGlyphs(List<List<int[]>> runsByPage, int[] gidByCid, TrueTypeFont subset) {
        this.runsByPage.addAll(runsByPage);
        this.gidByCid = gidByCid;
        this.subset = subset;
    }

    static WrittenGlyphs of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<List<int[]>> pages = new ArrayList<>();
            COSDictionary type0 = null;
            for (PDPage page : document.getPages()) {
                List<int[]> runs = new ArrayList<>();
                List<Object> tokens = new PDFStreamParser(page).parse();
                for (int i = 1; i < tokens.size(); i++) {
                    if (tokens.get(i) instanceof Operator op && op.getName().equals("Tj")
                            && tokens.get(i - 1) instanceof COSString s) {
                        byte[] b = s.getBytes();
                        int[] cids = new int[b.length / 2];
                        for (int k = 0; k < cids.length; k++) {
                            cids[k] = (b[2 * k] & 0xFF) << 8 | b[2 * k + 1] & 0xFF;
                        }
                        runs.add(cids);
                    }
                }
                pages.add(runs);
                COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
                type0 = fonts.getCOSDictionary(COSName.getPDFName(Sheet.FONT));
            }
            COSDictionary cidFont = (COSDictionary) ((COSArray) type0.getDictionaryObject(COSName.DESCENDANT_FONTS))
                    .getObject(0);
            byte[] map;
            try (InputStream in = ((COSStream) cidFont.getDictionaryObject(COSName.CID_TO_GID_MAP)).createInputStream()) {
                map = in.readAllBytes();
            }
            int[] gidByCid = new int[map.length / 2];
            for (int cid = 0; cid < gidByCid.length; cid++) {
                gidByCid[cid] = (map[2 * cid] & 0xFF) << 8 | map[2 * cid + 1] & 0xFF;
            }
            COSDictionary descriptor = cidFont.getCOSDictionary(COSName.FONT_DESC);
            byte[] fontFile;
            try (InputStream in = ((COSStream) descriptor.getDictionaryObject(COSName.FONT_FILE2)).createInputStream()) {
                fontFile = in.readAllBytes();
            }
            TrueTypeFont subset = new TTFParser(true).parse(new RandomAccessReadBuffer(fontFile));
            return new WrittenGlyphs(pages, gidByCid, subset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Tj runs of a page (0-based), each as its CIDs, in drawing order. */
    List<int[]> runs(int page) {
        return runsByPage.get(page);
    }

    int pages() {
        return runsByPage.size();
    }

    /** The glyph id in the embedded subset that a CID shows (0 = .notdef, or a CID beyond the map). */
    int subsetGlyph(int cid) {
        return cid >= 0 && cid < gidByCid.length ? gidByCid[cid] : 0;
    }

    int subsetGlyphCount() throws IOException {
        return subset.getNumberOfGlyphs();
    }

    /** The outline of a glyph of the embedded subset, as {@link #outline(TrueTypeFont, int)}. */
    String subsetOutline(int gid) throws IOException {
        return outline(subset, gid);
    }

    /**
     * A glyph's outline and advance as text: contours, every point with its on-curve flag, the bounding box
     * and the advance width. Equal outlines are the same drawing, whatever the glyph ids (composite glyphs
     * are resolved through their components).
     */
    static String outline(TrueTypeFont ttf, int gid) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("adv=").append(ttf.getAdvanceWidth(gid));
        GlyphData glyph = ttf.getGlyph().getGlyph(gid);
        if (glyph == null) {
            return sb.append(" empty").toString();
        }
        sb.append(" box=").append(glyph.getXMinimum()).append(',').append(glyph.getYMinimum()).append(',')
                .append(glyph.getXMaximum()).append(',').append(glyph.getYMaximum());
        GlyphDescription d = glyph.getDescription();
        sb.append(" contours=").append(d.getContourCount()).append(" points=");
        for (int c = 0; c < d.getContourCount(); c++) {
            sb.append(d.getEndPtOfContours(c)).append('|');
        }
        for (int p = 0; p < d.getPointCount(); p++) {
            sb.append(d.getXCoordinate(p)).append(',').append(d.getYCoordinate(p))
                    .append((d.getFlags(p) & GlyfFlags.ON_CURVE) != 0 ? 'o' : 'x').append(' ');
        }
        return sb.toString();
    }

    /** The TrueType simple-glyph flag bit kofu's checks need. */
    static final class GlyfFlags {
        static final int ON_CURVE = 0x01;

        private GlyfFlags() {
        }
    }

    @Override
    public void close() throws IOException {
        subset.close();
    }
}
