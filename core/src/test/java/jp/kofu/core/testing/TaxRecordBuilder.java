package jp.kofu.core.testing;

import java.util.ArrayList;
import java.util.List;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * Builds a {@link TaxRecord} (個人住民税の課税情報). By default: P0001 for fiscal year 2026 (令和8年度),
 * resident in Kurume on 1 January, filed, a salary (給与所得) of 2,760,000 円 from 4,000,000 円, social
 * insurance and basic deductions, taxable income 1,730,000 円, 所得割 173,000 円 and 均等割 5,000 円, no
 * dependants, version 1.
 */
public final class TaxRecordBuilder {

    private String person = "P0001";
    private int fiscalYear = 2026;
    private boolean residentOnJanuary1 = true;
    private PrintedText addressOnJanuary1 = PrintedText.plain("福岡県久留米市城南町15番地3");
    private boolean filed = true;
    private List<TaxRecord.Income> incomes = new ArrayList<>(List.of(
            new TaxRecord.Income(TaxRecord.IncomeKind.SALARY, 4_000_000, 2_760_000)));
    private List<TaxRecord.Deduction> deductions = new ArrayList<>(List.of(
            new TaxRecord.Deduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 600_000),
            new TaxRecord.Deduction(TaxRecord.DeductionKind.BASIC, 430_000)));
    private long taxableIncome = 1_730_000;
    private long incomeLevy = 173_000;
    private long perCapitaLevy = 5_000;
    private final List<TaxRecord.Dependant> dependants = new ArrayList<>();
    private long version = 1;

    TaxRecordBuilder() {
    }

    /** 宛名番号 of the taxpayer. */
    public TaxRecordBuilder of(String personKey) {
        this.person = personKey;
        return this;
    }

    /** 年度 in the Gregorian calendar. */
    public TaxRecordBuilder forFiscalYear(int fiscalYear) {
        this.fiscalYear = fiscalYear;
        return this;
    }

    /** Not resident on 1 January (賦課期日): not taxed here. */
    public TaxRecordBuilder notResidentOnJanuary1() {
        this.residentOnJanuary1 = false;
        return this;
    }

    /** 賦課期日現在の住所 (tagged form). */
    public TaxRecordBuilder livingOnJanuary1At(String tagged) {
        this.addressOnJanuary1 = PrintedText.parse(tagged);
        return this;
    }

    /** The tax system sent no 賦課期日現在の住所. */
    public TaxRecordBuilder withoutAddressOnJanuary1() {
        this.addressOnJanuary1 = PrintedText.EMPTY;
        return this;
    }

    /** 未申告: no income declaration. */
    public TaxRecordBuilder notFiled() {
        this.filed = false;
        return this;
    }

    /** Replaces the default income lines with none, to add own ones. */
    public TaxRecordBuilder withoutIncomes() {
        this.incomes = new ArrayList<>();
        return this;
    }

    public TaxRecordBuilder withIncome(TaxRecord.IncomeKind kind, long revenue, long amount) {
        incomes.add(new TaxRecord.Income(kind, revenue, amount));
        return this;
    }

    /** Replaces the default deduction lines with none, to add own ones. */
    public TaxRecordBuilder withoutDeductions() {
        this.deductions = new ArrayList<>();
        return this;
    }

    public TaxRecordBuilder withDeduction(TaxRecord.DeductionKind kind, long amount) {
        deductions.add(new TaxRecord.Deduction(kind, amount));
        return this;
    }

    /** 課税標準額. */
    public TaxRecordBuilder withTaxableIncome(long yen) {
        this.taxableIncome = yen;
        return this;
    }

    /** 所得割額 and 均等割額. */
    public TaxRecordBuilder levying(long incomeLevy, long perCapitaLevy) {
        this.incomeLevy = incomeLevy;
        this.perCapitaLevy = perCapitaLevy;
        return this;
    }

    /** No tax at all: the certificate becomes a 非課税証明書. */
    public TaxRecordBuilder nonTaxable() {
        this.taxableIncome = 0;
        return levying(0, 0);
    }

    /** 扶養親族 (name in tagged form); {@code filed=false} prints {@code *}. */
    public TaxRecordBuilder withDependant(String name, String relationship, boolean filed) {
        dependants.add(new TaxRecord.Dependant(PrintedText.parse(name), relationship, filed));
        return this;
    }

    public TaxRecordBuilder version(long version) {
        this.version = version;
        return this;
    }

    public TaxRecord build() {
        return new TaxRecord(new PersonKey(person), fiscalYear, residentOnJanuary1, addressOnJanuary1, filed, incomes,
                deductions, taxableIncome, incomeLevy, perCapitaLevy, dependants, version);
    }
}
