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
 * (課税標準額, 所得割額, 均等割額, 年税額) and the dependants (扶養親族等), where {@code *} marks one who has not
 * filed; more dependants than the page holds continue on further sheets. Amounts are in 円 with thousands separators; a loss prints with △.
 */
final class ShotokuForm {

    private static final double ROW = 15;
    private static final double VALUE_SIZE = 9.5;
    private static final double HEADER_ROW = 16;
    private static final double TABLE_GAP = 10;

    private ShotokuForm() {
    }

    /** Draws the body; the attestation, head and foot follow in {@link FormParts#finish}. */
    static void draw(CertificatePdf pdf, Shotoku content) {
        FormTemplate t = pdf.template();
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
        y = FormRows.draw(sheet, t, "person", v, left, y, right, "") - TABLE_GAP;

        double half = (right - left - TABLE_GAP) / 2;
        double incomesBottom = incomes(sheet, content, left, y, half);
        double deductionsBottom = deductions(sheet, content, left + half + TABLE_GAP, y, half);
        y = Math.min(incomesBottom, deductionsBottom) - TABLE_GAP;

        double quarter = (right - left) / 4;
        y = sheet.row(left, y, HEADER_ROW, right)
                .label("課税標準額（円）", quarter).label("所得割額（円）", quarter)
                .label("均等割額（円）", quarter).label("年税額（円）", 0)
                .bottom();
        y = sheet.row(left, y, 18, right)
                .cell(amount(sheet, content.taxableIncome(), "課税標準額"), quarter, Sheet.Align.RIGHT, 10, "課税標準額")
                .cell(amount(sheet, content.incomeLevy(), "所得割額"), quarter, Sheet.Align.RIGHT, 10, "所得割額")
                .cell(amount(sheet, content.perCapitaLevy(), "均等割額"), quarter, Sheet.Align.RIGHT, 10, "均等割額")
                .cell(amount(sheet, content.incomeLevy() + content.perCapitaLevy(), "年税額"), 0, Sheet.Align.RIGHT,
                        10, "年税額")
                .bottom() - TABLE_GAP;

        dependants(pdf, sheet, content, y);
    }

    private static double incomes(Sheet sheet, Shotoku content, double x, double top, double width) {
        double kind = width * 0.4;
        double column = (width - kind) / 2;
        double y = sheet.row(x, top, HEADER_ROW, x + width).label("所得の種類", kind).label("収入金額（円）", column)
                .label("所得金額（円）", width - kind - column).bottom();
        if (content.incomes().isEmpty()) {
            y = sheet.row(x, y, ROW, x + width).cell(sheet.shape("所得なし", "所得"), width, Sheet.Align.LEFT, VALUE_SIZE, "所得").bottom();
        }
        for (TaxRecord.Income income : content.incomes()) {
            String item = income.kind().japanese();
            y = sheet.row(x, y, ROW, x + width)
                    .cell(sheet.shape(item, item), kind, Sheet.Align.LEFT, VALUE_SIZE, item)
                    .cell(amount(sheet, income.revenue(), item), column, Sheet.Align.RIGHT, VALUE_SIZE, item)
                    .cell(amount(sheet, income.amount(), item), width - kind - column, Sheet.Align.RIGHT, VALUE_SIZE,
                            item)
                    .bottom();
        }
        return sheet.row(x, y, ROW, x + width).label("合計所得金額", kind + column)
                .cell(amount(sheet, content.totalIncome(), "合計所得金額"), width - kind - column, Sheet.Align.RIGHT,
                        VALUE_SIZE, "合計所得金額")
                .bottom();
    }

    private static double deductions(Sheet sheet, Shotoku content, double x, double top, double width) {
        double kind = width * 0.6;
        double y = sheet.row(x, top, HEADER_ROW, x + width).label("所得控除の種類", kind).label("金額（円）", width - kind).bottom();
        if (content.deductions().isEmpty()) {
            y = sheet.row(x, y, ROW, x + width).cell(sheet.shape("所得控除なし", "所得控除"), width, Sheet.Align.LEFT, VALUE_SIZE, "所得控除").bottom();
        }
        for (TaxRecord.Deduction deduction : content.deductions()) {
            String item = deduction.kind().japanese();
            y = sheet.row(x, y, ROW, x + width)
                    .cell(sheet.shape(item, item), kind, Sheet.Align.LEFT, VALUE_SIZE, item)
                    .cell(amount(sheet, deduction.amount(), item), width - kind, Sheet.Align.RIGHT, VALUE_SIZE, item)
                    .bottom();
        }
        return sheet.row(x, y, ROW, x + width).label("所得控除合計", kind)
                .cell(amount(sheet, content.totalDeductions(), "所得控除合計"), width - kind, Sheet.Align.RIGHT,
                        VALUE_SIZE, "所得控除合計")
                .bottom();
    }

    /**
     * The dependants' table; rows that do not fit above the attestation continue on further sheets under
     * 扶養親族等（続き）, never cut.
     */
    private static void dependants(CertificatePdf pdf, Sheet first, Shotoku content, double top) {
        double mark = 24;
        double relationship = 90;
        double left = first.left();
        double right = first.right();
        double footnote = 14;
        Sheet sheet = first;
        double limit = sheet.y(pdf.template().bodyLimit()) + 4;
        double y = sheet.row(left, top, HEADER_ROW, right).label("扶養親族等", 0).bottom();
        if (content.dependants().isEmpty()) {
            sheet.row(left, y, ROW, right).cell(sheet.shape("該当なし", "扶養親族等"), 0, Sheet.Align.LEFT,
                    VALUE_SIZE, "扶養親族等");
            return;
        }
        y = dependantsHeader(sheet, y, mark, relationship);
        for (int i = 0; i < content.dependants().size(); i++) {
            boolean lastRow = i == content.dependants().size() - 1;
            if (y - ROW - (lastRow ? footnote : 0) < limit) {
                sheet = pdf.newPage();
                y = sheet.y(pdf.template().head().bodyY());
                y = sheet.row(left, y, HEADER_ROW, right).label("扶養親族等（続き）", 0).bottom();
                y = dependantsHeader(sheet, y, mark, relationship);
            }
            TaxRecord.Dependant d = content.dependants().get(i);
            String who = "扶養親族等（" + (i + 1) + "人目）";
            y = sheet.row(left, y, ROW, right)
                    .cell(sheet.shape(d.filed() ? "" : "*", who), mark, Sheet.Align.CENTRE, VALUE_SIZE, who)
                    .cell(sheet.shape(d.name(), "氏名" + who), right - left - mark - relationship, Sheet.Align.LEFT,
                            VALUE_SIZE, "氏名" + who)
                    .cell(sheet.shape(d.relationship(), "続柄" + who), 0, Sheet.Align.LEFT, VALUE_SIZE, "続柄" + who)
                    .bottom();
        }
        sheet.text("* は、所得の申告のない扶養親族等です。", left, baselineFor(y - 7, 7.5), 7.5, Sheet.Align.LEFT);
    }

    private static double dependantsHeader(Sheet sheet, double y, double mark, double relationship) {
        double left = sheet.left();
        double right = sheet.right();
        return sheet.row(left, y, HEADER_ROW, right).label("", mark).label("氏名", right - left - mark - relationship)
                .label("続柄", relationship).bottom();
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
