package jp.kofu.adapters.tax;

import java.util.List;

/**
 * Entity and file names of the kofu tax layout (税システム連携ファイル), as a batch's manifest lists them.
 * The columns are documented in {@code docs/formats/}.
 */
public final class TaxLayout {

    /** 個人住民税の課税情報: one row per person and fiscal year, incomes and deductions as fixed columns. */
    public static final String TAX_RECORDS = "tax_records";
    /** 扶養親族等: one row per dependant listed on a tax record. */
    public static final String TAX_DEPENDANTS = "tax_dependants";

    /** Every entity of the source, in the order the writer writes them. */
    public static final List<String> ENTITIES = List.of(TAX_RECORDS, TAX_DEPENDANTS);

    private TaxLayout() {
    }

    /** The file name the writer gives an entity's file: the entity name and {@code .csv}. */
    public static String fileName(String entity) {
        return entity + ".csv";
    }
}
