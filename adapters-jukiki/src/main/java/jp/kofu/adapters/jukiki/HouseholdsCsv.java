package jp.kofu.adapters.jukiki;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.Representable;

/** {@code households.csv}: one row per household (世帯), see docs/formats/households.csv.md. */
final class HouseholdsCsv {

    static final Layout LAYOUT = new Layout(JukikiLayout.HOUSEHOLDS, JukikiLayout.fileName(JukikiLayout.HOUSEHOLDS));
    static final int OP = LAYOUT.operation("op");
    static final int HOUSEHOLD_ID = LAYOUT.required("household_id");
    static final int HEAD_NAME = LAYOUT.required("head_name");
    static final int VERSION = LAYOUT.required("version");

    private HouseholdsCsv() {
    }

    static Household parse(Cells c) {
        HouseholdId id = c.householdId(HOUSEHOLD_ID);
        PrintedText headName = c.text(HEAD_NAME, true);
        long version = c.version(VERSION);
        return c.rowOk() ? new Household(id, headName, version) : null;
    }

    static String[] format(Household h) {
        String[] row = new String[LAYOUT.size()];
        row[OP] = "";
        row[HOUSEHOLD_ID] = h.id().value();
        row[HEAD_NAME] = Representable.requiredText(h.headName(), "head_name", h);
        row[VERSION] = Long.toString(h.version());
        return row;
    }
}
