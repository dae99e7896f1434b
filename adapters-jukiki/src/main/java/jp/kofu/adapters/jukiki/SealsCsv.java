package jp.kofu.adapters.jukiki;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.CodeTable;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.Representable;

/**
 * {@code seals.csv}: one row per person with a seal registration (印鑑登録); the 印影 itself is an entry of
 * {@code seal_images.zip} named in the row, see docs/formats/seals.csv.md.
 */
final class SealsCsv {

    static final Layout LAYOUT = new Layout(JukikiLayout.SEALS, JukikiLayout.fileName(JukikiLayout.SEALS));
    static final int OP = LAYOUT.operation("op");
    static final int PERSON_KEY = LAYOUT.required("person_key");
    static final int REGISTRATION_NUMBER = LAYOUT.required("registration_number");
    static final int REGISTERED_NAME = LAYOUT.optional("registered_name");
    static final int REGISTERED_ON = LAYOUT.required("registered_on");
    static final int STATUS = LAYOUT.required("status");
    static final int WIDTH_MM = LAYOUT.required("width_mm");
    static final int HEIGHT_MM = LAYOUT.required("height_mm");
    static final int IMAGE = LAYOUT.required("image_entry");
    static final int VERSION = LAYOUT.required("version");

    static final CodeTable<SealStatus> STATUS_CODES = CodeTable.of(Map.entry("registered", SealStatus.REGISTERED),
            Map.entry("abolished", SealStatus.ABOLISHED), Map.entry("lost", SealStatus.LOST));

    private SealsCsv() {
    }

    /**
     * The row as a seal registration, or null when a problem was reported.
     *
     * @param images the batch's archive; null when it is missing or unreadable, which has been reported
     *     once for the file, so rows then only check their own cells
     */
    static SealRegistration parse(Cells c, SealImagesZip images, Map<ImageKey, SealImage> known) {
        PersonKey person = c.personKey(PERSON_KEY);
        String number = c.plain(REGISTRATION_NUMBER, true);
        PrintedText registeredName = c.text(REGISTERED_NAME, false);
        LocalDate registeredOn = c.date(REGISTERED_ON);
        SealStatus status = c.code(STATUS, STATUS_CODES);
        double width = millimetres(c, WIDTH_MM);
        double height = millimetres(c, HEIGHT_MM);
        SealImage image = image(c, images, width, height, known);
        long version = c.version(VERSION);
        if (!c.rowOk() || image == null) {
            return null;
        }
        return new SealRegistration(person, number, image, registeredName, registeredOn, status, version);
    }

    /** An entry at a size: rows naming the same entry at the same size share one (immutable) image. */
    record ImageKey(String entry, double widthMm, double heightMm) {
    }

    static Map<ImageKey, SealImage> newImagePool() {
        return new HashMap<>();
    }

    private static double millimetres(Cells c, int column) {
        double mm = c.decimal(column);
        if (!Double.isNaN(mm) && (mm <= 0 || mm > 50)) {
            c.problem(column, "size " + c.raw(column) + " mm out of range (more than 0, at most 50)");
            return Double.NaN;
        }
        return mm;
    }

    private static SealImage image(Cells c, SealImagesZip images, double width, double height,
            Map<ImageKey, SealImage> known) {
        String name = c.raw(IMAGE);
        if (name.isEmpty()) {
            c.problem(IMAGE, "required value missing");
            return null;
        }
        if (!SealImagesZip.isEntryName(name)) {
            c.problem(IMAGE, "malformed entry name " + Cells.show(name)
                    + " (expected a file name of letters, digits, '.', '_' or '-', without folders)");
            return null;
        }
        if (images == null || Double.isNaN(width) || Double.isNaN(height)) {
            return null;
        }
        ImageKey key = new ImageKey(name, width, height);
        SealImage image = known.get(key);
        if (image == null) {
            byte[] png = images.png(name, c, IMAGE);
            if (png == null) {
                return null;
            }
            image = new SealImage(png, width, height);
            known.put(key, image);
        }
        return image;
    }

    static String[] format(SealRegistration s, String imageEntry) {
        String[] row = new String[LAYOUT.size()];
        row[OP] = "";
        row[PERSON_KEY] = s.person().value();
        row[REGISTRATION_NUMBER] = Representable.requiredPlain(s.registrationNumber(), "registration_number", s);
        row[REGISTERED_NAME] = Representable.text(s.registeredName());
        row[REGISTERED_ON] = Representable.date(s.registeredOn(), "registered_on", s);
        row[STATUS] = STATUS_CODES.codeOf(s.status());
        row[WIDTH_MM] = millimetres(s.image().widthMm());
        row[HEIGHT_MM] = millimetres(s.image().heightMm());
        row[IMAGE] = imageEntry;
        row[VERSION] = Long.toString(s.version());
        return row;
    }

    /** Plain decimal notation that parses back to the same double (never 1.0E-4). */
    private static String millimetres(double mm) {
        return BigDecimal.valueOf(mm).toPlainString();
    }
}
