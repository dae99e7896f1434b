package jp.kofu.adapters.tax;

import java.util.ArrayList;
import java.util.List;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.domain.TaxRecord.Deduction;
import jp.kofu.core.replica.domain.TaxRecord.DeductionKind;
import jp.kofu.core.replica.domain.TaxRecord.Dependant;
import jp.kofu.core.replica.domain.TaxRecord.Income;
import jp.kofu.core.replica.domain.TaxRecord.IncomeKind;

/** Synthetic tax records with every field set, built directly (core's shared fixtures are not there yet). */
final class TaxSamples {

    private TaxSamples() {
    }

    /** 𠮷田 葛󠄀{MJ037229}{VND:U+E012}: beyond the BMP, a variation sequence, an MJ-only and a vendor character. */
    static PrintedText hardName() {
        return PrintedText.of(List.of(new PrintedChar.Ucs(0x20BB7), new PrintedChar.Ucs('田'),
                new PrintedChar.Ucs(' '), new PrintedChar.VariationSequence(0x845B, 0xE0100),
                new PrintedChar.MjOnly(new MjId(37229)), new PrintedChar.UnidentifiedVendor("U+E012")));
    }

    /** Every income kind (one a loss), every deduction kind, three dependants. */
    static TaxRecord full(String person, int year) {
        List<Income> incomes = new ArrayList<>();
        long n = 1;
        for (IncomeKind kind : IncomeKind.values()) {
            incomes.add(new Income(kind, 1_000_000 * n, kind == IncomeKind.REAL_ESTATE ? -250_000 : 400_000 * n));
            n++;
        }
        List<Deduction> deductions = new ArrayList<>();
        for (DeductionKind kind : DeductionKind.values()) {
            deductions.add(new Deduction(kind, 10_000 * kind.ordinal()));
        }
        return new TaxRecord(new PersonKey(person), year, true,
                PrintedText.plain("福岡県久留米市城南町１５番地３ {コーポ}").concat(hardName()), true, incomes, deductions,
                3_456_000, 345_600, 5_000,
                List.of(new Dependant(hardName(), "妻", true), new Dependant(PrintedText.plain("吉田 一郎"), "子", false),
                        new Dependant(PrintedText.plain("吉田 花子"), "", true)),
                9);
    }

    /** A non-taxable record: no incomes, no deductions, no dependants, no address. */
    static TaxRecord nonTaxable(String person, int year) {
        return new TaxRecord(new PersonKey(person), year, false, PrintedText.EMPTY, false, List.of(), List.of(), 0, 0,
                0, List.of(), 0);
    }

    static TaxRecord salaried(String person, int year) {
        return new TaxRecord(new PersonKey(person), year, true, PrintedText.plain("久留米市東町１番地"), true,
                List.of(new Income(IncomeKind.SALARY, 4_000_000, 2_760_000)),
                List.of(new Deduction(DeductionKind.SOCIAL_INSURANCE, 600_000), new Deduction(DeductionKind.BASIC, 430_000)),
                1_730_000, 173_000, 5_000, List.of(new Dependant(PrintedText.plain("山田 太郎"), "子", false)), 2);
    }

    static ReplicaContent content(TaxRecord... records) {
        return new ReplicaContent(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(records));
    }

    static ReplicaContent town() {
        return content(full("A0001", 2026), full("A0001", 2025), nonTaxable("A0002", 2026), salaried("A0003", 2026));
    }
}
