package jp.kofu.cli.kiosk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The text a PDF shows (PDFの文字列), read the cheap way: every string shown by {@code Tj}/{@code TJ} in
 * content order, mapped to Unicode through its font's ToUnicode CMap, without PDFTextStripper's layout
 * analysis (which costs about as much as rendering). Enough for the oracle, which looks for whole items.
 */
final class PdfText {

    private PdfText() {
    }

    /** All shown text of all pages, concatenated in content order. */
    static String of(byte[] pdf) throws IOException {
        StringBuilder text = new StringBuilder(2048);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDFont font = null;
                List<Object> operands = new ArrayList<>();
                PDFStreamParser parser = new PDFStreamParser(page);
                for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                    if (!(token instanceof Operator op)) {
                        operands.add(token);
                        continue;
                    }
                    switch (op.getName()) {
                        case "Tf" -> {
                            if (!operands.isEmpty() && operands.get(0) instanceof COSName name) {
                                font = page.getResources().getFont(name);
                            }
                        }
                        case "Tj", "'", "\"" -> {
                            if (font != null && !operands.isEmpty() && operands.get(operands.size() - 1) instanceof COSString s) {
                                decode(font, s, text);
                            }
                        }
                        case "TJ" -> {
                            if (font != null && !operands.isEmpty() && operands.get(0) instanceof COSArray array) {
                                for (COSBase item : array) {
                                    if (item instanceof COSString s) {
                                        decode(font, s, text);
                                    }
                                }
                            }
                        }
                        default -> { }
                    }
                    operands.clear();
                }
            }
        }
        return text.toString();
    }

    private static void decode(PDFont font, COSString s, StringBuilder out) throws IOException {
        InputStream in = new ByteArrayInputStream(s.getBytes());
        while (in.available() > 0) {
            String unicode = font.toUnicode(font.readCode(in));
            if (unicode != null) {
                out.append(unicode);
            }
        }
    }
}
