package jp.kofu.adapters.tax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.domain.TaxRecord.Deduction;
import jp.kofu.core.replica.domain.TaxRecord.DeductionKind;
import jp.kofu.core.replica.domain.TaxRecord.Income;
import jp.kofu.core.replica.domain.TaxRecord.IncomeKind;
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.Representable;

/**
 * {@code tax_records.csv}: one row per person and fiscal year (個人住民税の課税情報), each kind of income
 * (所得) and deduction (所得控除) in fixed columns of its own, as a tax system's 課税台帳 export has them;
 * see docs/formats/tax_records.csv.md.
 */
final class TaxRecordsCsv {

    static final int FIRST_FISCAL_YEAR = 1989;
    static final int LAST_FISCAL_YEAR = 2200;

    static final Layout LAYOUT = new Layout(TaxLayout.TAX_RECORDS, TaxLayout.fileName(TaxLayout.TAX_RECORDS));
    static final int OP = LAYOUT.operation("op");
    static final int PERSON_KEY = LAYOUT.required("person_key");
    static final int FISCAL_YEAR = LAYOUT.required("fiscal_year");
    static final int RESIDENT_ON_JANUARY_1 = LAYOUT.required("resident_on_january_1");
    static final int ADDRESS_ON_JANUARY_1 = LAYOUT.optional("address_on_january_1");
    static final int FILED = LAYOUT.required("filed");
    /** Per income kind (by ordinal): the revenue (収入金額) column and the income (所得金額) column. */
    private static final int[][] INCOME_COLUMNS = incomeColumns();
    /** Per deduction kind (by ordinal): its amount column. */
    private static final int[] DEDUCTION_COLUMNS = deductionColumns();
    static final int TAXABLE_INCOME = LAYOUT.required("taxable_income");
    static final int INCOME_LEVY = LAYOUT.required("income_levy");
    static final int PER_CAPITA_LEVY = LAYOUT.required("per_capita_levy");
    static final int VERSION = LAYOUT.required("version");

    private TaxRecordsCsv() {
    }

    /** The column-name stem of a kind: its name in lower case, e.g. {@code real_estate}. */
    static String code(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static int[][] incomeColumns() {
        int[][] columns = new int[IncomeKind.values().length][];
        for (IncomeKind kind : IncomeKind.values()) {
            columns[kind.ordinal()] = new int[] {
                LAYOUT.optional(code(kind) + "_revenue"), LAYOUT.optional(code(kind) + "_income")};
        }
        return columns;
    }

    private static int[] deductionColumns() {
        int[] columns = new int[DeductionKind.values().length];
        for (DeductionKind kind : DeductionKind.values()) {
            columns[kind.ordinal()] = LAYOUT.optional(code(kind) + "_deduction");
        }
        return columns;
    }

    /** What identifies a tax record: person and fiscal year. */
    record Key(String person, int fiscalYear) {
    }

    /** The key of the current row when both its cells are well-formed, else null. */
    static Key key(Cells c) {
        String person = c.raw(PERSON_KEY);
        int year = yearOrMinus(c.raw(FISCAL_YEAR));
        return Cells.isKey(person) && year >= 0 ? new Key(person, year) : null;
    }

    static int yearOrMinus(String value) {
        long year = Cells.parseLong(value, false);
        return year < FIRST_FISCAL_YEAR || year > LAST_FISCAL_YEAR || value.length() != 4 ? -1 : (int) year;
    }

    /** A required 年度, four digits within the range core accepts. */
    static int fiscalYear(Cells c, int column) {
        String value = c.raw(column);
        if (value.isEmpty()) {
            c.problem(column, "required value missing");
            return 0;
        }
        long year = Cells.parseLong(value, false);
        if (year == Long.MIN_VALUE || value.length() != 4) {
            c.problem(column, "malformed fiscal year " + Cells.show(value) + " (expected four digits, e.g. 2026)");
            return 0;
        }
        if (year < FIRST_FISCAL_YEAR || year > LAST_FISCAL_YEAR) {
            c.problem(column, "fiscal year " + year + " out of range (" + FIRST_FISCAL_YEAR + " to "
                    + LAST_FISCAL_YEAR + ")");
            return 0;
        }
        return (int) year;
    }

    /** The row as a tax record without dependants (they are in their own file), or null after a problem. */
    static TaxRecord parse(Cells c) {
        PersonKey person = c.personKey(PERSON_KEY);
        int year = fiscalYear(c, FISCAL_YEAR);
        boolean resident = c.flag(RESIDENT_ON_JANUARY_1);
        PrintedText address = c.repeatedText(ADDRESS_ON_JANUARY_1, false);
        boolean filed = c.flag(FILED);
        List<Income> incomes = new ArrayList<>(2);
        for (IncomeKind kind : IncomeKind.values()) {
            int[] columns = INCOME_COLUMNS[kind.ordinal()];
            boolean revenueGiven = !c.isEmpty(columns[0]);
            boolean incomeGiven = !c.isEmpty(columns[1]);
            if (revenueGiven && incomeGiven) {
                incomes.add(new Income(kind, c.integer(columns[0], true), c.integer(columns[1], true)));
            } else if (revenueGiven != incomeGiven) {
                int missing = revenueGiven ? columns[1] : columns[0];
                int given = revenueGiven ? columns[0] : columns[1];
                c.problem(missing, "required because " + LAYOUT.name(given) + " is given");
            }
        }
        List<Deduction> deductions = new ArrayList<>(4);
        for (DeductionKind kind : DeductionKind.values()) {
            int column = DEDUCTION_COLUMNS[kind.ordinal()];
            if (!c.isEmpty(column)) {
                deductions.add(new Deduction(kind, c.integer(column, false)));
            }
        }
        long taxableIncome = c.integer(TAXABLE_INCOME, false);
        long incomeLevy = c.integer(INCOME_LEVY, false);
        long perCapitaLevy = c.integer(PER_CAPITA_LEVY, false);
        long version = c.version(VERSION);
        if (!c.rowOk()) {
            return null;
        }
        return new TaxRecord(person, year, resident, address, filed, incomes, deductions, taxableIncome, incomeLevy,
                perCapitaLevy, List.of(), version);
    }

    /**
     * The record as a row. One income line per kind and one deduction per kind is what the layout holds;
     * the reader returns them in the order of the kinds.
     *
     * @throws IllegalArgumentException when the record has two lines of one kind
     */
    static String[] format(TaxRecord t) {
        String[] row = new String[LAYOUT.size()];
        java.util.Arrays.fill(row, "");
        row[PERSON_KEY] = t.person().value();
        row[FISCAL_YEAR] = Integer.toString(t.fiscalYear());
        row[RESIDENT_ON_JANUARY_1] = Representable.flag(t.residentOnJanuary1());
        row[ADDRESS_ON_JANUARY_1] = Representable.text(t.addressOnJanuary1());
        row[FILED] = Representable.flag(t.filed());
        for (Income income : t.incomes()) {
            int[] columns = INCOME_COLUMNS[income.kind().ordinal()];
            if (!row[columns[0]].isEmpty()) {
                throw new IllegalArgumentException(t + ": two incomes of kind " + income.kind()
                        + "; the kofu layout holds one per kind");
            }
            row[columns[0]] = Long.toString(income.revenue());
            row[columns[1]] = Long.toString(income.amount());
        }
        for (Deduction deduction : t.deductions()) {
            int column = DEDUCTION_COLUMNS[deduction.kind().ordinal()];
            if (!row[column].isEmpty()) {
                throw new IllegalArgumentException(t + ": two deductions of kind " + deduction.kind()
                        + "; the kofu layout holds one per kind");
            }
            row[column] = Long.toString(deduction.amount());
        }
        row[TAXABLE_INCOME] = Long.toString(t.taxableIncome());
        row[INCOME_LEVY] = Long.toString(t.incomeLevy());
        row[PER_CAPITA_LEVY] = Long.toString(t.perCapitaLevy());
        row[VERSION] = Long.toString(t.version());
        return row;
    }
}
