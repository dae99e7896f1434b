package jp.kofu.core.sync.domain.layout;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.VendorTextConverter;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.sync.domain.BatchKind;

/**
 * The cells (項目) of the current row of a data file, as typed values. Every accessor checks its cell,
 * reports a problem naming the column when the value is wrong and marks the row as bad; a
 * {@link RowParser} builds a record only when {@link #rowOk()} still holds. The happy path throws no
 * exception and uses no regular expression.
 *
 * <p>Reasons quote a bad value only when it is short printable ASCII (a malformed date or code, say); text
 * items, 個人番号, 住民票コード and birth dates are never quoted, only described.
 *
 * <p>Not thread-safe: one instance per file being read.
 */
public final class Cells {

    /** The column of a problem that concerns the row as a whole. */
    public static final int WHOLE_ROW = -1;

    /** Distinct values remembered per file for columns with a small vocabulary (続柄, 記載事由, 国籍). */
    private static final int VOCABULARY_LIMIT = 4096;
    /** Days of these years are shared instances (see {@link #isoDate}). */
    private static final int FIRST_CACHED_YEAR = 1900;
    private static final int CACHED_YEARS = 200;
    private static final int CACHED_DAYS = CACHED_YEARS * 12 * 31;
    private static final String KEY_SHAPE = " (expected 1-20 letters, digits or '-')";

    private final LayoutInput in;
    private final VendorTextConverter converter;
    private final Map<String, PrintedText> vocabulary = new HashMap<>();
    /** Reused for every plain text cell: a {@code Cells} belongs to one file's reading, on one thread. */
    private final List<PrintedChar> buffer = new ArrayList<>(64);
    private final String[] lastCell;
    private final PrintedText[] lastText;
    private final LocalDate[] days = new LocalDate[CACHED_DAYS];
    @SuppressWarnings("unchecked")
    private final Optional<LocalDate>[] optionalDays = (Optional<LocalDate>[]) new Optional<?>[CACHED_DAYS];
    private String lastHouseholdCell;
    private HouseholdId lastHousehold;
    private boolean ok;

    Cells(LayoutInput in, VendorTextConverter converter) {
        this.in = in;
        this.converter = converter;
        this.lastCell = new String[in.layout().size()];
        this.lastText = new PrintedText[in.layout().size()];
    }

    void startRow() {
        ok = true;
    }

    /** Whether no problem has been reported for the current row. */
    public boolean rowOk() {
        return ok;
    }

    /** The physical line where the current row starts. */
    public long line() {
        return in.line();
    }

    /** Reports a problem of the current row in the column ({@link #WHOLE_ROW} for the row) and marks it bad. */
    public void problem(int column, String reason) {
        in.problem(column, reason);
        ok = false;
    }

    /** The cell as it is, empty when absent; for checks of the caller's own. */
    public String raw(int column) {
        return in.get(column);
    }

    public boolean isEmpty(int column) {
        return in.get(column).isEmpty();
    }

    private String requiredRaw(int column) {
        String value = in.get(column);
        if (value.isEmpty()) {
            problem(column, "required value missing");
            return null;
        }
        return value;
    }

    /**
     * The row's operation ({@code op}) in a layout that carries no deletions: empty or {@code U} upserts;
     * {@code D} is refused (in a full batch, which replaces everything anyway, and in a delta of such a
     * layout). Layouts that carry deletions use {@link #deletes}.
     */
    public void upsertOnly(int column, BatchKind kind) {
        String value = in.get(column);
        if (value.isEmpty() || value.equals("U")) {
            return;
        }
        if (value.equals("D")) {
            problem(column, kind == BatchKind.FULL
                    ? "op 'D' (delete) is not allowed in a full batch"
                    : "op 'D' (delete) is not supported yet by this version of kofu");
        } else {
            problem(column, "unknown op " + show(value) + " (expected U, or D in a delta batch)");
        }
    }

    /**
     * The row's operation ({@code op}) where deletions are carried: true for {@code D} (delete) in a delta
     * batch, whose row then needs only its key columns; false for empty or {@code U} (upsert). {@code D} in
     * a full batch, which replaces everything anyway, and an unknown op are problems (and false).
     */
    public boolean deletes(int column, BatchKind kind) {
        String value = in.get(column);
        if (value.isEmpty() || value.equals("U")) {
            return false;
        }
        if (value.equals("D") && kind != BatchKind.FULL) {
            return true;
        }
        if (value.equals("D")) {
            problem(column, "op 'D' (delete) is not allowed in a full batch");
        } else {
            problem(column, "unknown op " + show(value) + " (expected U, or D in a delta batch)");
        }
        return false;
    }

    // ---------------------------------------------------------------- keys

    /** A required 宛名番号. */
    public PersonKey personKey(int column) {
        String value = requiredRaw(column);
        if (value == null) {
            return null;
        }
        if (!isKey(value)) {
            problem(column, "malformed key " + show(value) + KEY_SHAPE);
            return null;
        }
        return new PersonKey(value);
    }

    /** A required 世帯番号; members of a household are usually consecutive rows and share one instance. */
    public HouseholdId householdId(int column) {
        String value = requiredRaw(column);
        if (value == null) {
            return null;
        }
        if (value.equals(lastHouseholdCell)) {
            return lastHousehold;
        }
        if (!isKey(value)) {
            problem(column, "malformed key " + show(value) + KEY_SHAPE);
            return null;
        }
        lastHouseholdCell = value;
        lastHousehold = new HouseholdId(value);
        return lastHousehold;
    }

    /** Whether the value has the shape of the source systems' keys: 1–20 ASCII letters, digits or '-'. */
    public static boolean isKey(String value) {
        int n = value.length();
        if (n < 1 || n > 20) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- text

    /**
     * A text item in the tagged form, vendor 外字 converted with the tenant's correspondence table; empty is
     * {@link PrintedText#EMPTY} unless required.
     */
    public PrintedText text(int column, boolean required) {
        String cell = in.get(column);
        return cell.isEmpty() ? empty(column, required) : convert(column, cell);
    }

    /**
     * Like {@link #text(int, boolean)} for items consecutive rows often share (a household's 住所, 方書,
     * 本籍): the previous row's value is reused when the cell is the same.
     */
    public PrintedText repeatedText(int column, boolean required) {
        String cell = in.get(column);
        if (cell.isEmpty()) {
            return empty(column, required);
        }
        if (cell.equals(lastCell[column])) {
            return lastText[column];
        }
        PrintedText text = convert(column, cell);
        if (text != null) {
            lastCell[column] = cell;
            lastText[column] = text;
        }
        return text;
    }

    /** Like {@link #text(int, boolean)} for items with a small vocabulary (続柄, 記載事由, 国籍, 在留資格). */
    public PrintedText vocabularyText(int column, boolean required) {
        String cell = in.get(column);
        if (cell.isEmpty()) {
            return empty(column, required);
        }
        PrintedText known = vocabulary.get(cell);
        if (known != null) {
            return known;
        }
        PrintedText text = convert(column, cell);
        if (text != null && vocabulary.size() < VOCABULARY_LIMIT) {
            vocabulary.put(cell, text);
        }
        return text;
    }

    private PrintedText empty(int column, boolean required) {
        if (required) {
            problem(column, "required value missing");
            return null;
        }
        return PrintedText.EMPTY;
    }

    private PrintedText convert(int column, String cell) {
        boolean plain = true;
        for (int i = 0, n = cell.length(); i < n; i++) {
            char c = cell.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                problem(column, String.format(
                        "control character U+%04X at character %d (write {U+%04X} if it is meant)",
                        (int) c, cell.codePointCount(0, i) + 1, (int) c));
                return null;
            }
            plain &= c != '{' && c != '}' && !isPrivateUseChar(c);
        }
        PrintedText text = plain ? plainText(cell) : null;
        if (text != null) {
            return text;
        }
        try {
            return converter.convert(cell);
        } catch (IllegalArgumentException e) {
            problem(column, describeTextError(cell));
            return null;
        }
    }

    /**
     * Text without tags or vendor 外字 — nearly every cell — as the converter would read it, built without
     * it: the converter's general path compiles to several times the machine code, which a cold JVM pays
     * for on the first batch (measured: a third more CPU for the first tax batch of a 300,000-resident town).
     * Null when a selector has no base, for the converter to report.
     */
    private PrintedText plainText(String cell) {
        List<PrintedChar> chars = buffer;
        chars.clear();
        for (int i = 0, n = cell.length(); i < n; ) {
            int cp = cell.codePointAt(i);
            i += Character.charCount(cp);
            if (PrintedChar.isVariationSelector(cp)) {
                int last = chars.size() - 1;
                if (last < 0 || !(chars.get(last) instanceof PrintedChar.Ucs base)) {
                    return null;
                }
                chars.set(last, new PrintedChar.VariationSequence(base.codePoint(), cp));
            } else {
                chars.add(PrintedChar.Ucs.of(cp));
            }
        }
        return PrintedText.of(chars);
    }

    /**
     * Why the cell is not valid tagged text, located as a 1-based character (code point) number within the
     * cell, without the tag body core's parser quotes (which could be personal text).
     */
    static String describeTextError(String cell) {
        String m;
        try {
            PrintedText.parse(cell);
            // well-formed as such, so refused only as vendor text: a selector after a vendor 外字, or a raw
            // 外字 inside a tag; the converter's positions count its own rewriting of the cell, not the cell
            return vendorTextError(cell);
        } catch (IllegalArgumentException e) {
            m = e.getMessage() == null ? "" : e.getMessage();
        }
        String what = describe(m);
        int at = m.lastIndexOf("at position ");
        if (at < 0) {
            return what;
        }
        int index = 0;
        for (int i = at + 12; i < m.length() && Character.isDigit(m.charAt(i)); i++) {
            index = index * 10 + m.charAt(i) - '0';
        }
        index = Math.min(index, cell.length());
        return what + " at character " + (cell.codePointCount(0, index) + 1);
    }

    private static String describe(String m) {
        if (m.startsWith("unclosed tag")) {
            return "'{' without a closing '}'";
        } else if (m.startsWith("unexpected '}'")) {
            return "'}' outside a tag (write {U+007D} for a literal '}')";
        } else if (m.startsWith("variation selector without a base")) {
            return "variation selector without a base character";
        } else if (m.startsWith("bad MJ tag")) {
            return "malformed MJ tag (expected MJ and six digits, e.g. {MJ012345})";
        } else if (m.startsWith("bad code point tag")) {
            return "malformed code point tag (expected U+ and 4 to 6 hex digits, e.g. {U+007B})";
        } else if (m.startsWith("unknown tag")) {
            return "unknown tag (expected {MJnnnnnn}, {U+XXXX} or {VND:code})";
        }
        return "malformed tagged text";
    }

    private static String vendorTextError(String cell) {
        int previous = -1;
        for (int i = 0, k = 1; i < cell.length(); k++) {
            int cp = cell.codePointAt(i);
            if (PrintedChar.isVariationSelector(cp) && CorrespondenceTable.isPrivateUse(previous)) {
                return "variation selector after a vendor character (a vendor 外字 takes none) at character " + k;
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        return "vendor character inside a tag (write it outside the braces, or as {U+XXXX})";
    }

    /**
     * A plain string item (not printed through the 外字 machinery): control and private-use characters
     * are refused, since nothing could map them.
     */
    public String plain(int column, boolean required) {
        String cell = in.get(column);
        if (cell.isEmpty()) {
            if (required) {
                problem(column, "required value missing");
                return null;
            }
            return "";
        }
        for (int i = 0, n = cell.length(); i < n; i++) {
            char c = cell.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                problem(column, String.format("control character U+%04X at character %d",
                        (int) c, cell.codePointCount(0, i) + 1));
                return null;
            }
            if (isPrivateUseChar(c)) {
                problem(column, "private-use character at character " + (cell.codePointCount(0, i) + 1)
                        + " (this column takes no 外字)");
                return null;
            }
        }
        return cell;
    }

    /** A private-use character of the BMP, or the high surrogate of one in planes 15–16. */
    static boolean isPrivateUseChar(char c) {
        return c >= 0xE000 && c <= 0xF8FF || c >= 0xDB80 && c <= 0xDBFF;
    }

    // ---------------------------------------------------------------- dates and numbers

    /** A required date, {@code yyyy-MM-dd}. */
    public LocalDate date(int column) {
        return date(column, false);
    }

    /** A required date that is personal data (生年月日): a bad value is described, not quoted. */
    public LocalDate personalDate(int column) {
        return date(column, true);
    }

    private LocalDate date(int column, boolean personal) {
        String value = requiredRaw(column);
        return value == null ? null : parseDate(column, value, personal);
    }

    /** An optional date; empty when the cell is empty or malformed (then reported). */
    public Optional<LocalDate> optionalDate(int column) {
        String value = in.get(column);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = parseDate(column, value, false);
        if (date == null) {
            return Optional.empty();
        }
        int slot = slot(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        if (slot < 0) {
            return Optional.of(date);
        }
        Optional<LocalDate> known = optionalDays[slot];
        if (known == null) {
            known = Optional.of(date);
            optionalDays[slot] = known;
        }
        return known;
    }

    private LocalDate parseDate(int column, String value, boolean personal) {
        LocalDate date = isoDate(value);
        if (date == null) {
            problem(column, personal
                    ? "malformed date (expected yyyy-MM-dd; the value is personal data and not shown)"
                    : "malformed date " + show(value) + " (expected yyyy-MM-dd)");
        }
        return date;
    }

    /**
     * {@code yyyy-MM-dd} as a real calendar day, or null. Days from 1900 to 2099 are shared instances: a
     * town's four or five dates per person fall on a few tens of thousands of distinct days.
     */
    LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        int length = switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        if (day > length) {
            return null;
        }
        int slot = slot(year, month, day);
        if (slot < 0) {
            return LocalDate.of(year, month, day);
        }
        LocalDate known = days[slot];
        if (known == null) {
            known = LocalDate.of(year, month, day);
            days[slot] = known;
        }
        return known;
    }

    private static int slot(int year, int month, int day) {
        return year < FIRST_CACHED_YEAR || year >= FIRST_CACHED_YEAR + CACHED_YEARS
                ? -1 : ((year - FIRST_CACHED_YEAR) * 12 + month - 1) * 31 + day - 1;
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    /** The source's record version: a required non-negative integer (0 after a problem). */
    public long version(int column) {
        String value = requiredRaw(column);
        if (value == null) {
            return 0;
        }
        long v = parseLong(value, false);
        if (v == Long.MIN_VALUE) {
            problem(column, "malformed version " + show(value) + " (expected a non-negative integer)");
            return 0;
        }
        return v;
    }

    /** A required whole number: 円 amounts, years, sequence numbers (0 after a problem). */
    public long integer(int column, boolean signed) {
        String value = requiredRaw(column);
        if (value == null) {
            return 0;
        }
        long v = parseLong(value, signed);
        if (v == Long.MIN_VALUE) {
            problem(column, "malformed number " + show(value) + (signed
                    ? " (expected an integer, digits with an optional leading '-')"
                    : " (expected a non-negative integer, digits only)"));
            return 0;
        }
        return v;
    }

    /**
     * Digits with an optional '-' when signed; at most 18 digits so it cannot overflow.
     *
     * @return the number, or {@link Long#MIN_VALUE} when the text is not one
     */
    public static long parseLong(String s, boolean signed) {
        int i = 0;
        boolean negative = false;
        if (signed && s.length() > 1 && s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        int n = s.length() - i;
        if (n < 1 || n > 18) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            v = v * 10 + c - '0';
        }
        return negative ? -v : v;
    }

    /** A required decimal such as {@code 15} or {@code 15.5}, or NaN after a problem. */
    public double decimal(int column) {
        String value = requiredRaw(column);
        if (value == null) {
            return Double.NaN;
        }
        int dots = 0;
        boolean ok = value.length() <= 20 && value.charAt(0) != '.' && value.charAt(value.length() - 1) != '.';
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                ok = false;
            }
        }
        if (!ok || dots > 1) {
            problem(column, "malformed number " + show(value) + " (expected a decimal number such as 15 or 15.5)");
            return Double.NaN;
        }
        return Double.parseDouble(value);
    }

    /** A required flag: {@code 1} yes, {@code 0} no (false after a problem). */
    public boolean flag(int column) {
        String value = requiredRaw(column);
        if (value == null) {
            return false;
        }
        if (value.equals("1")) {
            return true;
        }
        if (!value.equals("0")) {
            problem(column, "unknown flag " + show(value) + " (expected 1 or 0)");
        }
        return false;
    }

    /** A required code of the table, as the value it stands for (null after a problem). */
    public <E> E code(int column, CodeTable<E> table) {
        String value = requiredRaw(column);
        if (value == null) {
            return null;
        }
        E e = table.valueOf(value);
        if (e == null) {
            problem(column, "unknown code " + show(value) + " (expected " + table.alternatives() + ")");
        }
        return e;
    }

    // ---------------------------------------------------------------- wording

    /** Alternatives as a reason lists them: {@code a, b or c}. */
    public static String alternatives(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(i == values.size() - 1 ? " or " : ", ");
            }
            sb.append(values.get(i));
        }
        return sb.toString();
    }

    /** A value fit to appear in a reason: short printable ASCII quoted, anything else only measured. */
    public static String show(String value) {
        return isQuotable(value)
                ? "'" + value + "'"
                : "(" + value.codePointCount(0, value.length()) + " characters, not shown)";
    }

    /**
     * Short printable ASCII without spaces: dates, numbers, codes and keys. Romanised names have spaces
     * more often than not, and anything longer or non-ASCII is more likely text than a code.
     */
    public static boolean isQuotable(String value) {
        if (value.isEmpty() || value.length() > 24) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c > 0x7E || c == '\'') {
                return false;
            }
        }
        return true;
    }
}
