package jp.kofu.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF back the way a checker would: parsed by PDFBox, its text extracted. */
final class Pdfs {

    private Pdfs() {
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Extracted text with all white space removed (layout puts spaces between boxes). */
    static String compactText(Path pdf) throws IOException {
        return text(pdf).replaceAll("[\\s\u3000]+", "");
    }
}
