package jp.kofu.cli.generate;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import jp.kofu.core.replica.domain.SealImage;

/**
 * Draws seal impressions (印影): a red round or square border with one to four characters inside, as a
 * small two-colour PNG (96 × 96 pixels, transparent background). The characters are drawn with IPAmj
 * Mincho when the font is on the classpath (adapters-jlis ships it), else with a logical font. Every image
 * is a pure function of its text and shape, so caching them keeps a 300,000-person town fast and does not
 * affect determinism.
 */
final class SealImages {

    /** Where adapters-jlis puts IPAmj Mincho on the classpath. */
    static final String FONT_RESOURCE = "/jp/kofu/adapters/jlis/font/ipamjm.ttf";

    static final int PIXELS = 96;
    private static final int MAX_CHARS = 4;

    private final ConcurrentHashMap<String, byte[]> pngByText = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SealImage> imageByTextAndSize = new ConcurrentHashMap<>();

    /**
     * The seal image of the text at the size.
     *
     * @param text the code points to engrave (at most four are used; variation selectors are not expected)
     * @param square a square seal (角印) instead of a round one (丸印)
     * @param sizeMm the registered size (both width and height)
     */
    SealImage image(String text, boolean square, double sizeMm) {
        String key = (square ? "S" : "R") + text;
        return imageByTextAndSize.computeIfAbsent(key + "|" + sizeMm,
                k -> new SealImage(pngByText.computeIfAbsent(key, t -> render(text, square)), sizeMm, sizeMm));
    }

    /** How many distinct impressions have been drawn (each engraved text and shape once). */
    int drawnImages() {
        return pngByText.size();
    }

    /** Whether IPAmj Mincho was found (otherwise a logical font draws the characters). */
    static boolean hasEmbeddedFont() {
        return FontHolder.EMBEDDED;
    }

    private static byte[] render(String text, boolean square) {
        int[] cps = text.codePoints().limit(MAX_CHARS).toArray();
        byte[] red = {(byte) 0xFF, (byte) 0xC8};
        byte[] green = {(byte) 0xFF, (byte) 0x1E};
        byte[] blue = {(byte) 0xFF, (byte) 0x28};
        IndexColorModel palette = new IndexColorModel(1, 2, red, green, blue, 0);
        BufferedImage img = new BufferedImage(PIXELS, PIXELS, BufferedImage.TYPE_BYTE_BINARY, palette);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(new java.awt.Color(0xC8, 0x1E, 0x28));
            float border = 5f;
            g.setStroke(new BasicStroke(border));
            double m = 2 + border / 2;
            Shape frame = square
                    ? new Rectangle2D.Double(m, m, PIXELS - 2 * m, PIXELS - 2 * m)
                    : new Ellipse2D.Double(m, m, PIXELS - 2 * m, PIXELS - 2 * m);
            g.draw(frame);
            Rectangle2D area = textArea(cps.length, square);
            Rectangle2D[] cells = cells(area, cps.length);
            FontRenderContext frc = new FontRenderContext(null, false, false);
            g.setStroke(new BasicStroke(1.6f));
            for (int i = 0; i < cps.length; i++) {
                GlyphVector gv = FontHolder.FONT.createGlyphVector(frc, Character.toString(cps[i]));
                Shape outline = gv.getOutline();
                Rectangle2D logical = gv.getLogicalBounds();
                Rectangle2D cell = cells[i];
                // Map the em box onto the cell: seal engravers stretch characters to fill their space.
                AffineTransform at = new AffineTransform();
                at.translate(cell.getX(), cell.getY());
                at.scale(cell.getWidth() / logical.getWidth(), cell.getHeight() / logical.getHeight());
                at.translate(-logical.getX(), -logical.getY());
                Shape placed = at.createTransformedShape(outline);
                g.fill(placed);
                g.draw(placed);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a seal image", e);
        }
        return out.toByteArray();
    }

    /** The box the characters fill: inside the border, narrower for few characters so they stay upright. */
    private static Rectangle2D textArea(int n, boolean square) {
        double c = PIXELS / 2.0;
        double w;
        double h;
        if (square) {
            double side = PIXELS - 2 * 12;
            w = n == 1 ? side * 0.8 : n == 2 || n == 3 ? side * 0.7 : side;
            h = side;
        } else {
            // inside a circle of radius ~37: the larger the box, the more it must be square-ish
            switch (n) {
                case 1 -> {
                    w = 48;
                    h = 48;
                }
                case 2 -> {
                    w = 44;
                    h = 66;
                }
                case 3 -> {
                    w = 36;
                    h = 70;
                }
                default -> {
                    w = 52;
                    h = 52;
                }
            }
        }
        return new Rectangle2D.Double(c - w / 2, c - h / 2, w, h);
    }

    /** Cells in reading order: one column top to bottom, or for four characters right column first. */
    private static Rectangle2D[] cells(Rectangle2D a, int n) {
        Rectangle2D[] out = new Rectangle2D[n];
        if (n <= 3) {
            double h = a.getHeight() / Math.max(n, 1);
            for (int i = 0; i < n; i++) {
                out[i] = new Rectangle2D.Double(a.getX(), a.getY() + i * h, a.getWidth(), h);
            }
        } else {
            double w = a.getWidth() / 2;
            double h = a.getHeight() / 2;
            out[0] = new Rectangle2D.Double(a.getX() + w, a.getY(), w, h);
            out[1] = new Rectangle2D.Double(a.getX() + w, a.getY() + h, w, h);
            out[2] = new Rectangle2D.Double(a.getX(), a.getY(), w, h);
            out[3] = new Rectangle2D.Double(a.getX(), a.getY() + h, w, h);
        }
        return out;
    }

    /** Loads the font once per JVM: parsing the 46 MB IPAmj file is the expensive part. */
    private static final class FontHolder {
        static final boolean EMBEDDED;
        static final Font FONT;

        static {
            Font f = null;
            URL url = SealImages.class.getResource(FONT_RESOURCE);
            if (url != null) {
                try {
                    if ("file".equals(url.getProtocol())) {
                        f = Font.createFont(Font.TRUETYPE_FONT, new File(url.toURI()));
                    } else {
                        try (InputStream in = url.openStream()) {
                            f = Font.createFont(Font.TRUETYPE_FONT, in);
                        }
                    }
                } catch (IOException | FontFormatException | URISyntaxException e) {
                    f = null; // fall back to a logical font below; the images stay valid
                }
            }
            EMBEDDED = f != null;
            FONT = (f != null ? f : new Font(Font.SERIF, Font.BOLD, 1)).deriveFont(64f);
        }
    }
}
