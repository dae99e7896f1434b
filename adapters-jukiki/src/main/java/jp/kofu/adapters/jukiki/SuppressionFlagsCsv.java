package jp.kofu.adapters.jukiki;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.CodeTable;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.Representable;

/** {@code suppression_flags.csv}: one row per suppression flag (発行抑止), see docs/formats/suppression_flags.csv.md. */
final class SuppressionFlagsCsv {

    static final Layout LAYOUT = new Layout(JukikiLayout.SUPPRESSION_FLAGS,
            JukikiLayout.fileName(JukikiLayout.SUPPRESSION_FLAGS));
    static final int OP = LAYOUT.operation("op");
    static final int PERSON_KEY = LAYOUT.required("person_key");
    static final int KIND = LAYOUT.required("kind");
    static final int FROM_DATE = LAYOUT.required("from_date");
    static final int UNTIL_DATE = LAYOUT.optional("until_date");
    static final int VERSION = LAYOUT.required("version");

    static final CodeTable<SuppressionFlag.Kind> KIND_CODES = CodeTable.of(
            Map.entry("support_measure", SuppressionFlag.Kind.SUPPORT_MEASURE),
            Map.entry("staff_stop", SuppressionFlag.Kind.STAFF_STOP));

    private SuppressionFlagsCsv() {
    }

    static SuppressionFlag parse(Cells c) {
        PersonKey person = c.personKey(PERSON_KEY);
        SuppressionFlag.Kind kind = c.code(KIND, KIND_CODES);
        LocalDate from = c.date(FROM_DATE);
        Optional<LocalDate> until = c.optionalDate(UNTIL_DATE);
        long version = c.version(VERSION);
        if (from != null && until.isPresent() && until.get().isBefore(from)) {
            c.problem(UNTIL_DATE, "until_date " + until.get() + " is before from_date " + from);
        }
        return c.rowOk() ? new SuppressionFlag(person, kind, from, until, version) : null;
    }

    /** What identifies a flag within a batch: person, kind and first day. */
    static Object key(SuppressionFlag f) {
        return new Key(f.person().value(), f.kind(), f.from());
    }

    private record Key(String person, SuppressionFlag.Kind kind, LocalDate from) {
    }

    static String[] format(SuppressionFlag f) {
        String[] row = new String[LAYOUT.size()];
        row[OP] = "";
        row[PERSON_KEY] = f.person().value();
        row[KIND] = KIND_CODES.codeOf(f.kind());
        row[FROM_DATE] = Representable.date(f.from(), "from_date", f.person());
        row[UNTIL_DATE] = Representable.date(f.until(), "until_date", f.person());
        row[VERSION] = Long.toString(f.version());
        return row;
    }
}
