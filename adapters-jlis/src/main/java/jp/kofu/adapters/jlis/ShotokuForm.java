package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Sheet.LEFT;
import static jp.kofu.adapters.jlis.Sheet.RIGHT;
import static jp.kofu.adapters.jlis.Sheet.VALUE_SIZE;
import static jp.kofu.adapters.jlis.Sheet.WIDTH;
import static jp.kofu.adapters.jlis.Sheet.baselineFor;

import java.time.LocalDate;
import java.util.Locale;

import jp.kofu.core.certificate.domain.CertificateContent.Shotoku;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderingException;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * The 所得課税証明書 / 非課税証明書 form (one form; the title says which): the fiscal year (年度) with the
 * income year (…年分), the person as of 1 January, incomes by kind beside deductions by kind, the tax
 * (課税標準額, 所得割額, 均等割額, 年税額) and the dependants (扶養親族等), where {@code *} marks one who has not
 * filed. Amounts are in 円 with thousands separators; a loss prints with △.
 */
final class ShotokuForm {

    private static final double ROW = 15;
    private static final double HEADER_ROW = 16;
    private static final double TABLE_GAP = 10;

    private ShotokuForm() {
    }

    static void draw(CertificatePdf pdf, Shotoku content) {
        Sheet sheet = pdf.newPage();
        double y = FormParts.head(sheet, content.title(), content.attestation(), 1, 1);
        sheet.text(JapaneseDates.fiscalYear(content.fiscalYear()) + "（" + incomeYear(content.fiscalYear()) + "分）",
                WIDTH / 2, baselineFor(y - 2, 11), 11, Sheet.Align.CENTRE);
        y -= 16;

        y = sheet.row(y, 22).label("住所（1月1日現在）", 100)
                .value(sheet.shape(content.address(), "住所"), 0, Sheet.Align.LEFT, 10.5, "住所").bottom();
        y = sheet.row(y, 22).label("氏名", 100)
                .value(sheet.shape(content.name(), "氏名"), 200, Sheet.Align.LEFT, 11.5, "氏名")
                .label("生年月日", 60)
                .rest(sheet.shape(JapaneseDates.format(content.birthDate()), "生年月日"), "生年月日")
                .bottom() - TABLE_GAP;

        double half = (RIGHT - LEFT - TABLE_GAP) / 2;
        double incomesBottom = incomes(sheet, content, LEFT, y, half);
        double deductionsBottom = deductions(sheet, content, LEFT + half + TABLE_GAP, y, half);
        y = Math.min(incomesBottom, deductionsBottom) - TABLE_GAP;

        double quarter = (RIGHT - LEFT) / 4;
        y = sheet.row(y, HEADER_ROW)
                .label("課税標準額（円）", quarter).label("所得割額（円）", quarter)
                .label("均等割額（円）", quarter).label("年税額（円）", RIGHT - LEFT - 3 * quarter)
                .bottom();
        y = sheet.row(y, 18)
                .value(amount(sheet, content.taxableIncome(), "課税標準額"), quarter, Sheet.Align.RIGHT, 10, "課税標準額")
                .value(amount(sheet, content.incomeLevy(), "所得割額"), quarter, Sheet.Align.RIGHT, 10, "所得割額")
                .value(amount(sheet, content.perCapitaLevy(), "均等割額"), quarter, Sheet.Align.RIGHT, 10, "均等割額")
                .value(amount(sheet, content.incomeLevy() + content.perCapitaLevy(), "年税額"), 0, Sheet.Align.RIGHT,
                        10, "年税額")
                .bottom() - TABLE_GAP;

        y = dependants(sheet, content, y);
        if (y < FormParts.ATTESTATION_TOP + 4) {
            throw new RenderingException("the " + content.title() + " has more lines ("
                    + (content.incomes().size() + content.deductions().size() + content.dependants().size())
                    + ") than one page holds");
        }
        FormParts.attestation(sheet, content.attestation());
        FormParts.foot(sheet, content.attestation());
    }

    private static double incomes(Sheet sheet, Shotoku content, double x, double top, double width) {
        double kind = width * 0.4;
        double column = (width - kind) / 2;
        double y = sheet.row(x, top, HEADER_ROW).label("所得の種類", kind).label("収入金額（円）", column)
                .label("所得金額（円）", width - kind - column).bottom();
        if (content.incomes().isEmpty()) {
            y = sheet.row(x, y, ROW).value(sheet.shape("所得なし", "所得"), width, "所得").bottom();
        }
        for (TaxRecord.Income income : content.incomes()) {
            String item = income.kind().japanese();
            y = sheet.row(x, y, ROW)
                    .value(sheet.shape(item, item), kind, item)
                    .value(amount(sheet, income.revenue(), item), column, Sheet.Align.RIGHT, VALUE_SIZE, item)
                    .value(amount(sheet, income.amount(), item), width - kind - column, Sheet.Align.RIGHT, VALUE_SIZE,
                            item)
                    .bottom();
        }
        return sheet.row(x, y, ROW).label("合計所得金額", kind + column)
                .value(amount(sheet, content.totalIncome(), "合計所得金額"), width - kind - column, Sheet.Align.RIGHT,
                        VALUE_SIZE, "合計所得金額")
                .bottom();
    }

    private static double deductions(Sheet sheet, Shotoku content, double x, double top, double width) {
        double kind = width * 0.6;
        double y = sheet.row(x, top, HEADER_ROW).label("所得控除の種類", kind).label("金額（円）", width - kind).bottom();
        if (content.deductions().isEmpty()) {
            y = sheet.row(x, y, ROW).value(sheet.shape("所得控除なし", "所得控除"), width, "所得控除").bottom();
        }
        for (TaxRecord.Deduction deduction : content.deductions()) {
            String item = deduction.kind().japanese();
            y = sheet.row(x, y, ROW)
                    .value(sheet.shape(item, item), kind, item)
                    .value(amount(sheet, deduction.amount(), item), width - kind, Sheet.Align.RIGHT, VALUE_SIZE, item)
                    .bottom();
        }
        return sheet.row(x, y, ROW).label("所得控除合計", kind)
                .value(amount(sheet, content.totalDeductions(), "所得控除合計"), width - kind, Sheet.Align.RIGHT,
                        VALUE_SIZE, "所得控除合計")
                .bottom();
    }

    private static double dependants(Sheet sheet, Shotoku content, double top) {
        double mark = 24;
        double relationship = 90;
        double y = sheet.row(top, HEADER_ROW).label("扶養親族等", RIGHT - LEFT).bottom();
        if (content.dependants().isEmpty()) {
            return sheet.row(y, ROW).rest(sheet.shape("該当なし", "扶養親族等"), "扶養親族等").bottom();
        }
        y = sheet.row(y, HEADER_ROW).label("", mark).label("氏名", RIGHT - LEFT - mark - relationship)
                .label("続柄", relationship).bottom();
        for (int i = 0; i < content.dependants().size(); i++) {
            TaxRecord.Dependant d = content.dependants().get(i);
            String who = "扶養親族等（" + (i + 1) + "人目）";
            y = sheet.row(y, ROW)
                    .value(sheet.shape(d.filed() ? "" : "*", who), mark, Sheet.Align.CENTRE, VALUE_SIZE, who)
                    .value(sheet.shape(d.name(), "氏名" + who), RIGHT - LEFT - mark - relationship, "氏名" + who)
                    .rest(sheet.shape(d.relationship(), "続柄" + who), "続柄" + who)
                    .bottom();
        }
        sheet.text("* は、所得の申告のない扶養親族等です。", LEFT, baselineFor(y - 7, 7.5), 7.5, Sheet.Align.LEFT);
        return y - 14;
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
