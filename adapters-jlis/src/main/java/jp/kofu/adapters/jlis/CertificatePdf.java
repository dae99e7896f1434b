package jp.kofu.adapters.jlis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;

import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;

/**
 * One certificate PDF (証明書PDF) while it is drawn: the document, its pages and its embedded font. Made and
 * thrown away by each rendering.
 *
 * <p>The output is deterministic: the subset tag comes from the glyph set, the creation date from the issue
 * date, and the file identifier (/ID) from a digest of what the pages show, so the same content always
 * gives the same bytes.
 */
final class CertificatePdf implements AutoCloseable {

    private static final TimeZone JAPAN = TimeZone.getTimeZone("Asia/Tokyo");

    private final PDDocument document = new PDDocument();
    private final DocumentFont font;
    private final COSDictionary fontResources = new COSDictionary();
    private final List<PDPage> pages = new ArrayList<>();
    private final List<Sheet> sheets = new ArrayList<>();
    private final FormTemplate template;
    private final Notes notes = new Notes();
    private final List<Sheet.Placement> placements;
    private PDImageXObject officialSeal;

    CertificatePdf(IpamjFont ipamj, GlyphResolutionPort glyphs, FormTemplate template) {
        this(ipamj, glyphs, template, false);
    }

    /**
     * @param trace whether to record where each text goes ({@link #placements()}, for the layout tests); off
     *     in production, where it would only cost time
     */
    CertificatePdf(IpamjFont ipamj, GlyphResolutionPort glyphs, FormTemplate template, boolean trace) {
        this.font = new DocumentFont(ipamj, glyphs);
        this.template = template;
        this.placements = trace ? new ArrayList<>() : null;
        fontResources.setItem(COSName.getPDFName(Sheet.FONT), font.dictionary());
    }

    /** A document with the default A4 page (fixed layouts such as the 文字同定 sheet). */
    CertificatePdf(IpamjFont ipamj, GlyphResolutionPort glyphs) {
        this(ipamj, glyphs, FormTemplates.bundled().template(FormTemplates.DEFAULT_SET,
                jp.kofu.core.certificate.domain.CertificateKind.JUMINHYO));
    }

    FormTemplate template() {
        return template;
    }

    Notes notes() {
        return notes;
    }

    /** Where every text went, for the layout tests; null when not tracing. */
    List<Sheet.Placement> placements() {
        return placements;
    }

    /** Adds a page of the template's size. */
    Sheet newPage() {
        PDPage page = new PDPage(new PDRectangle((float) template.page().width(), (float) template.page().height()));
        PDResources resources = new PDResources();
        resources.getCOSObject().setItem(COSName.FONT, fontResources);
        page.setResources(resources);
        document.addPage(page);
        Sheet sheet = new Sheet(this, font, resources, sheets.size());
        pages.add(page);
        sheets.add(sheet);
        return sheet;
    }

    /** The tenant's 公印 image as one image object of the document, however many pages show it. */
    PDImageXObject officialSealImage(byte[] png, String file) {
        if (officialSeal == null) {
            try {
                officialSeal = EncodedImages.of(document, png, file);
            } catch (IOException | IllegalArgumentException e) {
                throw new RenderingException("the 公印 image " + file + " cannot be read as PNG", e);
            }
        }
        return officialSeal;
    }

    /**
     * The text that overflowed its box (文字溢れ), continued in the 備考/続き area with a reference mark.
     */
    static final class Notes {
        private final List<Note> notes = new ArrayList<>();

        /** The next reference mark: ※1, ※2, … */
        String nextMark() {
            return "※" + (notes.size() + 1);
        }

        void add(String mark, String item, DocumentFont.Run rest) {
            notes.add(new Note(mark, item, rest));
        }

        List<Note> all() {
            return notes;
        }
    }

    /** One continued text: its mark, the item it belongs to and the characters that did not fit. */
    record Note(String mark, String item, DocumentFont.Run rest) {
    }

    PDDocument document() {
        return document;
    }

    List<Sheet> sheets() {
        return sheets;
    }

    /**
     * Embeds the font, writes the pages and saves.
     *
     * @param title the document title (the certificate's printed title; never personal data)
     * @param issuedOn the issue date, used as the creation date
     * @param certificateNumber part of the document identifier
     */
    byte[] finish(String title, LocalDate issuedOn, String certificateNumber) throws IOException {
        MessageDigest digest = sha256();
        digest.update(certificateNumber.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < pages.size(); i++) {
            byte[] content = sheets.get(i).content();
            digest.update(content);
            pages.get(i).setContents(new PDStream(document, new ByteArrayInputStream(content), COSName.FLATE_DECODE));
        }
        digest.update(font.embed(document));

        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setProducer("kofu");
        Calendar created = new GregorianCalendar(JAPAN, Locale.ROOT);
        created.clear();
        created.set(issuedOn.getYear(), issuedOn.getMonthValue() - 1, issuedOn.getDayOfMonth());
        info.setCreationDate(created);
        document.setDocumentInformation(info);

        byte[] id = Arrays.copyOf(digest.digest(), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);

        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        document.save(out);
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
