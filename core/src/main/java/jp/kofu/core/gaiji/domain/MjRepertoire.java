package jp.kofu.core.gaiji.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The MJ character repertoire (MJ文字情報): the 58,862 characters of the MJ character list
 * (MJ文字情報一覧表) and the MJ shrink map (MJ縮退マップ), indexed by every key kofu meets in vendor data —
 * MJ id, UCS, UCS + variation selector, 住基ネット統一文字コード, 戸籍統一文字番号, 入管正字/外字コード,
 * 登記統一文字番号 and JIS X 0213 — plus the shrink map in both directions.
 *
 * <p>The data ship with kofu-core ({@code jp/kofu/core/gaiji/mji.tsv.gz} and {@code mjsm.tsv.gz},
 * © IPA, CC BY-SA 2.1 JP, see the README beside them) and are read once per process by {@link #shared()}.
 * The index is a set of int arrays and sorted key/row arrays (no boxed maps): about 6 MB of heap. The two
 * files are read in parallel (about 0.25 s on a cold JVM with two cores), and each key's sorted index is
 * built on its first lookup.
 *
 * <p>Lookups taking a key in its written form ({@code J+AD1D}, {@code 001340}, {@code 1-01-25}) throw
 * {@link IllegalArgumentException} when the text is not of that form, and return empty when the form is
 * right but no MJ character has the key. Immutable and thread-safe.
 */
public final class MjRepertoire {

    static final String MJI_RESOURCE = "/jp/kofu/core/gaiji/mji.tsv.gz";
    static final String MJSM_RESOURCE = "/jp/kofu/core/gaiji/mjsm.tsv.gz";

    private static final int NONE = -1;

    // ---- the list, one entry per row, rows in ascending MJ number ------------------------------------
    private final int[] number;
    private final int[] rowByNumber;
    private final int[] ucs;
    private final int[] implementedUcs;
    private final int[] ivsSelector;
    private final int[] svsSelector;
    private final int[] koseki;
    private final int[] juki;
    private final int[] nyukanSeiji;
    private final int[] nyukanGaiji;
    private final int[] jisX0213;
    private final int[] toki;
    private final int[] strokes;

    private final IntIndex.Lazy byImplementedUcs;
    private final IntIndex.Lazy byUcs;
    private final IntIndex.Lazy bySequence;
    private final IntIndex.Lazy byKoseki;
    private final IntIndex.Lazy byJuki;
    private final IntIndex.Lazy byNyukan;
    private final IntIndex.Lazy byToki;
    private final IntIndex.Lazy byJis;

    // ---- the shrink map, rows in ascending MJ row ---------------------------------------------------
    private final int[] shrinkRow;
    private final int[] shrinkUcs;
    private final int[] shrinkJis;
    private final byte[] shrinkTable;
    private final byte[] shrinkRank;
    private final byte[] shrinkHops;
    private final String[] tables;
    private final IntIndex.Lazy shrinkByUcs;

    private final Duration loadTime;

    private MjRepertoire(Builder b, Duration loadTime) {
        int n = b.rows;
        this.number = Arrays.copyOf(b.number, n);
        this.ucs = Arrays.copyOf(b.ucs, n);
        this.implementedUcs = Arrays.copyOf(b.implementedUcs, n);
        this.ivsSelector = Arrays.copyOf(b.ivsSelector, n);
        this.svsSelector = Arrays.copyOf(b.svsSelector, n);
        this.koseki = Arrays.copyOf(b.koseki, n);
        this.juki = Arrays.copyOf(b.juki, n);
        this.nyukanSeiji = Arrays.copyOf(b.nyukanSeiji, n);
        this.nyukanGaiji = Arrays.copyOf(b.nyukanGaiji, n);
        this.jisX0213 = Arrays.copyOf(b.jis, n);
        this.toki = Arrays.copyOf(b.toki, n);
        this.strokes = Arrays.copyOf(b.strokes, n);
        int max = n == 0 ? 0 : number[n - 1];
        this.rowByNumber = new int[max + 1];
        Arrays.fill(rowByNumber, NONE);
        for (int row = 0; row < n; row++) {
            rowByNumber[number[row]] = row;
        }
        this.byImplementedUcs = new IntIndex.Lazy(() -> IntIndex.of(implementedUcs));
        this.byUcs = new IntIndex.Lazy(() -> IntIndex.of(ucs));
        this.bySequence = new IntIndex.Lazy(this::sequenceIndex);
        this.byKoseki = new IntIndex.Lazy(() -> IntIndex.of(koseki));
        this.byJuki = new IntIndex.Lazy(() -> IntIndex.of(juki));
        this.byNyukan = new IntIndex.Lazy(this::nyukanIndex);
        this.byToki = new IntIndex.Lazy(() -> IntIndex.of(toki));
        this.byJis = new IntIndex.Lazy(() -> IntIndex.of(jisX0213));

        int m = b.shrinkRows;
        this.shrinkRow = Arrays.copyOf(b.shrinkRow, m);
        this.shrinkUcs = Arrays.copyOf(b.shrinkUcs, m);
        this.shrinkJis = Arrays.copyOf(b.shrinkJis, m);
        this.shrinkTable = Arrays.copyOf(b.shrinkTable, m);
        this.shrinkRank = Arrays.copyOf(b.shrinkRank, m);
        this.shrinkHops = Arrays.copyOf(b.shrinkHops, m);
        this.tables = b.tables.toArray(new String[0]);
        this.shrinkByUcs = new IntIndex.Lazy(() -> IntIndex.of(shrinkUcs));
        this.loadTime = loadTime;
    }

    private IntIndex sequenceIndex() {
        int n = number.length;
        long[] sequences = new long[n * 2];
        int s = 0;
        for (int row = 0; row < n; row++) {
            if (ivsSelector[row] != 0) {
                sequences[s++] = (long) sequenceKey(ucs[row], ivsSelector[row]) << 32 | row;
            }
            if (svsSelector[row] != 0) {
                sequences[s++] = (long) sequenceKey(ucs[row], svsSelector[row]) << 32 | row;
            }
        }
        return IntIndex.ofPacked(Arrays.copyOf(sequences, s));
    }

    /**
     * 入管正字 and 入管外字 codes do not overlap (外字 are in the private use area), so one index serves both; a
     * character may have both.
     */
    private IntIndex nyukanIndex() {
        int n = number.length;
        long[] nyukan = new long[n * 2];
        int k = 0;
        for (int row = 0; row < n; row++) {
            if (nyukanSeiji[row] >= 0) {
                nyukan[k++] = (long) nyukanSeiji[row] << 32 | row;
            }
            if (nyukanGaiji[row] >= 0) {
                nyukan[k++] = (long) nyukanGaiji[row] << 32 | row;
            }
        }
        return IntIndex.ofPacked(Arrays.copyOf(nyukan, k));
    }

    // ---- loading ------------------------------------------------------------------------------------

    /**
     * The repertoire shipped with kofu-core, read on first use and then shared by the whole process.
     *
     * @throws UncheckedIOException when the bundled data cannot be read (a broken build)
     */
    public static MjRepertoire shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final MjRepertoire INSTANCE = loadBundled();

        private static MjRepertoire loadBundled() {
            try (InputStream mji = open(MJI_RESOURCE); InputStream mjsm = open(MJSM_RESOURCE)) {
                return load(new GZIPInputStream(mji, 1 << 16), new GZIPInputStream(mjsm, 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled MJ data cannot be read", e);
            }
        }

        private static InputStream open(String resource) throws IOException {
            InputStream in = MjRepertoire.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException(resource + " is missing from the classpath");
            }
            return in;
        }
    }

    /**
     * Reads the MJ character list and the shrink map from their tab-separated forms (UTF-8, one header
     * line naming the columns, as shipped). Columns are found by name, so their order does not matter.
     *
     * @param mjiTsv the MJ文字情報一覧表 ({@code mji.tsv})
     * @param mjsmTsv the MJ縮退マップ ({@code mjsm.tsv})
     * @throws IOException when a stream cannot be read
     * @throws IllegalArgumentException naming the line and column of a malformed value
     */
    public static MjRepertoire load(InputStream mjiTsv, InputStream mjsmTsv) throws IOException {
        long start = System.nanoTime();
        Builder b = new Builder();
        // the two files are independent until the shrink map's MJ ids are turned into rows: read them at once,
        // on a thread of our own (the common pool may be busy with the caller's work)
        Throwable[] failure = new Throwable[1];
        Thread shrinkMap = new Thread(() -> {
            try {
                b.readShrinkMap(new BufferedReader(new InputStreamReader(mjsmTsv, StandardCharsets.UTF_8), 1 << 16));
            } catch (IOException | RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "mj-shrink-map-reader");
        shrinkMap.setDaemon(true);
        shrinkMap.start();
        try {
            b.readList(new BufferedReader(new InputStreamReader(mjiTsv, StandardCharsets.UTF_8), 1 << 16));
        } finally {
            joinUninterruptibly(shrinkMap);
        }
        if (failure[0] instanceof IOException io) {
            throw io;
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        b.resolveShrinkRows();
        return new MjRepertoire(b, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long reading and indexing took. */
    public Duration loadTime() {
        return loadTime;
    }

    // ---- lookups ------------------------------------------------------------------------------------

    /** Number of MJ characters (58,862 in the shipped data). */
    public int size() {
        return number.length;
    }

    /** Number of rows of the shrink map (62,682 in the shipped data). */
    public int shrinkMapSize() {
        return shrinkRow.length;
    }

    /** Every MJ character, in ascending MJ id. */
    public Stream<MjCharacter> stream() {
        return IntStream.range(0, number.length).mapToObj(this::character);
    }

    public boolean contains(MjId id) {
        return row(id) >= 0;
    }

    public Optional<MjCharacter> byId(MjId id) {
        return optional(row(id));
    }

    /** How the MJ character is stored and printed exactly (see {@link MjCharacter#printedChar()}). */
    public Optional<PrintedChar> printedChar(MjId id) {
        return byId(id).map(MjCharacter::printedChar);
    }

    /** The MJ character a plain code point prints as in IPAmj Mincho (its implemented UCS). */
    public Optional<MjCharacter> byCodePoint(int codePoint) {
        return optional(byImplementedUcs.get().one(codePoint));
    }

    /** The MJ character of a variation sequence: Moji_Joho IVS or standardized (SVS). */
    public Optional<MjCharacter> bySequence(int base, int selector) {
        int key = sequenceKey(base, selector);
        return key < 0 ? Optional.empty() : optional(bySequence.get().one(key));
    }

    /**
     * The MJ character a printed character is: by code point, by variation sequence or by MJ id; empty for
     * a character outside MJ and for unidentified vendor characters.
     */
    public Optional<MjCharacter> of(PrintedChar c) {
        if (c instanceof PrintedChar.Ucs u) {
            return byCodePoint(u.codePoint());
        }
        if (c instanceof PrintedChar.VariationSequence v) {
            return bySequence(v.base(), v.selector());
        }
        if (c instanceof PrintedChar.MjOnly m) {
            return byId(m.id());
        }
        return Optional.empty();
    }

    /** Every MJ character whose corresponding UCS (対応するUCS) is the code point: the character and its variants (異体字). */
    public List<MjCharacter> variantsOf(int codePoint) {
        return characters(byUcs.get().all(codePoint));
    }

    /** By 住基ネット統一文字コード, written {@code J+} and four hex digits (e.g. {@code J+AD1D}). */
    public Optional<MjCharacter> byJukiCode(String code) {
        return optional(byJuki.get().one(parseJuki(code)));
    }

    /** By 戸籍統一文字番号, six digits (e.g. {@code 001340}). */
    public Optional<MjCharacter> byKosekiNumber(String number) {
        return optional(byKoseki.get().one(parseDigits(number, 6, "戸籍統一文字番号")));
    }

    /** By 登記統一文字番号, eight digits (e.g. {@code 00001340}). */
    public Optional<MjCharacter> byTokiNumber(String number) {
        return optional(byToki.get().one(parseDigits(number, 8, "登記統一文字番号")));
    }

    /** By 入管正字コード or 入管外字コード, written {@code 0x} and four to six hex digits (e.g. {@code 0x3402}). */
    public Optional<MjCharacter> byNyukanCode(String code) {
        return optional(byNyukan.get().one(parseNyukan(code)));
    }

    /** By JIS X 0213 面-区-点 (e.g. {@code 1-01-25}); several MJ characters share a JIS position (包摂). */
    public List<MjCharacter> byJisX0213(String menKuTen) {
        return characters(byJis.get().all(parseJis(menKuTen)));
    }

    /** The shrink map's fallbacks of an MJ character (MJ縮退マップ), in the map's order. */
    public List<MjShrinkMapping> shrinkMappings(MjId id) {
        int row = row(id);
        if (row < 0) {
            return List.of();
        }
        int at = Arrays.binarySearch(shrinkRow, row);
        if (at < 0) {
            return List.of();
        }
        while (at > 0 && shrinkRow[at - 1] == row) {
            at--;
        }
        List<MjShrinkMapping> out = new ArrayList<>();
        for (int i = at; i < shrinkRow.length && shrinkRow[i] == row; i++) {
            out.add(shrinkMapping(i));
        }
        return out;
    }

    /** The reverse of the shrink map: every mapping whose fallback is the code point, in MJ id order. */
    public List<MjShrinkMapping> shrinkMappingsTo(int codePoint) {
        int[] indices = shrinkByUcs.get().all(codePoint);
        List<MjShrinkMapping> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(shrinkMapping(i));
        }
        return out;
    }

    // ---- building views ----------------------------------------------------------------------------

    private int row(MjId id) {
        int n = id.number();
        return n < rowByNumber.length ? rowByNumber[n] : NONE;
    }

    private Optional<MjCharacter> optional(int row) {
        return row < 0 ? Optional.empty() : Optional.of(character(row));
    }

    private List<MjCharacter> characters(int[] rows) {
        List<MjCharacter> out = new ArrayList<>(rows.length);
        for (int row : rows) {
            out.add(character(row));
        }
        return out;
    }

    private MjCharacter character(int row) {
        return new MjCharacter(
                new MjId(number[row]),
                optionalInt(ucs[row]),
                optionalInt(implementedUcs[row]),
                ivsSelector[row] == 0 ? Optional.empty()
                        : Optional.of(new PrintedChar.VariationSequence(ucs[row], ivsSelector[row])),
                svsSelector[row] == 0 ? Optional.empty()
                        : Optional.of(new PrintedChar.VariationSequence(ucs[row], svsSelector[row])),
                format(koseki[row], "%06d"),
                format(juki[row], "J+%04X"),
                format(nyukanSeiji[row], "0x%04X"),
                format(nyukanGaiji[row], "0x%04X"),
                jisX0213[row] < 0 ? Optional.empty() : Optional.of(jisNotation(jisX0213[row])),
                format(toki[row], "%08d"),
                strokes[row]);
    }

    private MjShrinkMapping shrinkMapping(int i) {
        return new MjShrinkMapping(new MjId(number[shrinkRow[i]]), shrinkUcs[i],
                shrinkJis[i] < 0 ? "" : jisNotation(shrinkJis[i]), tables[shrinkTable[i]],
                shrinkRank[i] == 0 ? OptionalInt.empty() : OptionalInt.of(shrinkRank[i]),
                shrinkHops[i] < 0 ? OptionalInt.empty() : OptionalInt.of(shrinkHops[i]));
    }

    private static OptionalInt optionalInt(int value) {
        return value < 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static Optional<String> format(int value, String pattern) {
        return value < 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, pattern, value));
    }

    private static String jisNotation(int key) {
        return String.format(Locale.ROOT, "%d-%02d-%02d", key / 10_000, key / 100 % 100, key % 100);
    }

    // ---- key forms ---------------------------------------------------------------------------------

    /** One int per variation sequence: base × 256 + selector slot (IVS 0–239, SVS 240–255); -1 if not one. */
    static int sequenceKey(int base, int selector) {
        int slot;
        if (selector >= 0xE0100 && selector <= 0xE01EF) {
            slot = selector - 0xE0100;
        } else if (selector >= 0xFE00 && selector <= 0xFE0F) {
            slot = 240 + selector - 0xFE00;
        } else {
            return NONE;
        }
        if (base < 0 || base > 0x10FFFF) {
            return NONE;
        }
        return base << 8 | slot;
    }

    static int parseJuki(String code) {
        if (code == null || code.length() != 6 || !(code.startsWith("J+") || code.startsWith("j+"))) {
            throw new IllegalArgumentException("not a 住基ネット統一文字コード (expected J+ and four hex digits): " + code);
        }
        return parseHex(code.substring(2), code, "住基ネット統一文字コード");
    }

    static int parseNyukan(String code) {
        if (code == null || code.length() < 6 || code.length() > 8 || !(code.startsWith("0x") || code.startsWith("0X"))) {
            throw new IllegalArgumentException("not a 入管コード (expected 0x and four to six hex digits): " + code);
        }
        return parseHex(code.substring(2), code, "入管コード");
    }

    private static int parseHex(String digits, String whole, String what) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException("not a " + what + " (bad hex digit): " + whole);
            }
            v = v * 16 + d;
        }
        return v;
    }

    static int parseDigits(String text, int length, String what) {
        if (text == null || text.length() != length) {
            throw new IllegalArgumentException("not a " + what + " (expected " + length + " digits): " + text);
        }
        int v = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a " + what + " (expected " + length + " digits): " + text);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int parseJis(String text) {
        String[] parts = text == null ? new String[0] : text.split("-", -1);
        if (parts.length != 3 || parts[0].length() != 1 || parts[1].length() != 2 || parts[2].length() != 2) {
            throw new IllegalArgumentException("not a JIS X 0213 面-区-点 (expected e.g. 1-01-25): " + text);
        }
        int men = parseDigits(parts[0], 1, "JIS X 0213 面");
        int ku = parseDigits(parts[1], 2, "JIS X 0213 区");
        int ten = parseDigits(parts[2], 2, "JIS X 0213 点");
        if (men < 1 || men > 2 || ku < 1 || ku > 94 || ten < 1 || ten > 94) {
            throw new IllegalArgumentException("JIS X 0213 面-区-点 out of range: " + text);
        }
        return men * 10_000 + ku * 100 + ten;
    }

    // ---- the reader --------------------------------------------------------------------------------

    /** Parses the TSVs into growable arrays; single-threaded, used once. */
    private static final class Builder {
        int rows;
        int[] number = new int[65_536];
        int[] ucs = new int[65_536];
        int[] implementedUcs = new int[65_536];
        int[] ivsSelector = new int[65_536];
        int[] svsSelector = new int[65_536];
        int[] koseki = new int[65_536];
        int[] juki = new int[65_536];
        int[] nyukanSeiji = new int[65_536];
        int[] nyukanGaiji = new int[65_536];
        int[] jis = new int[65_536];
        int[] toki = new int[65_536];
        int[] strokes = new int[65_536];

        int shrinkRows;
        int[] shrinkRow = new int[65_536];
        int[] shrinkUcs = new int[65_536];
        int[] shrinkJis = new int[65_536];
        byte[] shrinkTable = new byte[65_536];
        byte[] shrinkRank = new byte[65_536];
        byte[] shrinkHops = new byte[65_536];
        final List<String> tables = new ArrayList<>();
        private final Map<String, Integer> tableIndex = new HashMap<>();

        void readList(BufferedReader in) throws IOException {
            Columns c = new Columns(in.readLine(), "mji", "mj", "ucs", "implemented_ucs", "moji_joho_ivs", "svs",
                    "koseki_no", "juki_code", "nyukan_seiji", "nyukan_gaiji", "x0213", "touki_no", "strokes");
            int cMj = c.at("mj");
            int cUcs = c.at("ucs");
            int cImplemented = c.at("implemented_ucs");
            int cIvs = c.at("moji_joho_ivs");
            int cSvs = c.at("svs");
            int cKoseki = c.at("koseki_no");
            int cJuki = c.at("juki_code");
            int cSeiji = c.at("nyukan_seiji");
            int cGaiji = c.at("nyukan_gaiji");
            int cJis = c.at("x0213");
            int cToki = c.at("touki_no");
            int cStrokes = c.at("strokes");
            String line;
            int lineNo = 1;
            int previous = 0;
            int[] bounds = new int[c.width + 1];
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                c.split(line, bounds, lineNo);
                if (rows == number.length) {
                    grow();
                }
                int r = rows;
                try {
                    number[r] = mjNumber(field(line, bounds, cMj));
                    if (number[r] <= previous) {
                        throw new IllegalArgumentException("MJ ids must ascend");
                    }
                    previous = number[r];
                    ucs[r] = codePoint(line, bounds, cUcs);
                    implementedUcs[r] = codePoint(line, bounds, cImplemented);
                    ivsSelector[r] = selector(line, bounds, cIvs, ucs[r]);
                    svsSelector[r] = selector(line, bounds, cSvs, ucs[r]);
                    koseki[r] = empty(bounds, cKoseki) ? NONE : parseDigits(field(line, bounds, cKoseki), 6, "戸籍統一文字番号");
                    juki[r] = empty(bounds, cJuki) ? NONE : parseJuki(field(line, bounds, cJuki));
                    nyukanSeiji[r] = empty(bounds, cSeiji) ? NONE : parseNyukan(field(line, bounds, cSeiji));
                    nyukanGaiji[r] = empty(bounds, cGaiji) ? NONE : parseNyukan(field(line, bounds, cGaiji));
                    jis[r] = empty(bounds, cJis) ? NONE : parseJis(field(line, bounds, cJis));
                    toki[r] = empty(bounds, cToki) ? NONE : parseDigits(field(line, bounds, cToki), 8, "登記統一文字番号");
                    strokes[r] = empty(bounds, cStrokes) ? 0 : Integer.parseInt(field(line, bounds, cStrokes));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("mji line " + lineNo + ": " + e.getMessage(), e);
                }
                rows++;
            }
        }

        void readShrinkMap(BufferedReader in) throws IOException {
            Columns c = new Columns(in.readLine(), "mjsm", "mj", "fallback_ucs", "fallback_x0213", "table", "rank",
                    "hops");
            int cMj = c.at("mj");
            int cUcs = c.at("fallback_ucs");
            int cJis = c.at("fallback_x0213");
            int cTable = c.at("table");
            int cRank = c.at("rank");
            int cHops = c.at("hops");
            String line;
            int lineNo = 1;
            int[] bounds = new int[c.width + 1];
            int previous = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                c.split(line, bounds, lineNo);
                if (shrinkRows == shrinkRow.length) {
                    growShrink();
                }
                int i = shrinkRows;
                try {
                    int n = mjNumber(field(line, bounds, cMj));
                    if (n < previous) {
                        throw new IllegalArgumentException("the shrink map must be ordered by MJ id");
                    }
                    previous = n;
                    shrinkRow[i] = n; // the MJ number until resolveShrinkRows()
                    shrinkUcs[i] = codePoint(line, bounds, cUcs);
                    if (shrinkUcs[i] < 0) {
                        throw new IllegalArgumentException("no fallback_ucs");
                    }
                    shrinkJis[i] = empty(bounds, cJis) ? NONE : parseJis(field(line, bounds, cJis));
                    shrinkTable[i] = table(field(line, bounds, cTable));
                    shrinkRank[i] = (byte) (empty(bounds, cRank) ? 0 : Integer.parseInt(field(line, bounds, cRank)));
                    shrinkHops[i] = (byte) (empty(bounds, cHops) ? -1 : Integer.parseInt(field(line, bounds, cHops)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("mjsm line " + lineNo + ": " + e.getMessage(), e);
                }
                shrinkRows++;
            }
        }

        /** Turns the shrink map's MJ numbers into rows of the list, once both files are read. */
        void resolveShrinkRows() {
            int[] rowByNumber = new int[rows == 0 ? 1 : number[rows - 1] + 1];
            Arrays.fill(rowByNumber, NONE);
            for (int r = 0; r < rows; r++) {
                rowByNumber[number[r]] = r;
            }
            for (int i = 0; i < shrinkRows; i++) {
                int n = shrinkRow[i];
                int row = n < rowByNumber.length ? rowByNumber[n] : NONE;
                if (row < 0) {
                    throw new IllegalArgumentException("mjsm row " + (i + 1) + ": " + new MjId(n)
                            + " is not in the MJ character list");
                }
                shrinkRow[i] = row;
            }
        }

        /** Field i lies between bounds[i] and bounds[i + 1] - 1 (the tab). */
        private static boolean empty(int[] bounds, int i) {
            return bounds[i + 1] - 1 == bounds[i];
        }

        private static String field(String line, int[] bounds, int i) {
            return line.substring(bounds[i], bounds[i + 1] - 1);
        }

        /** {@code MJ} and six digits, without a regular expression: 120,000 of them are read at start-up. */
        private static int mjNumber(String text) {
            if (text.length() != 8 || text.charAt(0) != 'M' || text.charAt(1) != 'J') {
                throw new IllegalArgumentException("not an MJ id: " + text);
            }
            return new MjId(parseDigits(text.substring(2), 6, "MJ id")).number();
        }

        /** One {@code U+XXXX} field, or NONE when empty. */
        private static int codePoint(String line, int[] bounds, int i) {
            int from = bounds[i];
            int to = bounds[i + 1] - 1;
            if (from == to) {
                return NONE;
            }
            return hexCodePoint(line, from, to);
        }

        private static int hexCodePoint(String line, int from, int to) {
            if (to - from < 6 || to - from > 8 || line.charAt(from) != 'U' || line.charAt(from + 1) != '+') {
                throw new IllegalArgumentException("not a code point: " + line.substring(from, to));
            }
            int v = 0;
            for (int k = from + 2; k < to; k++) {
                int d = Character.digit(line.charAt(k), 16);
                if (d < 0) {
                    throw new IllegalArgumentException("not a code point: " + line.substring(from, to));
                }
                v = v * 16 + d;
            }
            if (v > 0x10FFFF) {
                throw new IllegalArgumentException("beyond U+10FFFF: " + line.substring(from, to));
            }
            return v;
        }

        /** A {@code U+XXXX U+YYYY} sequence field whose base must be the row's UCS: its selector, or 0. */
        private static int selector(String line, int[] bounds, int i, int base) {
            int from = bounds[i];
            int to = bounds[i + 1] - 1;
            if (from == to) {
                return 0;
            }
            int space = line.indexOf(' ', from);
            if (space < 0 || space >= to) {
                throw new IllegalArgumentException("not a variation sequence: " + line.substring(from, to));
            }
            int first = hexCodePoint(line, from, space);
            int second = hexCodePoint(line, space + 1, to);
            if (first != base || sequenceKey(first, second) < 0) {
                throw new IllegalArgumentException("not a variation sequence of the character's UCS: "
                        + line.substring(from, to));
            }
            return second;
        }

        private byte table(String name) {
            Integer index = tableIndex.get(name);
            if (index == null) {
                if (tables.size() == Byte.MAX_VALUE) {
                    throw new IllegalArgumentException("more than 127 shrink-map tables");
                }
                index = tables.size();
                tables.add(name);
                tableIndex.put(name, index);
            }
            return (byte) index.intValue();
        }

        private void grow() {
            int size = number.length * 2;
            number = Arrays.copyOf(number, size);
            ucs = Arrays.copyOf(ucs, size);
            implementedUcs = Arrays.copyOf(implementedUcs, size);
            ivsSelector = Arrays.copyOf(ivsSelector, size);
            svsSelector = Arrays.copyOf(svsSelector, size);
            koseki = Arrays.copyOf(koseki, size);
            juki = Arrays.copyOf(juki, size);
            nyukanSeiji = Arrays.copyOf(nyukanSeiji, size);
            nyukanGaiji = Arrays.copyOf(nyukanGaiji, size);
            jis = Arrays.copyOf(jis, size);
            toki = Arrays.copyOf(toki, size);
            strokes = Arrays.copyOf(strokes, size);
        }

        private void growShrink() {
            int size = shrinkRow.length * 2;
            shrinkRow = Arrays.copyOf(shrinkRow, size);
            shrinkUcs = Arrays.copyOf(shrinkUcs, size);
            shrinkJis = Arrays.copyOf(shrinkJis, size);
            shrinkTable = Arrays.copyOf(shrinkTable, size);
            shrinkRank = Arrays.copyOf(shrinkRank, size);
            shrinkHops = Arrays.copyOf(shrinkHops, size);
        }
    }

    /** The header of a TSV: where each needed column is. */
    private static final class Columns {
        private final String file;
        private final Map<String, Integer> index = new HashMap<>();
        final int width;

        Columns(String header, String file, String... required) {
            this.file = file;
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file");
            }
            String[] names = header.split("\t", -1);
            for (int i = 0; i < names.length; i++) {
                index.put(names[i], i);
            }
            for (String name : required) {
                if (!index.containsKey(name)) {
                    throw new IllegalArgumentException(file + " line 1: no column " + name);
                }
            }
            this.width = names.length;
        }

        int at(String name) {
            return index.get(name);
        }

        /** Fills bounds[i] with the start of field i and bounds[width] with the line's length + 1. */
        void split(String line, int[] bounds, int lineNo) {
            int start = 0;
            for (int i = 0; i < width; i++) {
                bounds[i] = start;
                int tab = line.indexOf('\t', start);
                if (i == width - 1) {
                    if (tab >= 0) {
                        throw new IllegalArgumentException(file + " line " + lineNo + ": more than " + width + " fields");
                    }
                    bounds[width] = line.length() + 1;
                } else {
                    if (tab < 0) {
                        throw new IllegalArgumentException(file + " line " + lineNo + ": " + (i + 1) + " fields, expected " + width);
                    }
                    start = tab + 1;
                }
            }
        }
    }
}
