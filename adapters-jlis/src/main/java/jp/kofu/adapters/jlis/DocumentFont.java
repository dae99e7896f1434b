package jp.kofu.adapters.jlis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort.Glyph;

/**
 * The embedded font of one certificate PDF (埋め込みフォント): a subset of IPAmj Mincho written as a Type0
 * font with Identity-H encoding, whose character ids are handed out by this class, one per distinct
 * printed character.
 *
 * <p>Why not {@code PDType0Font.load}: PDFBox keys everything on the glyph, so two characters that print
 * with the same glyph (葛 and its default variation sequence 葛+U+E0100) could only extract as one of them,
 * and glyphs reached only through cmap format 14 or an MJ name would get no Unicode at all. Here every
 * printed character gets its own CID; the CIDToGIDMap points it at its glyph and the ToUnicode CMap at
 * its exact text (with the variation selector, beyond the BMP, or 〓 for MJ-only characters). The subset
 * itself is FontBox's {@link TTFSubsetter}. It also skips PDFBox's width pass over all 61k glyphs and its
 * GSUB pass on every string.
 *
 * <p>Not thread-safe: one instance per document. The shared {@link IpamjFont} is only read.
 */
final class DocumentFont {

    /** The tables a CIDFontType2 needs (ISO 32000-1 §9.9); cmap, name, post and the rest are dropped. */
    private static final List<String> KEPT_TABLES =
            List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp");

    private final IpamjFont font;
    private final GlyphResolutionPort glyphs;
    private final Map<PrintedChar, Integer> cidByChar = new HashMap<>();
    /** Index = CID - 1. */
    private final List<Integer> glyphByCid = new ArrayList<>();
    private final List<String> unicodeByCid = new ArrayList<>();
    private final List<Float> widthByCid = new ArrayList<>();
    /** The Type0 font dictionary, created first so that pages can refer to it; filled by {@link #embed}. */
    private final COSDictionary type0 = new COSDictionary();

    DocumentFont(IpamjFont font, GlyphResolutionPort glyphs) {
        this.font = font;
        this.glyphs = glyphs;
    }

    /** The font dictionary to put in page resources. */
    COSDictionary dictionary() {
        return type0;
    }

    /**
     * Maps a text to CIDs, resolving each character's glyph.
     *
     * @param item what the text is (e.g. 氏名, 住所), for the error message only
     * @throws RenderingException when a character has no exact glyph; the message names the item, the
     *     character's position and kind, never the text
     */
    Run shape(PrintedText text, String item) {
        int[] cids = new int[text.length()];
        double width = 0;
        List<PrintedChar> chars = text.chars();
        for (int i = 0; i < cids.length; i++) {
            PrintedChar ch = chars.get(i);
            Integer cid = cidByChar.get(ch);
            if (cid == null) {
                cid = register(ch, i, item);
            }
            cids[i] = cid;
            width += widthByCid.get(cid - 1);
        }
        return new Run(cids, width);
    }

    private int register(PrintedChar ch, int index, String item) {
        Glyph glyph = glyphs.resolve(ch).orElseThrow(() -> new RenderingException(
                "no glyph in " + font.postScriptName() + " for character " + (index + 1) + " ("
                        + ch.getClass().getSimpleName() + ") of " + item));
        if (glyph.glyphId() >= font.numberOfGlyphs()) {
            throw new RenderingException("glyph " + glyph.glyphId() + " for character " + (index + 1) + " of " + item
                    + " is outside " + font.postScriptName());
        }
        glyphByCid.add(glyph.glyphId());
        unicodeByCid.add(ch.toUnicode());
        widthByCid.add(font.advance(glyph.glyphId()));
        int cid = glyphByCid.size();
        if (cid > 0xFFFF) {
            throw new RenderingException("more than 65,535 distinct characters in one certificate");
        }
        cidByChar.put(ch, cid);
        return cid;
    }

    /**
     * Subsets the font to the glyphs used so far and fills the font dictionaries. Call once, after the
     * last page is drawn.
     *
     * @return the bytes of the embedded subset (for the document id)
     */
    byte[] embed(PDDocument document) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(font.trueType(), KEPT_TABLES);
        subsetter.addGlyphIds(new TreeSet<>(glyphByCid));
        Map<Integer, Integer> oldByNew = subsetter.getGIDMap();
        Map<Integer, Integer> newByOld = new HashMap<>();
        oldByNew.forEach((newGid, oldGid) -> newByOld.put(oldGid, newGid));
        ByteArrayOutputStream subset = new ByteArrayOutputStream();
        subsetter.writeToStream(subset);
        byte[] subsetBytes = subset.toByteArray();

        String baseFont = subsetTag(glyphByCid) + "+" + font.postScriptName();

        COSDictionary descriptor = new COSDictionary();
        IpamjFont.FontMetrics m = font.metrics();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, baseFont);
        descriptor.setInt(COSName.FLAGS, 4); // symbolic: the glyphs are not in a standard Latin set
        COSArray bbox = new COSArray();
        for (float v : new float[] {m.xMin(), m.yMin(), m.xMax(), m.yMax()}) {
            bbox.add(COSInteger.get(Math.round(v)));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, Math.round(m.ascent()));
        descriptor.setInt(COSName.DESCENT, Math.round(m.descent()));
        descriptor.setInt(COSName.CAP_HEIGHT, Math.round(m.capHeight()));
        descriptor.setInt(COSName.STEM_V, 80);
        PDStream fontFile = stream(document, subsetBytes);
        fontFile.getCOSObject().setInt(COSName.LENGTH1, subsetBytes.length);
        descriptor.setItem(COSName.FONT_FILE2, fontFile);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, baseFont);
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, 1000);
        cidFont.setItem(COSName.W, widths());
        cidFont.setItem(COSName.CID_TO_GID_MAP, stream(document, cidToGidMap(newByOld)));

        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, baseFont);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, stream(document, toUnicodeCMap()));
        return subsetBytes;
    }

    /** CIDs are 1..n without gaps, so one {@code [1 [w1 … wn]]} entry covers them all. */
    private COSArray widths() {
        COSArray list = new COSArray();
        for (float w : widthByCid) {
            list.add(w == Math.round(w) ? COSInteger.get(Math.round(w)) : new COSFloat(w));
        }
        COSArray w = new COSArray();
        w.add(COSInteger.ONE);
        w.add(list);
        return w;
    }

    private byte[] cidToGidMap(Map<Integer, Integer> newByOld) {
        byte[] map = new byte[2 * (glyphByCid.size() + 1)];
        for (int cid = 1; cid <= glyphByCid.size(); cid++) {
            int newGid = newByOld.get(glyphByCid.get(cid - 1));
            map[2 * cid] = (byte) (newGid >> 8);
            map[2 * cid + 1] = (byte) newGid;
        }
        return map;
    }

    /** A ToUnicode CMap (Adobe TN 5411) with one bfchar per CID; at most 100 entries per block. */
    private byte[] toUnicodeCMap() {
        StringBuilder cmap = new StringBuilder(256 + glyphByCid.size() * 24);
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        int n = unicodeByCid.size();
        for (int start = 0; start < n; start += 100) {
            int end = Math.min(n, start + 100);
            cmap.append(end - start).append(" beginbfchar\n");
            for (int i = start; i < end; i++) {
                cmap.append('<').append(hex4(i + 1)).append("> <");
                for (char c : unicodeByCid.get(i).toCharArray()) {
                    cmap.append(hex4(c));
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The six-letter subset tag: derived from the glyph set, so the same text gives the same tag (a
     * random tag would make the PDF bytes differ run to run).
     */
    private static String subsetTag(List<Integer> glyphIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int gid : new TreeSet<>(glyphIds)) {
                sha.update((byte) (gid >> 8));
                sha.update((byte) gid);
            }
            byte[] digest = sha.digest();
            StringBuilder tag = new StringBuilder(6);
            for (int i = 0; i < 6; i++) {
                tag.append((char) ('A' + (digest[i] & 0xFF) % 26));
            }
            return tag.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static PDStream stream(PDDocument document, byte[] bytes) throws IOException {
        return new PDStream(document, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
    }

    private static String hex4(int value) {
        String h = Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        return "0000".substring(h.length()) + h;
    }

    /** The advance of one CID in thousandths of an em. */
    float advance(int cid) {
        return widthByCid.get(cid - 1);
    }

    /** The text a CID extracts as (one printed character: a sequence, a surrogate pair or a geta). */
    String unicode(int cid) {
        return unicodeByCid.get(cid - 1);
    }

    /** Number of distinct characters (CIDs) used so far. */
    int characterCount() {
        return glyphByCid.size();
    }

    /** The distinct glyphs used so far. */
    Set<Integer> glyphIds() {
        return new TreeSet<>(glyphByCid);
    }

    /**
     * A shaped text: its CIDs and its advance in thousandths of an em.
     *
     * @param cids the character ids, each written as two bytes
     * @param width the total advance, 1000 = one em
     */
    record Run(int[] cids, double width) {
        /** The width in points at a font size. */
        double width(double size) {
            return width * size / 1000;
        }

        boolean isEmpty() {
            return cids.length == 0;
        }
    }
}
