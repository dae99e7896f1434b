package jp.kofu.core.replica.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * A person's individual inhabitant tax record (個人住民税の課税情報) for one fiscal year (年度), as the tax
 * system (税システム) exports it: what the 所得課税証明書 / 非課税証明書 prints.
 *
 * @param person 宛名番号
 * @param fiscalYear the fiscal year (年度) in the Gregorian calendar, e.g. 2026 for 令和8年度 (income of 2025)
 * @param residentOnJanuary1 whether the person lived in the municipality on 1 January of that year (賦課期日)
 * @param addressOnJanuary1 住所 on 1 January (賦課期日現在の住所)
 * @param filed whether income was declared (申告あり); {@code false} is 未申告
 * @param incomes 所得 by kind
 * @param deductions 所得控除 by kind
 * @param taxableIncome 課税標準額 (円)
 * @param incomeLevy 所得割額 (円)
 * @param perCapitaLevy 均等割額 (円)
 * @param dependants 扶養親族等
 * @param version the source's version of this record
 *
 * <h2>Canonical order of the lists</h2>
 * A record is equal to another when the source sent the same items, whatever their order where the order
 * means nothing: income lines (所得) are kept in the order of {@link IncomeKind} (then revenue, amount) and
 * deductions (所得控除) in the order of {@link DeductionKind} (then amount) — the order the certificate
 * prints them in. Dependants (扶養親族) keep the source's order: the source numbers them ({@code seq}) in
 * the order the certificate lists them, so that order is part of the record.
 */
public record TaxRecord(
        PersonKey person,
        int fiscalYear,
        boolean residentOnJanuary1,
        PrintedText addressOnJanuary1,
        boolean filed,
        List<Income> incomes,
        List<Deduction> deductions,
        long taxableIncome,
        long incomeLevy,
        long perCapitaLevy,
        List<Dependant> dependants,
        long version) {

    public TaxRecord {
        Objects.requireNonNull(person, "宛名番号");
        if (fiscalYear < 1989 || fiscalYear > 2200) {
            throw new IllegalArgumentException("年度 out of range: " + fiscalYear);
        }
        addressOnJanuary1 = addressOnJanuary1 == null ? PrintedText.EMPTY : addressOnJanuary1;
        incomes = incomes.stream().sorted(INCOME_ORDER).toList();
        deductions = deductions.stream().sorted(DEDUCTION_ORDER).toList();
        dependants = List.copyOf(dependants);
        if (taxableIncome < 0 || incomeLevy < 0 || perCapitaLevy < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
    }

    private static final Comparator<Income> INCOME_ORDER = Comparator.comparing(Income::kind)
            .thenComparingLong(Income::revenue).thenComparingLong(Income::amount);
    private static final Comparator<Deduction> DEDUCTION_ORDER = Comparator.comparing(Deduction::kind)
            .thenComparingLong(Deduction::amount);

    /** Total tax (所得割 + 均等割); 0 makes the certificate a 非課税証明書. */
    public long totalTax() {
        return incomeLevy + perCapitaLevy;
    }

    public boolean nonTaxable() {
        return totalTax() == 0;
    }

    /** Total income (合計所得金額). */
    public long totalIncome() {
        return incomes.stream().mapToLong(Income::amount).sum();
    }

    /** Total deductions (所得控除合計). */
    public long totalDeductions() {
        return deductions.stream().mapToLong(Deduction::amount).sum();
    }

    @Override
    public String toString() {
        return "TaxRecord[" + person + ", " + fiscalYear + "]";
    }

    /** One income line (所得). Amounts may be negative for losses. */
    public record Income(IncomeKind kind, long revenue, long amount) {
        public Income {
            Objects.requireNonNull(kind, "所得の種類");
        }
    }

    /** One deduction line (所得控除). */
    public record Deduction(DeductionKind kind, long amount) {
        public Deduction {
            Objects.requireNonNull(kind, "控除の種類");
            if (amount < 0) {
                throw new IllegalArgumentException("deductions are not negative");
            }
        }
    }

    /**
     * A dependant (扶養親族) listed on the certificate.
     *
     * @param name 氏名
     * @param relationship 続柄
     * @param filed whether the dependant filed their own declaration; {@code false} prints {@code *}
     */
    public record Dependant(PrintedText name, String relationship, boolean filed) {
        public Dependant {
            Objects.requireNonNull(name, "氏名");
            relationship = relationship == null ? "" : relationship;
        }
    }

    /** 所得の種類. */
    public enum IncomeKind {
        SALARY("給与所得"),
        BUSINESS("営業等所得"),
        AGRICULTURE("農業所得"),
        REAL_ESTATE("不動産所得"),
        INTEREST("利子所得"),
        DIVIDEND("配当所得"),
        PENSION("公的年金等所得"),
        MISCELLANEOUS("雑所得"),
        OCCASIONAL("一時所得");

        private final String japanese;

        IncomeKind(String japanese) {
            this.japanese = japanese;
        }

        public String japanese() {
            return japanese;
        }
    }

    /** 所得控除の種類. */
    public enum DeductionKind {
        SOCIAL_INSURANCE("社会保険料控除"),
        LIFE_INSURANCE("生命保険料控除"),
        EARTHQUAKE_INSURANCE("地震保険料控除"),
        MEDICAL("医療費控除"),
        SPOUSE("配偶者控除"),
        SPOUSE_SPECIAL("配偶者特別控除"),
        DEPENDANT("扶養控除"),
        DISABILITY("障害者控除"),
        WIDOW("寡婦控除"),
        SINGLE_PARENT("ひとり親控除"),
        BASIC("基礎控除");

        private final String japanese;

        DeductionKind(String japanese) {
            this.japanese = japanese;
        }

        public String japanese() {
            return japanese;
        }
    }
}
