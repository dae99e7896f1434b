package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Sheet.baselineFor;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jp.kofu.core.certificate.domain.CertificateContent.Shotoku;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * The 所得課税証明書 / 非課税証明書 form (one form; the title says which): the fiscal year (年度) with the
 * income year (…年分), the person as of 1 January, incomes by kind beside deductions by kind, the tax
 * (課税標準額, 所得割額, 均等割額, 年税額) and the dependants (扶養親族等), where a mark (* by default) flags one
 * who has not filed; more dependants than the page holds continue on further sheets. Amounts are in 円 with
 * thousands separators; a loss prints with △.
 *
 * <p>The tables are declared in the form ({@link FormTemplate.ShotokuTables}): their position, columns, labels,
 * texts and sizes; this class only decides what goes in which column.
 */
final class ShotokuForm {

    private ShotokuForm() {
    }

    /** A value cell: what it shows and the item it is, for messages and the layout checks. */
    private record Cell(DocumentFont.Run value, String item) {
    }

    /** Draws the body; the attestation, head and foot follow in {@link FormParts#finish}. */
    static void draw(CertificatePdf pdf, Shotoku content) {
        FormTemplate t = pdf.template();
        FormTemplate.ShotokuTables tables = t.tables().orElseThrow(
                () -> new IllegalStateException(t.source() + ": a shotoku form without tables"));
        Sheet sheet = pdf.newPage();
        double left = sheet.left();
        double right = sheet.right();
        double y = sheet.y(t.head().bodyY());
        sheet.text(JapaneseDates.fiscalYear(content.fiscalYear()) + "（" + incomeYear(content.fiscalYear()) + "分）",
                t.page().width() / 2, baselineFor(y - 2, 11), 11, Sheet.Align.CENTRE);
        y -= 16;

        Map<String, FormRows.Value> v = new LinkedHashMap<>();
        v.put("address", FormRows.Value.of(sheet.shape(content.address(), "住所")));
        v.put("name", FormRows.Value.of(sheet.shape(content.name(), "氏名")));
        v.put("birthDate", FormRows.Value.of(sheet.shape(JapaneseDates.format(content.birthDate()), "生年月日")));
        y = FormRows.draw(sheet, t, "person", v, left, y, right, "") - tables.gap();

        double incomesBottom = incomes(sheet, content, tables.incomes(), y);
        double deductionsBottom = deductions(sheet, content, tables.deductions(), y);
        y = Math.min(incomesBottom, deductionsBottom) - tables.gap();

        FormTemplate.Table tax = tables.tax();
        y = header(sheet, tax, y);
        Map<String, Cell> taxes = new LinkedHashMap<>();
        taxes.put("taxableIncome", new Cell(amount(sheet, content.taxableIncome(), "課税標準額"), "課税標準額"));
        taxes.put("incomeLevy", new Cell(amount(sheet, content.incomeLevy(), "所得割額"), "所得割額"));
        taxes.put("perCapitaLevy", new Cell(amount(sheet, content.perCapitaLevy(), "均等割額"), "均等割額"));
        taxes.put("totalTax", new Cell(amount(sheet, content.incomeLevy() + content.perCapitaLevy(), "年税額"),
                "年税額"));
        y = values(sheet, tax, y, taxes) - tables.gap();

        dependants(pdf, sheet, content, tables.dependants(), y);
    }

    private static double incomes(Sheet sheet, Shotoku content, FormTemplate.Table t, double top) {
        double y = header(sheet, t, top);
        if (content.incomes().isEmpty()) {
            y = whole(sheet, t, y, t.text("noneText"), "所得");
        }
        for (TaxRecord.Income income : content.incomes()) {
            String item = income.kind().japanese();
            Map<String, Cell> cells = new LinkedHashMap<>();
            cells.put("kind", new Cell(sheet.shape(item, item), item));
            cells.put("revenue", new Cell(amount(sheet, income.revenue(), item), item));
            cells.put("amount", new Cell(amount(sheet, income.amount(), item), item));
            y = values(sheet, t, y, cells);
        }
        return total(sheet, t, y, content.totalIncome(), "合計所得金額");
    }

    private static double deductions(Sheet sheet, Shotoku content, FormTemplate.Table t, double top) {
        double y = header(sheet, t, top);
        if (content.deductions().isEmpty()) {
            y = whole(sheet, t, y, t.text("noneText"), "所得控除");
        }
        for (TaxRecord.Deduction deduction : content.deductions()) {
            String item = deduction.kind().japanese();
            Map<String, Cell> cells = new LinkedHashMap<>();
            cells.put("kind", new Cell(sheet.shape(item, item), item));
            cells.put("amount", new Cell(amount(sheet, deduction.amount(), item), item));
            y = values(sheet, t, y, cells);
        }
        return total(sheet, t, y, content.totalDeductions(), "所得控除合計");
    }

    /**
     * The dependants' table; rows that do not fit above the attestation continue on further sheets under
     * the table's continued title (扶養親族等（続き）), never cut.
     */
    private static void dependants(CertificatePdf pdf, Sheet first, Shotoku content, FormTemplate.Table t,
                                   double top) {
        Sheet sheet = first;
        double limit = sheet.y(pdf.template().bodyLimit()) + 4;
        double y = sheet.row(t.x(), top, t.headerHeight(), t.right()).label(t.text("title"), t.width()).bottom();
        if (content.dependants().isEmpty()) {
            whole(sheet, t, y, t.text("noneText"), "扶養親族等");
            return;
        }
        y = header(sheet, t, y);
        for (int i = 0; i < content.dependants().size(); i++) {
            boolean lastRow = i == content.dependants().size() - 1;
            if (y - t.rowHeight() - (lastRow ? t.footnoteHeight() : 0) < limit) {
                sheet = pdf.newPage();
                y = sheet.y(pdf.template().head().bodyY());
                y = sheet.row(t.x(), y, t.headerHeight(), t.right()).label(t.text("continuedTitle"), t.width())
                        .bottom();
                y = header(sheet, t, y);
            }
            TaxRecord.Dependant d = content.dependants().get(i);
            String who = "扶養親族等（" + (i + 1) + "人目）";
            Map<String, Cell> cells = new LinkedHashMap<>();
            cells.put("mark", new Cell(sheet.shape(d.filed() ? "" : t.text("notFiledMark"), who), who));
            cells.put("name", new Cell(sheet.shape(d.name(), "氏名" + who), "氏名" + who));
            cells.put("relationship", new Cell(sheet.shape(d.relationship(), "続柄" + who), "続柄" + who));
            y = values(sheet, t, y, cells);
        }
        sheet.text(t.text("footnote"), t.x(), baselineFor(y - t.footnoteHeight() / 2, t.footnoteSize()),
                t.footnoteSize(), Sheet.Align.LEFT);
    }

    /** The header row: each column's label in a shaded cell. */
    private static double header(Sheet sheet, FormTemplate.Table t, double top) {
        Sheet.Row row = sheet.row(t.x(), top, t.headerHeight(), t.right());
        for (FormTemplate.Column c : t.columns()) {
            row.label(c.label(), c.width());
        }
        return row.bottom();
    }

    /** A value row: each column's cell, in the columns' order. */
    private static double values(Sheet sheet, FormTemplate.Table t, double top, Map<String, Cell> cells) {
        Sheet.Row row = sheet.row(t.x(), top, t.rowHeight(), t.right());
        for (FormTemplate.Column c : t.columns()) {
            Cell cell = cells.get(c.id());
            row.cell(cell.value(), c.width(), Sheet.align(c.align()), t.fontSize(), t.minFontSize(), cell.item());
        }
        return row.bottom();
    }

    /** A row of one cell across the table (所得なし, 該当なし). */
    private static double whole(Sheet sheet, FormTemplate.Table t, double top, String text, String item) {
        return sheet.row(t.x(), top, t.rowHeight(), t.right())
                .cell(sheet.shape(text, item), t.width(), Sheet.Align.LEFT, t.fontSize(), t.minFontSize(), item)
                .bottom();
    }

    /** The total row: its label over the columns before the amount column, the sum in the amount column. */
    private static double total(Sheet sheet, FormTemplate.Table t, double top, long yen, String item) {
        FormTemplate.Column amount = t.column("amount");
        return sheet.row(t.x(), top, t.rowHeight(), t.right()).label(t.text("totalLabel"), amount.x() - t.x())
                .cell(amount(sheet, yen, item), amount.width(), Sheet.align(amount.align()), t.fontSize(),
                        t.minFontSize(), item)
                .bottom();
    }

    /** Yen with thousands separators; a negative amount (a loss) as △1,234. */
    private static DocumentFont.Run amount(Sheet sheet, long yen, String item) {
        String digits = String.format(Locale.ROOT, "%,d", Math.abs(yen));
        return sheet.shape(yen < 0 ? "△" + digits : digits, item);
    }

    /** The calendar year of the income a fiscal year taxes, e.g. 令和7年 for fiscal 2026 (令和8年度). */
    private static String incomeYear(int fiscalYear) {
        String date = JapaneseDates.format(LocalDate.of(fiscalYear - 1, 12, 31));
        return date.substring(0, date.indexOf('年') + 1);
    }
}
