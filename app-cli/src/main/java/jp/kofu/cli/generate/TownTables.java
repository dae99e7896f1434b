package jp.kofu.cli.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.replica.domain.Sex;

/**
 * The embedded tables (埋め込み辞書) of the synthetic town: names with readings, Kurume's town names, other
 * places, building names, nationalities and the special characters, read once from the TSV resources next
 * to this class. Lines starting with {@code #} are comments.
 */
final class TownTables {

    /** Birth eras of the given-name tables: up to 1945, 1946-65, 1966-85, 1986-2005, 2006 on. */
    static final int ERAS = 5;

    final Weighted<NamePart> surnames;
    /** Given names by sex (0 male, 1 female) and era (0-4). */
    private final List<List<Weighted<NamePart>>> givenNames;
    final Map<String, Map<String, List<NamePart>>> foreignParts;
    final Weighted<Nationality> nationalities;
    final Weighted<Town> towns;
    final Weighted<String> places;
    final List<String> buildingPrefixes;
    final List<String> buildingCores;
    final List<String> buildingSuffixes;
    final List<String> longBuildings;
    final List<String> extraLongBuildings;
    final List<String> dormitories;
    /** Variant characters by the code point they replace. */
    final Map<Integer, List<Variant>> variantsByBase;
    /** Code points of the plain-UCS variants (髙, 﨑, 𠮷, 槗): characters beyond JIS X 0208. */
    final Set<Integer> variantUcsCodePoints;
    /** The UCS code point an MJ-only character is a form of (to draw it in a seal), where it has one. */
    final Map<MjId, Integer> mjOnlyBaseCodePoints;
    final List<NamePart> mjOnlyMaleNames;
    final List<NamePart> mjOnlyFemaleNames;
    final List<VendorChar> vendorChars;

    private TownTables() {
        surnames = loadSurnames();
        givenNames = List.of(loadGiven("given-names-male.tsv"), loadGiven("given-names-female.tsv"));
        foreignParts = loadForeign();
        nationalities = loadNationalities();
        towns = loadTowns();
        places = loadPlaces();
        List<String> prefixes = new ArrayList<>();
        List<String> cores = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<String> longOnes = new ArrayList<>();
        List<String> extraLong = new ArrayList<>();
        List<String> dorms = new ArrayList<>();
        for (String[] f : rows("buildings.tsv", 1)) {
            String text = f.length > 1 ? f[1] : "";
            switch (f[0]) {
                case "PREFIX" -> prefixes.add(text);
                case "CORE" -> cores.add(text);
                case "SUFFIX" -> suffixes.add(text);
                case "LONG" -> longOnes.add(text);
                case "EXTRA_LONG" -> extraLong.add(text);
                case "DORM" -> dorms.add(text);
                default -> throw new IllegalStateException("buildings.tsv: unknown kind " + f[0]);
            }
        }
        buildingPrefixes = List.copyOf(prefixes);
        buildingCores = List.copyOf(cores);
        buildingSuffixes = List.copyOf(suffixes);
        longBuildings = List.copyOf(longOnes);
        extraLongBuildings = List.copyOf(extraLong);
        dormitories = List.copyOf(dorms);
        variantsByBase = loadVariants();
        Map<MjId, Integer> mjBases = new LinkedHashMap<>();
        for (String[] f : rows("mj-variants.tsv", 4)) {
            if ("MJONLY".equals(f[1]) && f[2].startsWith("U+")) {
                mjBases.put(MjId.parse(f[3]), codePoints(f[2]).codePointAt(0));
            }
        }
        mjOnlyBaseCodePoints = Collections.unmodifiableMap(mjBases);
        Set<Integer> ucs = new TreeSet<>();
        for (List<Variant> vs : variantsByBase.values()) {
            for (Variant v : vs) {
                if (v.kind() == Variant.Kind.UCS) {
                    ucs.add(v.tagged().codePointAt(0));
                }
            }
        }
        variantUcsCodePoints = Collections.unmodifiableSet(ucs);
        List<NamePart> m = new ArrayList<>();
        List<NamePart> w = new ArrayList<>();
        for (String[] f : rows("mj-only-given-names.tsv", 3)) {
            ("M".equals(f[2]) ? m : w).add(new NamePart(f[0], f[1]));
        }
        mjOnlyMaleNames = List.copyOf(m);
        mjOnlyFemaleNames = List.copyOf(w);
        List<VendorChar> v = new ArrayList<>();
        for (String[] f : rows("vendor-gaiji.tsv", 3)) {
            v.add(new VendorChar(f[0], f[1].codePointAt(0), MjId.parse(f[2])));
        }
        vendorChars = List.copyOf(v);
    }

    private static final class Holder {
        static final TownTables INSTANCE = new TownTables();
    }

    /** The tables, loaded on first use and shared (they are immutable). */
    static TownTables get() {
        return Holder.INSTANCE;
    }

    Weighted<NamePart> givenNames(Sex sex, int era) {
        return givenNames.get(sex == Sex.MALE ? 0 : 1).get(era);
    }

    List<NamePart> foreign(String country, String part) {
        return foreignParts.getOrDefault(country, Map.of()).getOrDefault(part, List.of());
    }

    // ---- loading -------------------------------------------------------------------------------------

    private static Weighted<NamePart> loadSurnames() {
        Weighted.Builder<NamePart> b = Weighted.builder();
        for (String[] f : rows("surnames.tsv", 3)) {
            b.add(new NamePart(f[0], f[1]), Long.parseLong(f[2]));
        }
        return b.build();
    }

    private static List<Weighted<NamePart>> loadGiven(String file) {
        List<List<NamePart>> byEra = new ArrayList<>();
        for (int e = 0; e < ERAS; e++) {
            byEra.add(new ArrayList<>());
        }
        for (String[] f : rows(file, 3)) {
            NamePart p = new NamePart(f[0], f[1]);
            for (int i = 0; i < f[2].length(); i++) {
                int era = f[2].charAt(i) - '1';
                if (era < 0 || era >= ERAS) {
                    throw new IllegalStateException(file + ": bad era " + f[2]);
                }
                byEra.get(era).add(p);
            }
        }
        List<Weighted<NamePart>> out = new ArrayList<>();
        for (List<NamePart> l : byEra) {
            out.add(Weighted.uniform(l));
        }
        return List.copyOf(out);
    }

    private static Map<String, Map<String, List<NamePart>>> loadForeign() {
        Map<String, Map<String, List<NamePart>>> out = new LinkedHashMap<>();
        for (String[] f : rows("foreign-names.tsv", 4)) {
            out.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(f[1], k -> new ArrayList<>())
                    .add(new NamePart(f[2], f[3]));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Weighted<Nationality> loadNationalities() {
        Weighted.Builder<Nationality> b = Weighted.builder();
        for (String[] f : rows("nationalities.tsv", 3)) {
            b.add(new Nationality(f[0], f[1]), Long.parseLong(f[2]));
        }
        return b.build();
    }

    private static Weighted<Town> loadTowns() {
        Weighted.Builder<Town> b = Weighted.builder();
        for (String[] f : rows("towns.tsv", 4)) {
            Town.Form form = Town.Form.valueOf(f[1]);
            int chome = form == Town.Form.CHOME ? Integer.parseInt(f[2]) : 0;
            List<String> areas = form == Town.Form.AZA ? List.of(f[2].split(",")) : List.of();
            b.add(new Town(f[0], form, chome, areas), Long.parseLong(f[3]));
        }
        return b.build();
    }

    private static Weighted<String> loadPlaces() {
        Weighted.Builder<String> b = Weighted.builder();
        for (String[] f : rows("places.tsv", 2)) {
            b.add(f[0], Long.parseLong(f[1]));
        }
        return b.build();
    }

    private static Map<Integer, List<Variant>> loadVariants() {
        Map<Integer, List<Variant>> out = new LinkedHashMap<>();
        for (String[] f : rows("mj-variants.tsv", 4)) {
            if ("-".equals(f[0])) {
                continue; // listed for reference: MJ-only characters used by the given-name templates
            }
            Variant.Kind kind = Variant.Kind.valueOf(f[1]);
            MjId mj = MjId.parse(f[3]);
            String tagged = switch (kind) {
                case UCS, IVS -> codePoints(f[2]);
                case MJONLY -> "{" + mj + "}";
            };
            out.computeIfAbsent(f[0].codePointAt(0), k -> new ArrayList<>()).add(new Variant(kind, tagged, mj));
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code U+845B U+E0102} to the string of those code points. */
    static String codePoints(String notation) {
        StringBuilder sb = new StringBuilder();
        for (String cp : notation.split(" ")) {
            if (!cp.startsWith("U+")) {
                throw new IllegalStateException("bad code point " + cp);
            }
            sb.appendCodePoint(Integer.parseInt(cp.substring(2), 16));
        }
        return sb.toString();
    }

    /** The data rows of a resource, each split on tabs and checked to have at least {@code minFields}. */
    static List<String[]> rows(String resource, int minFields) {
        InputStream in = TownTables.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < minFields) {
                    throw new IllegalStateException(resource + " line " + no + ": expected " + minFields
                            + " fields, found " + f.length);
                }
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return out;
    }

    /** A name or part of one with its katakana reading. */
    record NamePart(String text, String reading) {
    }

    /** A nationality or region (国籍・地域) with the code the name tables use. */
    record Nationality(String code, String name) {
    }

    /** A town (町) of Kurume and the form of its addresses. */
    record Town(String name, Form form, int chome, List<String> areas) {
        enum Form { BANCHI, CHOME, AZA }
    }

    /** A variant character (異体字) replacing a common one; {@code tagged} is its PrintedText tagged form. */
    record Variant(Kind kind, String tagged, MjId mj) {
        enum Kind { UCS, IVS, MJONLY }
    }

    /** A vendor 外字 code written in place of {@code base}, meant as the MJ character {@code intended}. */
    record VendorChar(String code, int base, MjId intended) {
        String tagged() {
            return "{VND:" + code + "}";
        }
    }
}
