package jp.kofu.adapters.jlis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.certificate.domain.CertificateKind;

/**
 * A declarative certificate form (様式定義): the layout of one certificate kind for one tenant, read from a
 * JSON file (docs/forms.md). All lengths are PDF points (1 pt = 1/72 inch ≈ 0.353 mm), positions measured
 * from the top-left corner of the page, font sizes in points.
 *
 * <p>The form body is a list of <em>rows</em> of <em>boxes</em> (欄) flowing down the page; each box has a
 * label cell (項目名) and a value cell; fixed areas (認証文, 発行日, 発行者, 公印, 印影, 備考/続き) have
 * absolute positions. Validated when loaded ({@link FormTemplates}), never at issuance time.
 *
 * @param source the file it was read from, for messages
 * @param kind the certificate kind
 * @param page page size and margins
 * @param head the certificate-number line and the title
 * @param membersPerSheet 住民票の写し (世帯連記式): people per sheet before a continuation sheet; 1 makes
 *     the 個人票 style (one person per sheet)
 * @param boxes the boxes by id (the ids each kind knows are fixed: {@link FormTemplates#knownBoxes})
 * @param sections the rows of each section by section name (e.g. household, member, person)
 * @param attestation the 認証文 area (and its wording, when the tenant's differs from the standard)
 * @param issueDate where the issue date prints
 * @param issuer where the mayor's title and name print
 * @param officialSeal where the 公印 prints, and its image
 * @param sealImpression 印影 frame (印鑑登録証明書 only)
 * @param continuation a 備考/続き area on the last page for text that overflowed its box, if any; what does
 *     not fit there goes on continuation sheets
 * @param footerY the centre line of the foot (kiosk marker, 検証コード), from the top of the page
 * @param tables 所得課税証明書 only: its tables (所得, 所得控除, 税額, 扶養親族等) below the person's rows
 */
record FormTemplate(
        String source,
        CertificateKind kind,
        Page page,
        Head head,
        int membersPerSheet,
        Map<String, Box> boxes,
        Map<String, List<List<String>>> sections,
        Attestation attestation,
        Anchor issueDate,
        Area issuer,
        Seal officialSeal,
        Optional<Area> sealImpression,
        Optional<Area> continuation,
        double footerY,
        Optional<ShotokuTables> tables) {

    /** Page size and margins, in points. */
    record Page(double width, double height, double top, double right, double bottom, double left) {
        double contentWidth() {
            return width - left - right;
        }

        /** The PDF y (from the bottom) of a distance from the top of the page. */
        double pdfY(double fromTop) {
            return height - fromTop;
        }
    }

    /** The head: the certificate-number line and the title. */
    record Head(String numberLabel, double lineY, double lineSize, double titleY, double titleSize,
                double bodyY) {
    }

    /** Horizontal alignment of text in a box. */
    enum Align { LEFT, CENTRE, RIGHT }

    /** Where a long text may be broken when it wraps (改行位置). */
    enum Wrap {
        /** After 丁目, 番地, 番, 号, 字 and spaces (住所, 方書); else between characters. */
        ADDRESS,
        /** At spaces (alphabetic names); else between characters. */
        NAME,
        /** Between any two characters. */
        CHARACTERS
    }

    /**
     * One box (欄): a label cell and a value cell in a row.
     *
     * @param label the printed label (項目名); empty for none
     * @param labelWidth width of the label cell
     * @param width width of the value cell; 0 = the rest of the row
     * @param height row height of the box
     * @param fontSize designed font size of the value
     * @param minFontSize the size the value may shrink to before it wraps (default 6)
     * @param align value alignment
     * @param wrap where the value may wrap
     * @param ruby whether the value has a reading (振り仮名) above it
     */
    record Box(String label, double labelWidth, double width, double height, double fontSize, double minFontSize,
               Align align, Wrap wrap, boolean ruby) {
    }

    /** A rectangle, from the top-left corner of the page, with the font size of its text. */
    record Area(double x, double y, double width, double height, double fontSize, String label) {
        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        boolean overlaps(Area o) {
            return x < o.right() - 0.01 && o.x < right() - 0.01 && y < o.bottom() - 0.01 && o.y < bottom() - 0.01;
        }
    }

    /** A point where a single line starts (x, centre line y), with its font size. */
    record Anchor(double x, double y, double fontSize) {
    }

    /**
     * The attestation block.
     *
     * @param area the 認証文 box
     * @param rule whether a rule is drawn across the page above the block
     * @param text the tenant's wording; empty = the content's
     * @param wholeHouseholdText the tenant's wording for a 住民票の写し of the whole household; empty = the
     *     content's
     */
    record Attestation(Area area, boolean rule, String text, String wholeHouseholdText) {
    }

    /**
     * The 公印 (official seal).
     *
     * @param image the tenant's seal image (PNG bytes); empty = a drawn red square with the legend
     * @param imageFile the file name of the image, for messages
     */
    record Seal(double x, double y, double size, Optional<byte[]> image, String imageFile) {
        Area area() {
            return new Area(x, y, size, size, 0, "公印");
        }
    }

    /**
     * The tables of the 所得課税証明書 (表): incomes (所得) beside deductions (所得控除), then the tax (税額), then
     * the dependants (扶養親族等), flowing down the page below the person's rows.
     *
     * @param gap the space above each band of tables
     */
    record ShotokuTables(double gap, Table incomes, Table deductions, Table tax, Table dependants) {
    }

    /**
     * One table (表): a header row of shaded column labels over rows of value cells.
     *
     * @param x left edge, from the left of the page
     * @param width the table's width
     * @param headerHeight height of a header (label) row
     * @param rowHeight height of a value row
     * @param fontSize designed size of the values
     * @param minFontSize the size a value may shrink to before it wraps
     * @param columns left to right, each with its resolved left edge and width
     * @param texts the table's other printed texts by key (e.g. totalLabel, noneText; docs/forms.md)
     * @param footnoteSize size of the footnote (扶養親族等: the mark for those who have not filed)
     * @param footnoteHeight height of the footnote line below the table
     */
    record Table(double x, double width, double headerHeight, double rowHeight, double fontSize, double minFontSize,
                 List<Column> columns, Map<String, String> texts, double footnoteSize, double footnoteHeight) {

        double right() {
            return x + width;
        }

        /** The column of that id; the loader guarantees every column of the table is there. */
        Column column(String id) {
            return columns.stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no column " + id));
        }

        /** A text of the table; the loader guarantees the table's texts are there. */
        String text(String key) {
            String text = texts.get(key);
            if (text == null) {
                throw new IllegalStateException("no text " + key);
            }
            return text;
        }
    }

    /**
     * A column of a table.
     *
     * @param id what it shows (fixed per table, docs/forms.md)
     * @param label its header label (項目名); may be empty
     * @param x its left edge, from the left of the page
     * @param width its width
     * @param align value alignment
     */
    record Column(String id, String label, double x, double width, Align align) {
    }

    /** The box of that id; the loader guarantees every id used by a form is declared. */
    Box box(String id) {
        Box box = boxes.get(id);
        if (box == null) {
            throw new IllegalStateException(source + ": no box " + id);
        }
        return box;
    }

    /** The rows of a section (empty when the template has none). */
    List<List<String>> rows(String section) {
        return sections.getOrDefault(section, List.of());
    }

    /** The y (from the top) where a fresh page's body must end: above the attestation block. */
    double bodyLimit() {
        return attestation.area().y() - (attestation.rule() ? 8 : 0);
    }
}
