package jp.kofu.adapters.jlis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The certificate font, IPAmj Mincho (IPAmj明朝), parsed once per process and shared by every rendering.
 *
 * <p>Parsing the 46 MB font takes about a second the first time and tens of milliseconds once warm, with
 * much allocation, so the parsed {@link TrueTypeFont} is kept and reused: {@code kofu bench render} measures
 * a document with the shared font against one with the font parsed for that document, in the same run, and
 * prints the gain (docs/cli.md; about 6× on a loaded 2-core machine). The font ships inside this module
 * ({@code jp/kofu/adapters/jlis/font/ipamjm.ttf}); nothing has to be installed.
 *
 * <p><b>Thread safety.</b> FontBox 3.0.8 reads most tables lazily through one shared stream whose
 * position is not guarded ({@code TrueTypeFont.readTable} is not synchronized, only
 * {@code getTableBytes} is). The constructor therefore reads every table the renderer and the subsetter
 * touch before the instance is published; afterwards all access is to fully read, never modified tables
 * or to {@code getOriginalData()}, which hands out a fresh stream each time. No lock is needed while
 * rendering. Nobody may close the font: it lives as long as the process.
 */
public final class IpamjFont {

    /** The bundled font, relative to this class. */
    static final String RESOURCE = "font/ipamjm.ttf";

    private final TrueTypeFont ttf;
    private final CmapLookup unicodeCmap;
    private final CmapFormat14 variationSequences;
    private final PostGlyphNames glyphNames;
    private final HorizontalMetricsTable horizontalMetrics;
    private final int numberOfGlyphs;
    private final int unitsPerEm;
    private final FontMetrics metrics;

    private IpamjFont(TrueTypeFont ttf) throws IOException {
        this.ttf = ttf;
        HeaderTable head = ttf.getHeader();
        this.unitsPerEm = head.getUnitsPerEm();
        this.numberOfGlyphs = ttf.getNumberOfGlyphs();
        // Read every lazily loaded table now, on this thread (see the class comment).
        ttf.getHorizontalHeader();
        ttf.getMaximumProfile();
        ttf.getNaming();
        ttf.getOS2Windows();
        ttf.getPostScript();
        ttf.getIndexToLocation();
        ttf.getGlyph();
        this.horizontalMetrics = ttf.getHorizontalMetrics();
        this.unicodeCmap = ttf.getUnicodeCmapLookup();
        this.variationSequences = CmapFormat14.parse(tableBytes("cmap"));
        this.glyphNames = PostGlyphNames.parse(tableBytes("post"));
        float scale = 1000f / unitsPerEm;
        this.metrics = new FontMetrics(ttf.getName(),
                head.getXMin() * scale, head.getYMin() * scale, head.getXMax() * scale, head.getYMax() * scale,
                ttf.getHorizontalHeader().getAscender() * scale, ttf.getHorizontalHeader().getDescender() * scale,
                ttf.getOS2Windows().getCapHeight() * scale);
    }

    private byte[] tableBytes(String tag) throws IOException {
        TTFTable table = ttf.getTableMap().get(tag);
        if (table == null) {
            throw new IOException("the font has no '" + tag + "' table");
        }
        return ttf.getTableBytes(table);
    }

    /**
     * The bundled IPAmj Mincho, parsed on first use and then shared by the whole process.
     *
     * @throws UncheckedIOException when the bundled font cannot be read (a broken build)
     */
    public static IpamjFont shared() {
        return Shared.INSTANCE;
    }

    /** Parses a font from a stream (tests, or another build of IPAmj Mincho). Prefer {@link #shared()}. */
    public static IpamjFont load(InputStream ttfStream) throws IOException {
        Objects.requireNonNull(ttfStream, "ttfStream");
        return new IpamjFont(new TTFParser().parse(new RandomAccessReadBuffer(ttfStream)));
    }

    private static final class Shared {
        static final IpamjFont INSTANCE = loadBundled();

        private static IpamjFont loadBundled() {
            try (InputStream in = IpamjFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("the bundled font " + RESOURCE
                            + " is missing from the classpath"));
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled font " + RESOURCE + " cannot be read", e);
            }
        }
    }

    /** The font's PostScript name, {@code IPAmjMincho}. */
    public String postScriptName() {
        return metrics.postScriptName();
    }

    /** Number of glyphs in the font. */
    public int numberOfGlyphs() {
        return numberOfGlyphs;
    }

    /** The glyph of a code point in the Unicode cmap, or 0. */
    int glyphOfCodePoint(int codePoint) {
        return unicodeCmap.getGlyphId(codePoint);
    }

    CmapFormat14 variationSequences() {
        return variationSequences;
    }

    PostGlyphNames glyphNames() {
        return glyphNames;
    }

    /** The advance width of a glyph in thousandths of an em, as PDF widths are given. */
    float advance(int glyphId) {
        return horizontalMetrics.getAdvanceWidth(glyphId) * 1000f / unitsPerEm;
    }

    FontMetrics metrics() {
        return metrics;
    }

    /** The parsed font, for the subsetter only; never close it. */
    TrueTypeFont trueType() {
        return ttf;
    }

    /** Font-wide metrics in thousandths of an em, for the PDF font descriptor and for layout. */
    record FontMetrics(String postScriptName, float xMin, float yMin, float xMax, float yMax,
                       float ascent, float descent, float capHeight) {
    }
}
