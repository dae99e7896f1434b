package jp.kofu.core.sync.domain.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declarative fixed-length record definition (固定長レコード定義): how one data file of a vendor's legacy
 * layout holds the columns of a kofu {@link Layout} — each field's offset and length in bytes, its type, and
 * for codes the vendor's code table. A new vendor layout is a new definition file, not code; the codec
 * ({@link FixedRecordSource}, {@link FixedRecordSink}) is the same for every one.
 *
 * <h2>The definition file</h2>
 * A small line-oriented text (UTF-8; {@code #} starts a comment; blank lines ignored):
 * <pre>
 * layout  kofu-fixed-v1          # the layout's id, as a batch manifest names it
 * entity  residents              # the kofu layout (file) it fills
 * file    residents.dat          # the name a writer gives the file
 * record  512                    # bytes per record, without the CRLF that ends each record
 * # column           offset length type    options
 * op                 0      1      op      map=U:U,D:D
 * person_key         1      20     string
 * version            501    10     number
 * </pre>
 * Types: {@code text} (printed text; 外字 of the user-defined area become {@code SJIS:XXXX} vendor codes),
 * {@code kana} (half-width katakana in the file, full-width in kofu), {@code string} (plain text, no 外字),
 * {@code number} (digits right-aligned with leading zeros; options {@code scale=N} implied decimals and
 * {@code signed} for a leading '-'), {@code date} ({@code yyyyMMdd}, blank for none), {@code code}, {@code flag}
 * and {@code op} (left-aligned; option {@code map=vendor:kofu,...} translates the vendor's codes). Text-like
 * and code fields are left-aligned and padded with spaces (0x20), which reading trims from the right; a blank
 * field is an empty cell. Bytes no field covers are filler, written as spaces and not read.
 *
 * <p>Immutable and thread-safe.
 */
public final class FixedLayout {

    /** The type of a field: how its bytes become a kofu cell and back. */
    public enum Type {
        TEXT, KANA, STRING, NUMBER, DATE, CODE, FLAG, OP;

        static Type of(String name) {
            for (Type t : values()) {
                if (t.name().equalsIgnoreCase(name)) {
                    return t;
                }
            }
            return null;
        }

        /** The type as a definition names it. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One field (項目) of the record.
     *
     * @param column the kofu layout column it fills
     * @param offset its first byte, from 0
     * @param length its length in bytes
     * @param type how it is encoded
     * @param scale implied decimal places of a number
     * @param signed whether a number may be negative (a leading '-')
     * @param map vendor code → kofu code for codes, flags and op; empty when the codes are kofu's own
     */
    public record Field(String column, int offset, int length, Type type, int scale, boolean signed,
            Map<String, String> map) {

        public Field {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(type, "type");
            map = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }

        /** The byte after the field. */
        public int end() {
            return offset + length;
        }

        /** The kofu code a vendor code stands for: itself without a map, null when the map lacks it. */
        String toKofu(String vendor) {
            return map.isEmpty() ? vendor : map.get(vendor);
        }

        /** The vendor code standing for a kofu code: itself without a map, null when no code stands for it. */
        String toVendor(String kofu) {
            if (map.isEmpty()) {
                return kofu;
            }
            for (Map.Entry<String, String> e : map.entrySet()) {
                if (e.getValue().equals(kofu)) {
                    return e.getKey();
                }
            }
            return null;
        }
    }

    private final String id;
    private final String entity;
    private final String fileName;
    private final int recordLength;
    private final List<Field> fields;

    /**
     * @throws IllegalArgumentException when fields overlap, leave the record or name a column twice
     */
    public FixedLayout(String id, String entity, String fileName, int recordLength, List<Field> fields) {
        this.id = Objects.requireNonNull(id, "id");
        this.entity = Objects.requireNonNull(entity, "entity");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.recordLength = recordLength;
        this.fields = List.copyOf(fields);
        if (recordLength < 1) {
            throw new IllegalArgumentException("record length must be at least 1: " + recordLength);
        }
        boolean[] used = new boolean[recordLength];
        List<String> names = new ArrayList<>();
        for (Field f : this.fields) {
            if (f.offset() < 0 || f.length() < 1 || f.end() > recordLength) {
                throw new IllegalArgumentException("field " + f.column() + " (offset " + f.offset() + ", length "
                        + f.length() + ") is outside the record of " + recordLength + " bytes");
            }
            if (names.contains(f.column())) {
                throw new IllegalArgumentException("column " + f.column() + " has two fields");
            }
            names.add(f.column());
            for (int i = f.offset(); i < f.end(); i++) {
                if (used[i]) {
                    throw new IllegalArgumentException("field " + f.column() + " overlaps another at byte " + i);
                }
                used[i] = true;
            }
            if (f.type() == Type.DATE && f.length() != 8) {
                throw new IllegalArgumentException("date field " + f.column() + " must be 8 bytes (yyyyMMdd)");
            }
            if (f.scale() < 0 || f.scale() > 0 && f.type() != Type.NUMBER || f.signed() && f.type() != Type.NUMBER) {
                throw new IllegalArgumentException("scale and signed are options of number fields only: " + f.column());
            }
            if (f.type() == Type.NUMBER && f.length() - (f.signed() ? 1 : 0) > 40) {
                throw new IllegalArgumentException("number field " + f.column() + " has more than 40 digits");
            }
            if (!f.map().isEmpty() && f.type() != Type.CODE && f.type() != Type.FLAG && f.type() != Type.OP) {
                throw new IllegalArgumentException("map is an option of code, flag and op fields only: " + f.column());
            }
        }
    }

    /**
     * Reads a definition file.
     *
     * @param name the definition's name, for error messages
     * @throws IllegalArgumentException naming the line when the definition is malformed
     * @throws IOException when it cannot be read
     */
    public static FixedLayout parse(String name, Reader text) throws IOException {
        BufferedReader in = new BufferedReader(text);
        Map<String, String> header = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] t = body.split("\\s+");
            String where = name + " line " + number + ": ";
            try {
                switch (t[0]) {
                    case "layout", "entity", "file", "record" -> {
                        if (t.length != 2) {
                            throw new IllegalArgumentException(t[0] + " takes one value");
                        }
                        if (header.put(t[0], t[1]) != null) {
                            throw new IllegalArgumentException(t[0] + " is given twice");
                        }
                    }
                    default -> fields.add(field(t));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        for (String key : List.of("layout", "entity", "file", "record")) {
            if (!header.containsKey(key)) {
                throw new IllegalArgumentException(name + ": '" + key + "' is missing");
            }
        }
        try {
            return new FixedLayout(header.get("layout"), header.get("entity"), header.get("file"),
                    integer(header.get("record"), "record"), fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static Field field(String[] t) {
        if (t.length < 4) {
            throw new IllegalArgumentException("a field needs column, offset, length and type");
        }
        Type type = Type.of(t[3]);
        if (type == null) {
            throw new IllegalArgumentException("unknown type " + t[3]
                    + " (expected text, kana, string, number, date, code, flag or op)");
        }
        int scale = 0;
        boolean signed = false;
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 4; i < t.length; i++) {
            String option = t[i];
            if (option.equals("signed")) {
                signed = true;
            } else if (option.startsWith("scale=")) {
                scale = integer(option.substring(6), "scale");
            } else if (option.startsWith("map=")) {
                for (String pair : option.substring(4).split(",")) {
                    int colon = pair.indexOf(':');
                    if (colon < 1 || colon == pair.length() - 1) {
                        throw new IllegalArgumentException("map entries are vendor:kofu, not " + pair);
                    }
                    String vendor = pair.substring(0, colon);
                    String kofu = pair.substring(colon + 1);
                    if (map.put(vendor, kofu) != null || map.values().stream().filter(kofu::equals).count() > 1) {
                        throw new IllegalArgumentException("map gives code " + vendor + " or " + kofu + " twice");
                    }
                }
            } else {
                throw new IllegalArgumentException("unknown option " + option + " (expected scale=N, signed or map=...)");
            }
        }
        return new Field(t[0], integer(t[1], "offset"), integer(t[2], "length"), type, scale, signed, map);
    }

    private static int integer(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not " + s);
        }
    }

    /**
     * Whether a text field carries the character as windows-31j (a BMP character with a one- or two-byte
     * code that reads back as itself; private-use characters only as {@code SJIS:XXXX} vendor 外字). What a
     * writer must turn into vendor 外字 first.
     */
    public static boolean isWindows31j(int codePoint) {
        return codePoint > 0 && codePoint < 0x10000 && ShiftJis.encode((char) codePoint) != 0;
    }

    /** The layout's id, as a batch manifest names it (e.g. {@code kofu-fixed-v1}). */
    public String id() {
        return id;
    }

    /** The kofu entity whose layout the records fill (e.g. {@code residents}). */
    public String entity() {
        return entity;
    }

    /** The name a writer gives the file (e.g. {@code residents.dat}). */
    public String fileName() {
        return fileName;
    }

    /** Bytes per record, without the CRLF ending it. */
    public int recordLength() {
        return recordLength;
    }

    /** The fields, in the definition's order. */
    public List<Field> fields() {
        return fields;
    }

    /**
     * Checks the definition against the kofu layout it fills: every field names a column of it, and every
     * required column has a field.
     *
     * @throws IllegalArgumentException naming the column
     */
    public void requireFits(Layout layout) {
        if (!layout.entity().equals(entity)) {
            throw new IllegalArgumentException(id + "/" + entity + " is not a definition of " + layout.entity());
        }
        for (Field f : fields) {
            if (layout.indexOf(f.column()) < 0) {
                throw new IllegalArgumentException(id + "/" + entity + ": " + f.column() + " is not a column of "
                        + layout.entity() + " (expected one of " + String.join(", ", layout.names()) + ")");
            }
        }
        for (int column = 0; column < layout.size(); column++) {
            if (layout.isRequired(column) && field(layout.name(column)) == null) {
                throw new IllegalArgumentException(id + "/" + entity + ": required column " + layout.name(column)
                        + " has no field");
            }
        }
    }

    /** The field filling the column, or null. */
    public Field field(String column) {
        for (Field f : fields) {
            if (f.column().equals(column)) {
                return f;
            }
        }
        return null;
    }
}
