package jp.kofu.adapters.jlis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a page content stream (コンテンツストリーム) operator by operator.
 *
 * <p>PDFBox's {@code PDPageContentStream} can only show text through its font's Unicode encoder and has
 * no public way to show glyphs by id (its {@code appendRawCommands} is deprecated); it is final and its
 * base class is package-private. The handful of operators a certificate needs are written here instead,
 * with numbers in a fixed format so that the same page always gives the same bytes.
 */
final class ContentWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);

    byte[] toByteArray() {
        return out.toByteArray();
    }

    ContentWriter save() {
        return op("q");
    }

    ContentWriter restore() {
        return op("Q");
    }

    /** Concatenates a transformation matrix. */
    ContentWriter transform(double a, double b, double c, double d, double e, double f) {
        return num(a).num(b).num(c).num(d).num(e).num(f).op("cm");
    }

    ContentWriter lineWidth(double width) {
        return num(width).op("w");
    }

    ContentWriter strokeRgb(double r, double g, double b) {
        return num(r).num(g).num(b).op("RG");
    }

    ContentWriter fillRgb(double r, double g, double b) {
        return num(r).num(g).num(b).op("rg");
    }

    ContentWriter rectangle(double x, double y, double width, double height) {
        return num(x).num(y).num(width).num(height).op("re");
    }

    ContentWriter moveTo(double x, double y) {
        return num(x).num(y).op("m");
    }

    ContentWriter lineTo(double x, double y) {
        return num(x).num(y).op("l");
    }

    ContentWriter stroke() {
        return op("S");
    }

    ContentWriter fill() {
        return op("f");
    }

    ContentWriter fillAndStroke() {
        return op("B");
    }

    /** Sets a named ExtGState from the page resources. */
    ContentWriter graphicsState(String name) {
        return name(name).op("gs");
    }

    /** Paints a named XObject from the page resources. */
    ContentWriter drawObject(String name) {
        return name(name).op("Do");
    }

    /**
     * Shows one run of CIDs as a single {@code Tj}, in its own text object, with the text matrix
     * {@code [a b c d x y]}.
     */
    ContentWriter showCids(String font, double size, double a, double b, double c, double d, double x, double y,
                           int[] cids) {
        op("BT").name(font).num(size).op("Tf");
        num(a).num(b).num(c).num(d).num(x).num(y).op("Tm");
        out.write('<');
        for (int cid : cids) {
            out.write(HEX[cid >> 12 & 0xF]);
            out.write(HEX[cid >> 8 & 0xF]);
            out.write(HEX[cid >> 4 & 0xF]);
            out.write(HEX[cid & 0xF]);
        }
        out.write('>');
        return op("Tj").op("ET");
    }

    private ContentWriter name(String name) {
        out.write('/');
        ascii(name);
        out.write(' ');
        return this;
    }

    private ContentWriter op(String operator) {
        ascii(operator);
        out.write('\n');
        return this;
    }

    /** Numbers rounded to 1/1000 pt, without exponent or trailing zeros: 12, 12.5, -0.125. */
    private ContentWriter num(double value) {
        long thousandths = Math.round(value * 1000);
        if (thousandths < 0) {
            out.write('-');
            thousandths = -thousandths;
        }
        ascii(Long.toString(thousandths / 1000));
        long fraction = thousandths % 1000;
        if (fraction != 0) {
            out.write('.');
            String digits = Long.toString(1000 + fraction).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            ascii(digits.substring(0, end));
        }
        out.write(' ');
        return this;
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }
}
