package jp.kofu.cli.generate;

/**
 * The simplified individual inhabitant tax rules (個人住民税の計算) of the synthetic town. They follow the
 * shape of the real rules closely enough for realistic certificates, not to the yen:
 * <ul>
 *   <li>給与所得 = salary − 給与所得控除 (the 2020 table: at least 550,000 円);</li>
 *   <li>公的年金等所得 = pension − 公的年金等控除 (1,100,000 円 at 65 and over, 600,000 円 below);</li>
 *   <li>基礎控除 430,000 円, 配偶者控除 330,000 円 (380,000 円 for a spouse of 70 and over), 扶養控除
 *       330,000 円 (特定扶養 19–22: 450,000 円, 老人扶養 70 and over: 380,000 円, 同居老親 450,000 円);</li>
 *   <li>課税標準額 = income − deductions, at least 0, rounded down to 1,000 円;</li>
 *   <li>所得割 = 10 % of it minus a flat 調整控除 of 2,500 円, at least 0, rounded down to 100 円;</li>
 *   <li>均等割 5,000 円 (市県民税 4,000 + 森林環境税 1,000);</li>
 *   <li>非課税 (no tax at all) when the total income is at most 450,000 円, or 350,000 円 × (1 + the number of
 *       dependants, spouse included) + 310,000 円 with dependants; for minors, widows and single parents
 *       up to 1,350,000 円. The real 均等割 limit of Kurume differs slightly; one limit keeps it simple.</li>
 * </ul>
 */
final class TaxRules {

    static final long BASIC_DEDUCTION = 430_000;
    static final long SPOUSE_DEDUCTION = 330_000;
    static final long ELDERLY_SPOUSE_DEDUCTION = 380_000;
    static final long DEPENDANT_DEDUCTION = 330_000;
    static final long SPECIFIC_DEPENDANT_DEDUCTION = 450_000;
    static final long ELDERLY_DEPENDANT_DEDUCTION = 380_000;
    static final long COHABITING_PARENT_DEDUCTION = 450_000;
    static final long SINGLE_PARENT_DEDUCTION = 300_000;
    static final long WIDOW_DEDUCTION = 260_000;
    static final long PER_CAPITA_LEVY = 5_000;
    static final long ADJUSTMENT_CREDIT = 2_500;
    /** The most a dependant may earn (合計所得金額) and still count as one. */
    static final long DEPENDANT_INCOME_LIMIT = 480_000;

    private TaxRules() {
    }

    /** 給与所得 from the salary (給与収入). */
    static long salaryIncome(long salary) {
        long deduction;
        if (salary <= 1_625_000) {
            deduction = 550_000;
        } else if (salary <= 1_800_000) {
            deduction = salary * 40 / 100 - 100_000;
        } else if (salary <= 3_600_000) {
            deduction = salary * 30 / 100 + 80_000;
        } else if (salary <= 6_600_000) {
            deduction = salary * 20 / 100 + 440_000;
        } else if (salary <= 8_500_000) {
            deduction = salary * 10 / 100 + 1_100_000;
        } else {
            deduction = 1_950_000;
        }
        return Math.max(0, salary - deduction);
    }

    /** 公的年金等所得 from the pension (公的年金等収入), by age at the end of the income year. */
    static long pensionIncome(long pension, int age) {
        long income;
        if (age >= 65) {
            if (pension <= 3_300_000) {
                income = pension - 1_100_000;
            } else if (pension <= 4_100_000) {
                income = pension * 75 / 100 - 275_000;
            } else if (pension <= 7_700_000) {
                income = pension * 85 / 100 - 685_000;
            } else {
                income = pension * 95 / 100 - 1_455_000;
            }
        } else {
            if (pension <= 1_300_000) {
                income = pension - 600_000;
            } else if (pension <= 4_100_000) {
                income = pension * 75 / 100 - 275_000;
            } else if (pension <= 7_700_000) {
                income = pension * 85 / 100 - 685_000;
            } else {
                income = pension * 95 / 100 - 1_455_000;
            }
        }
        return Math.max(0, income);
    }

    /** 配偶者特別控除 by the spouse's income (the residence-tax table), 0 outside its range. */
    static long spouseSpecialDeduction(long spouseIncome) {
        if (spouseIncome <= DEPENDANT_INCOME_LIMIT || spouseIncome > 1_330_000) {
            return 0;
        }
        if (spouseIncome <= 1_000_000) {
            return 330_000;
        }
        if (spouseIncome <= 1_050_000) {
            return 310_000;
        }
        if (spouseIncome <= 1_100_000) {
            return 260_000;
        }
        if (spouseIncome <= 1_150_000) {
            return 210_000;
        }
        if (spouseIncome <= 1_200_000) {
            return 160_000;
        }
        if (spouseIncome <= 1_250_000) {
            return 110_000;
        }
        if (spouseIncome <= 1_300_000) {
            return 60_000;
        }
        return 30_000;
    }

    /** 扶養控除 for one dependant by age at the end of the income year; 0 under 16 (年少扶養). */
    static long dependantDeduction(int age, boolean cohabitingParent) {
        if (age < 16) {
            return 0;
        }
        if (age >= 19 && age <= 22) {
            return SPECIFIC_DEPENDANT_DEDUCTION;
        }
        if (age >= 70) {
            return cohabitingParent ? COHABITING_PARENT_DEDUCTION : ELDERLY_DEPENDANT_DEDUCTION;
        }
        return DEPENDANT_DEDUCTION;
    }

    /** The income limit under which no tax at all is due (非課税限度額). */
    static long nonTaxableLimit(int dependants, boolean minorWidowOrSingleParent) {
        long limit = dependants == 0 ? 450_000 : 350_000L * (1 + dependants) + 310_000;
        return minorWidowOrSingleParent ? Math.max(limit, 1_350_000) : limit;
    }

    /** 課税標準額: income minus deductions, at least 0, rounded down to 1,000 円. */
    static long taxableIncome(long income, long deductions) {
        return Math.max(0, income - deductions) / 1_000 * 1_000;
    }

    /** 所得割: 10 % of the taxable income minus the flat adjustment, at least 0, rounded down to 100 円. */
    static long incomeLevy(long taxable) {
        return Math.max(0, taxable / 10 - ADJUSTMENT_CREDIT) / 100 * 100;
    }
}
