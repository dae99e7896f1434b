package jp.kofu.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxRulesTest {

    @Test
    void salary_income_follows_the_employment_income_deduction_table() {
        assertThat(TaxRules.salaryIncome(1_000_000)).isEqualTo(450_000);
        assertThat(TaxRules.salaryIncome(500_000)).isZero();
        assertThat(TaxRules.salaryIncome(3_000_000)).isEqualTo(3_000_000 - 980_000);
        assertThat(TaxRules.salaryIncome(5_000_000)).isEqualTo(3_560_000);
        assertThat(TaxRules.salaryIncome(10_000_000)).isEqualTo(8_050_000);
    }

    @Test
    void pension_income_has_a_larger_deduction_from_sixty_five() {
        assertThat(TaxRules.pensionIncome(2_000_000, 70)).isEqualTo(900_000);
        assertThat(TaxRules.pensionIncome(1_000_000, 70)).isZero();
        assertThat(TaxRules.pensionIncome(1_000_000, 60)).isEqualTo(400_000);
    }

    @Test
    void taxable_income_is_rounded_down_to_a_thousand_yen_and_never_negative() {
        assertThat(TaxRules.taxableIncome(3_560_000, 1_234_567)).isEqualTo(2_325_000);
        assertThat(TaxRules.taxableIncome(300_000, 430_000)).isZero();
    }

    @Test
    void the_income_levy_is_ten_percent_less_the_adjustment_rounded_down_to_a_hundred_yen() {
        assertThat(TaxRules.incomeLevy(2_325_000)).isEqualTo(230_000);
        assertThat(TaxRules.incomeLevy(20_000)).isZero();
        assertThat(TaxRules.incomeLevy(26_999)).isEqualTo(100);
    }

    @Test
    void dependants_count_by_age_and_no_tax_is_due_below_the_limit() {
        assertThat(TaxRules.dependantDeduction(10, false)).isZero();
        assertThat(TaxRules.dependantDeduction(17, false)).isEqualTo(330_000);
        assertThat(TaxRules.dependantDeduction(20, false)).isEqualTo(450_000);
        assertThat(TaxRules.dependantDeduction(75, true)).isEqualTo(450_000);
        assertThat(TaxRules.dependantDeduction(75, false)).isEqualTo(380_000);
        assertThat(TaxRules.nonTaxableLimit(0, false)).isEqualTo(450_000);
        assertThat(TaxRules.nonTaxableLimit(2, false)).isEqualTo(1_360_000);
        assertThat(TaxRules.nonTaxableLimit(0, true)).isEqualTo(1_350_000);
        assertThat(TaxRules.spouseSpecialDeduction(400_000)).isZero();
        assertThat(TaxRules.spouseSpecialDeduction(900_000)).isEqualTo(330_000);
        assertThat(TaxRules.spouseSpecialDeduction(1_320_000)).isEqualTo(30_000);
    }
}
