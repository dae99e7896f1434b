package jp.kofu.adapters.jlis.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Writes the signature's incremental update (増分更新) directly, without parsing the PDF into objects: for the
 * files kofu's renderer writes (a cross-reference stream at {@code startxref}, the catalog a plain object without
 * an AcroForm), it reads the trailer and the catalog's offset from that one stream and appends the signature
 * dictionary, an invisible signature field, the catalog with its new {@code /AcroForm}, and a cross-reference
 * stream for them with {@code /Prev}. Any other shape gives {@link Optional#empty()} and the caller falls back to
 * PDFBox's own incremental save.
 *
 * <p>The signature field's widget is not added to a page's {@code /Annots} (it is hidden and has no
 * appearance); readers list the signature from the AcroForm.
 */
final class IncrementalUpdate {

    /** The prepared file: the bytes with a zero-filled {@code /Contents} and the offsets of its hex digits. */
    record Prepared(byte[] bytes, int contentsFrom, int contentsTo) {
        /** Every byte but the hex string {@code <…>} of the signature value. */
        byte[] signedContent() {
            byte[] out = new byte[bytes.length - (contentsTo - contentsFrom + 2)];
            System.arraycopy(bytes, 0, out, 0, contentsFrom - 1);
            System.arraycopy(bytes, contentsTo + 1, out, contentsFrom - 1, bytes.length - contentsTo - 1);
            return out;
        }

        /** Writes the signature value (upper-case hex, zero padded) into the reserved space. */
        byte[] withSignature(byte[] cms) {
            int capacity = (contentsTo - contentsFrom) / 2;
            if (cms.length > capacity) {
                throw new IllegalStateException("the signature (" + cms.length + " bytes) exceeds its space (" + capacity + ")");
            }
            byte[] out = bytes.clone();
            byte[] hex = java.util.HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(hex, 0, out, contentsFrom, hex.length);
            return out;
        }
    }

    private static final Pattern OBJ_HEAD = Pattern.compile("\\A\\s*(\\d+) (\\d+) obj\\s*");
    private static final Pattern SIZE = Pattern.compile("/Size (\\d+)");
    private static final Pattern ROOT = Pattern.compile("/Root (\\d+) (\\d+) R");
    private static final Pattern W = Pattern.compile("/W \\[(\\d+) (\\d+) (\\d+)\\]");
    private static final Pattern INDEX = Pattern.compile("/Index \\[([\\d ]+)\\]");
    private static final Pattern LENGTH = Pattern.compile("/Length (\\d+)\\b(?! \\d+ R)");
    private static final Pattern INFO = Pattern.compile("/Info (\\d+) (\\d+) R");
    private static final Pattern ID = Pattern.compile("/ID ?\\[ ?(<[0-9A-Fa-f]*>) ?(<[0-9A-Fa-f]*>) ?\\]");
    private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'+00''00'''", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private IncrementalUpdate() {
    }

    /**
     * The PDF with the signature's incremental update appended and {@code contentsSize} bytes reserved for the
     * signature value, or empty when the file is not of the shape this writer handles.
     */
    static Optional<Prepared> prepare(byte[] pdf, Instant signedAt, String name, String reason, String number, String code,
                                      int contentsSize) {
        try {
            return Optional.ofNullable(prepareOrNull(pdf, signedAt, name, reason, number, code, contentsSize));
        } catch (RuntimeException | DataFormatException e) {
            return Optional.empty();
        }
    }

    private static Prepared prepareOrNull(byte[] pdf, Instant signedAt, String name, String reason, String number,
                                          String code, int contentsSize) throws DataFormatException {
        String tail = latin1(pdf, Math.max(0, pdf.length - 64), pdf.length);
        int sx = tail.lastIndexOf("startxref");
        if (sx < 0 || !tail.substring(sx).trim().endsWith("%%EOF")) {
            return null;
        }
        Matcher sxm = Pattern.compile("startxref\\s+(\\d+)\\s+%%EOF\\s*\\z").matcher(tail.substring(sx));
        if (!sxm.find()) {
            return null;
        }
        int xrefOffset = Integer.parseInt(sxm.group(1));
        // the cross-reference stream's dictionary: up to the "stream" keyword
        String head = latin1(pdf, xrefOffset, Math.min(pdf.length, xrefOffset + 2048));
        Matcher obj = OBJ_HEAD.matcher(head);
        int streamKeyword = head.indexOf("stream");
        if (!obj.find() || streamKeyword < 0) {
            return null;
        }
        String dict = head.substring(obj.end(), streamKeyword);
        if (!dict.contains("/Type /XRef") || dict.contains("/Prev") || dict.contains("/DecodeParms")
                || dict.contains("/Encrypt")) {
            return null;
        }
        boolean flate = dict.contains("/Filter /FlateDecode");
        if (!flate && dict.contains("/Filter")) {
            return null;
        }
        Matcher size = SIZE.matcher(dict);
        Matcher root = ROOT.matcher(dict);
        Matcher w = W.matcher(dict);
        Matcher length = LENGTH.matcher(dict);
        if (!size.find() || !root.find() || !w.find() || !length.find()) {
            return null;
        }
        int objects = Integer.parseInt(size.group(1));
        int rootNumber = Integer.parseInt(root.group(1));
        int rootGeneration = Integer.parseInt(root.group(2));
        int[] widths = {Integer.parseInt(w.group(1)), Integer.parseInt(w.group(2)), Integer.parseInt(w.group(3))};
        int[] index = {0, objects};
        Matcher ix = INDEX.matcher(dict);
        if (ix.find()) {
            index = Arrays.stream(ix.group(1).trim().split(" +")).mapToInt(Integer::parseInt).toArray();
        }
        int dataStart = xrefOffset + streamKeyword + "stream".length();
        if (pdf[dataStart] == '\r') {
            dataStart++;
        }
        if (pdf[dataStart] != '\n') {
            return null;
        }
        dataStart++;
        byte[] data = Arrays.copyOfRange(pdf, dataStart, dataStart + Integer.parseInt(length.group(1)));
        if (flate) {
            data = inflate(data);
        }
        long catalogOffset = -1;
        int entry = 0;
        int entrySize = widths[0] + widths[1] + widths[2];
        for (int s = 0; s + 1 < index.length; s += 2) {
            for (int k = 0; k < index[s + 1]; k++, entry++) {
                if (index[s] + k == rootNumber) {
                    int at = entry * entrySize;
                    long type = widths[0] == 0 ? 1 : field(data, at, widths[0]);
                    if (type != 1) {
                        return null;
                    }
                    catalogOffset = field(data, at + widths[0], widths[1]);
                }
            }
        }
        if (catalogOffset < 0 || catalogOffset >= xrefOffset) {
            return null;
        }
        // the catalog: "n g obj << … >> endobj", a dictionary without an AcroForm
        String catalogText = latin1(pdf, (int) catalogOffset, Math.min(xrefOffset, (int) catalogOffset + 4096));
        Matcher catalogHead = OBJ_HEAD.matcher(catalogText);
        int end = catalogText.indexOf("endobj");
        if (!catalogHead.find() || end < 0 || Integer.parseInt(catalogHead.group(1)) != rootNumber) {
            return null;
        }
        String catalog = catalogText.substring(catalogHead.end(), end).trim();
        if (!catalog.startsWith("<<") || !catalog.endsWith(">>") || !catalog.contains("/Type /Catalog")
                || catalog.contains("/AcroForm") || catalog.contains("stream")) {
            return null;
        }
        Matcher id = ID.matcher(dict);
        String ids = id.find() ? " /ID [" + id.group(1) + " " + id.group(2) + "]" : "";
        Matcher info = INFO.matcher(dict);
        String infoRef = info.find() ? " /Info " + info.group(1) + " " + info.group(2) + " R" : "";

        int sig = objects;
        int field = objects + 1;
        int xref = objects + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * contentsSize + 1024);
        out.writeBytes(pdf);
        if (pdf[pdf.length - 1] != '\n') {
            ascii(out, "\n");
        }
        long sigOffset = out.size();
        ascii(out, sig + " 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M ("
                + PDF_DATE.format(signedAt) + ") /Name " + text(name) + " /Reason " + text(reason)
                + " /" + PadesDocumentSigning.NUMBER_KEY + " " + text(number) + " /" + PadesDocumentSigning.CODE_KEY + " "
                + text(code) + " /ByteRange [0 ");
        int rangeAt = out.size();
        ascii(out, " ".repeat(32) + "] /Contents <");
        int contentsFrom = out.size();
        ascii(out, "0".repeat(2 * contentsSize));
        int contentsTo = out.size();
        ascii(out, "> >>\nendobj\n");
        long fieldOffset = out.size();
        ascii(out, field + " 0 obj\n<< /FT /Sig /T (kofu-signature) /V " + sig + " 0 R /Type /Annot /Subtype /Widget"
                + " /Rect [0 0 0 0] /F 132 >>\nendobj\n");
        long newCatalogOffset = out.size();
        ascii(out, rootNumber + " " + rootGeneration + " obj\n" + catalog.substring(0, catalog.length() - 2).trim()
                + " /AcroForm << /Fields [" + field + " 0 R] /SigFlags 3 >> >>\nendobj\n");
        long xrefStreamOffset = out.size();
        byte[] entries = new byte[4 * 7];
        entry(entries, 0, newCatalogOffset, rootGeneration);
        entry(entries, 1, sigOffset, 0);
        entry(entries, 2, fieldOffset, 0);
        entry(entries, 3, xrefStreamOffset, 0);
        ascii(out, xref + " 0 obj\n<< /Type /XRef /Size " + (xref + 1) + " /Root " + rootNumber + " " + rootGeneration
                + " R" + infoRef + ids + " /Prev " + xrefOffset + " /Index [" + rootNumber + " 1 " + sig + " 3] /W [1 4 2] /Length "
                + entries.length + " >>\nstream\n");
        out.writeBytes(entries);
        ascii(out, "\nendstream\nendobj\nstartxref\n" + xrefStreamOffset + "\n%%EOF\n");
        byte[] bytes = out.toByteArray();
        // the byte range: everything but "<…>"
        String range = (contentsFrom - 1) + " " + (contentsTo + 1) + " " + (bytes.length - contentsTo - 1);
        if (range.length() > 32) {
            return null;
        }
        System.arraycopy(range.getBytes(StandardCharsets.US_ASCII), 0, bytes, rangeAt, range.length());
        return new Prepared(bytes, contentsFrom, contentsTo);
    }

    private static void entry(byte[] entries, int i, long offset, int generation) {
        int at = i * 7;
        entries[at] = 1;
        for (int k = 0; k < 4; k++) {
            entries[at + 1 + k] = (byte) (offset >>> (8 * (3 - k)));
        }
        entries[at + 5] = (byte) (generation >>> 8);
        entries[at + 6] = (byte) generation;
    }

    private static long field(byte[] data, int at, int width) {
        long v = 0;
        for (int k = 0; k < width; k++) {
            v = (v << 8) | (data[at + k] & 0xff);
        }
        return v;
    }

    private static byte[] inflate(byte[] data) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    /** A PDF text string: a literal for plain ASCII, else UTF-16BE hex with its byte-order mark. */
    private static String text(String s) {
        if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '(' && c != ')' && c != '\\')) {
            return "(" + s + ")";
        }
        return "<FEFF" + java.util.HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_16BE)) + ">";
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
