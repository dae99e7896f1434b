package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Sheet.BOTTOM;
import static jp.kofu.adapters.jlis.Sheet.CONTENT_WIDTH;
import static jp.kofu.adapters.jlis.Sheet.LEFT;
import static jp.kofu.adapters.jlis.Sheet.RIGHT;
import static jp.kofu.adapters.jlis.Sheet.TOP;
import static jp.kofu.adapters.jlis.Sheet.WIDTH;
import static jp.kofu.adapters.jlis.Sheet.baselineFor;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;

import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.gaiji.domain.IdentificationSheet;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.port.out.GlyphResolutionPort;
import jp.kofu.core.gaiji.port.out.IdentificationSheetPort;

/**
 * Renders the 文字同定 review sheet (文字同定確認票) and character charts (文字一覧) with the certificate
 * renderer's machinery: every character is resolved through the {@link GlyphResolutionPort} and written by
 * glyph id into a per-document subset of IPAmj Mincho, so the sheet shows exactly the glyph a certificate
 * will print. A character without an exact glyph fails the rendering ({@link RenderingException} naming the
 * vendor code or the chart position), never a substitute.
 *
 * <p>The sheet: A4 portrait, ten vendor codes per page, each with its identified character drawn large, the
 * MJ id, the match kind, the character's keys (住基ネット統一文字コード, 戸籍統一文字番号, UCS / IVS, JIS X
 * 0213 …) and an empty box for the reviewer's check mark; every page ends with the confirmation line.
 * Stateless and thread-safe; deterministic.
 */
public final class GaijiSheetRenderer implements IdentificationSheetPort {

    static final String TITLE = "文字同定確認票";
    static final int ROWS_PER_PAGE = 10;
    /** Characters per chart page: 30 columns by 43 rows. */
    static final int CHART_COLUMNS = 30;
    static final int CHART_ROWS = 43;

    private static final double HEADER_ROW = 18;
    private static final double ROW = 64;
    private static final double CODE = 78;
    private static final double GLYPH = 64;
    private static final double MJ = 74;
    private static final double MATCH = 54;
    private static final double CHECK = 34;
    private static final double KEYS = CONTENT_WIDTH - CODE - GLYPH - MJ - MATCH - CHECK;
    private static final double GLYPH_SIZE = 46;
    private static final double KEY_SIZE = 7;

    private final IpamjFont font;
    private final GlyphResolutionPort glyphs;

    @Inject
    public GaijiSheetRenderer(IpamjFont font, GlyphResolutionPort glyphs) {
        this.font = Objects.requireNonNull(font, "font");
        this.glyphs = Objects.requireNonNull(glyphs, "glyphs");
    }

    /** A renderer over the bundled font. */
    public static GaijiSheetRenderer withBundledFont() {
        IpamjFont font = IpamjFont.shared();
        return new GaijiSheetRenderer(font, new IpamjGlyphResolver(font));
    }

    @Override
    public byte[] render(IdentificationSheet sheet) {
        Objects.requireNonNull(sheet, "sheet");
        List<IdentificationSheet.Row> rows = sheet.rows();
        int pages = Math.max(1, (rows.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        try (CertificatePdf pdf = new CertificatePdf(font, glyphs)) {
            for (int page = 0; page < pages; page++) {
                Sheet s = pdf.newPage();
                double y = head(s, sheet, page + 1, pages);
                y = headerRow(s, y);
                int end = Math.min(rows.size(), (page + 1) * ROWS_PER_PAGE);
                for (int i = page * ROWS_PER_PAGE; i < end; i++) {
                    y = row(s, rows.get(i), y);
                }
                if (rows.isEmpty()) {
                    s.text("（対照表に登録された外字はありません）", LEFT + 6, baselineFor(y - 14, 9), 9, Sheet.Align.LEFT);
                }
                confirmation(s);
            }
            return pdf.finish(TITLE, sheet.importedOn(), "gaiji-" + sheet.tenantLabel() + "-v" + sheet.version());
        } catch (IOException e) {
            throw new RenderingException("the 文字同定 sheet could not be written", e);
        }
    }

    private static double head(Sheet s, IdentificationSheet sheet, int page, int pages) {
        double line = baselineFor(TOP - 5, 8);
        s.text(sheet.tenantLabel(), LEFT, line, 8, Sheet.Align.LEFT);
        s.text(page + "/" + pages, RIGHT, line, 8, Sheet.Align.RIGHT);
        s.text(TITLE, WIDTH / 2, baselineFor(TOP - 28, 18), 18, Sheet.Align.CENTRE);
        String about = "対照表 第" + sheet.version() + "版　取込日 " + JapaneseDates.format(sheet.importedOn())
                + (sheet.actor().isEmpty() ? "" : "　取込者 " + sheet.actor()) + "　外字 " + sheet.rows().size() + "件";
        s.text(about, WIDTH / 2, baselineFor(TOP - 46, 9), 9, Sheet.Align.CENTRE);
        return TOP - 58;
    }

    private static double headerRow(Sheet s, double top) {
        s.row(top, HEADER_ROW).label("外字コード", CODE).label("字形", GLYPH).label("MJ文字図形名", MJ)
                .label("区分", MATCH).label("識別子", KEYS).label("確認", CHECK);
        return top - HEADER_ROW;
    }

    private double row(Sheet s, IdentificationSheet.Row row, double top) {
        String where = "外字 " + row.vendorCode();
        double x = LEFT;
        s.valueCell(x, top, CODE, ROW, s.shape(row.vendorCode(), where), 9, Sheet.Align.CENTRE, where);
        x += CODE;
        s.box(x, top, GLYPH, ROW);
        DocumentFont.Run glyph = s.shape(PrintedText.of(List.of(row.character())), where + " の字形");
        s.text(glyph, x, GLYPH, baselineFor(top - ROW / 2, GLYPH_SIZE), GLYPH_SIZE, Sheet.Align.CENTRE);
        x += GLYPH;
        s.valueCell(x, top, MJ, ROW, s.shape(row.mj().map(Object::toString).orElse("（MJ外）"), where), 9,
                Sheet.Align.CENTRE, where);
        x += MJ;
        s.valueCell(x, top, MATCH, ROW, s.shape(row.match().japanese(), where), 8, Sheet.Align.CENTRE, where);
        x += MATCH;
        s.box(x, top, KEYS, ROW);
        List<String> keys = row.keys();
        double leading = KEY_SIZE * 1.25;
        double first = top - ROW / 2 + (keys.size() - 1) * leading / 2;
        for (int k = 0; k < keys.size(); k++) {
            s.fit(s.shape(keys.get(k), where + " の識別子"), x, first - k * leading + leading / 2, KEYS, leading, KEY_SIZE,
                    Sheet.Align.LEFT, where + " の識別子");
        }
        x += KEYS;
        s.box(x, top, CHECK, ROW);
        return top - ROW;
    }

    private static void confirmation(Sheet s) {
        double y = BOTTOM + 20;
        s.rule(LEFT, y + 14, RIGHT, y + 14, 0.4);
        s.text("上記のとおり文字同定の結果を確認しました。　確認日　　　年　　月　　日　　確認者", LEFT, baselineFor(y, 9), 9,
                Sheet.Align.LEFT);
        s.text("印", RIGHT - 6, baselineFor(y, 9), 9, Sheet.Align.RIGHT);
    }

    /**
     * A character chart (文字一覧): the characters in order, {@value #CHART_COLUMNS} × {@value #CHART_ROWS} per
     * A4 page, each written as its own text run, for checking a repertoire against the font.
     *
     * @throws RenderingException naming the position of a character without an exact glyph
     */
    public byte[] chart(String title, LocalDate date, List<PrintedChar> characters) {
        int perPage = CHART_COLUMNS * CHART_ROWS;
        int pages = Math.max(1, (characters.size() + perPage - 1) / perPage);
        double cell = CONTENT_WIDTH / CHART_COLUMNS;
        double size = cell * 0.8;
        try (CertificatePdf pdf = new CertificatePdf(font, glyphs)) {
            for (int page = 0; page < pages; page++) {
                Sheet s = pdf.newPage();
                s.text(title + "　" + (page + 1) + "/" + pages, LEFT, baselineFor(TOP - 5, 8), 8, Sheet.Align.LEFT);
                double top = TOP - 16;
                int end = Math.min(characters.size(), (page + 1) * perPage);
                for (int i = page * perPage; i < end; i++) {
                    int at = i - page * perPage;
                    double x = LEFT + (at % CHART_COLUMNS) * cell;
                    double y = top - (at / CHART_COLUMNS) * cell;
                    DocumentFont.Run run = s.shape(PrintedText.of(List.of(characters.get(i))), "文字 " + (i + 1));
                    s.text(run, x, cell, baselineFor(y - cell / 2, size), size, Sheet.Align.CENTRE);
                }
            }
            return pdf.finish(title, date, "chart-" + characters.size());
        } catch (IOException e) {
            throw new RenderingException("the character chart could not be written", e);
        }
    }
}
