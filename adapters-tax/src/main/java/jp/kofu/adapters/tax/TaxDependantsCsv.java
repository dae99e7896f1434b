package jp.kofu.adapters.tax;

import java.util.List;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.domain.TaxRecord.Dependant;
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.Representable;

/**
 * {@code tax_dependants.csv}: one row per dependant (扶養親族) of a tax record, keyed by the record's person
 * and fiscal year and numbered in the order the certificate lists them; see docs/formats/tax_dependants.csv.md.
 */
final class TaxDependantsCsv {

    static final Layout LAYOUT = new Layout(TaxLayout.TAX_DEPENDANTS, TaxLayout.fileName(TaxLayout.TAX_DEPENDANTS));
    static final int PERSON_KEY = LAYOUT.required("person_key");
    static final int FISCAL_YEAR = LAYOUT.required("fiscal_year");
    static final int SEQ = LAYOUT.required("seq");
    static final int NAME = LAYOUT.required("name");
    static final int RELATIONSHIP = LAYOUT.optional("relationship");
    static final int FILED = LAYOUT.required("filed");

    private TaxDependantsCsv() {
    }

    /** A dependant with the record it belongs to and its place in that record's list. */
    record Row(TaxRecordsCsv.Key record, int seq, Dependant dependant) {
    }

    static Row parse(Cells c) {
        String person = c.personKey(PERSON_KEY) == null ? null : c.raw(PERSON_KEY);
        int year = TaxRecordsCsv.fiscalYear(c, FISCAL_YEAR);
        int seq = seq(c);
        PrintedText name = c.text(NAME, true);
        String relationship = c.plain(RELATIONSHIP, false);
        boolean filed = c.flag(FILED);
        if (!c.rowOk()) {
            return null;
        }
        return new Row(new TaxRecordsCsv.Key(person, year), seq, new Dependant(name, relationship, filed));
    }

    private static int seq(Cells c) {
        long seq = c.integer(SEQ, false);
        if (c.rowOk() && (seq < 1 || seq > 999)) {
            c.problem(SEQ, "seq " + seq + " out of range (1 to 999)");
        }
        return (int) seq;
    }

    /** The rows of a record's dependants, numbered from 1 in the record's order. */
    static void format(TaxRecord t, List<String[]> rows) {
        List<Dependant> dependants = t.dependants();
        for (int i = 0; i < dependants.size(); i++) {
            Dependant d = dependants.get(i);
            String[] row = new String[LAYOUT.size()];
            row[PERSON_KEY] = t.person().value();
            row[FISCAL_YEAR] = Integer.toString(t.fiscalYear());
            row[SEQ] = Integer.toString(i + 1);
            row[NAME] = Representable.requiredText(d.name(), "dependant name", t);
            row[RELATIONSHIP] = Representable.plain(d.relationship(), "dependant relationship", t);
            row[FILED] = Representable.flag(d.filed());
            rows.add(row);
        }
    }
}
