package jp.kofu.adapters.jlis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kofu.core.certificate.domain.CertificateKind;

/**
 * The certificate forms of every tenant (団体別様式): the bundled default set ({@code forms/default}), the
 * bundled tenant sets (Kurume, {@code forms/402036}) and, optionally, a directory a city supplies by
 * configuration ({@code <dir>/<tenant code>/<kind>.json}, {@code <dir>/default/<kind>.json}) whose files
 * replace the bundled ones. A tenant without its own file of a kind uses the default one.
 *
 * <p>Every file is read and validated when this is made (at startup, or when {@code kofu render} starts):
 * an unknown box, overlapping fixed areas, a minimum size above the designed size or a missing file fail
 * with a {@link FormTemplateException} naming the file and the JSON path, never at issuance time.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class FormTemplates {

    /** The system property naming a city's form directory. */
    public static final String DIRECTORY_PROPERTY = "kofu.forms.dir";
    /** The environment variable naming a city's form directory (the property wins). */
    public static final String DIRECTORY_ENV = "KOFU_FORMS_DIR";
    /** The form set used when a tenant has none of its own. */
    public static final String DEFAULT_SET = "default";

    private static final String RESOURCE_ROOT = "forms/";
    /** The tenant sets bundled as resources (a jar cannot be listed). */
    private static final List<String> BUNDLED_SETS = List.of("402036");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, Map<CertificateKind, FormTemplate>> sets;

    private FormTemplates(Map<String, Map<CertificateKind, FormTemplate>> sets) {
        this.sets = sets;
    }

    /** The bundled sets only. */
    public static FormTemplates bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final FormTemplates INSTANCE = loadBundled();
    }

    private static FormTemplates loadBundled() {
        Map<String, Map<CertificateKind, FormTemplate>> sets = new TreeMap<>();
        for (String set : concat(DEFAULT_SET, BUNDLED_SETS)) {
            Map<CertificateKind, FormTemplate> kinds = new EnumMap<>(CertificateKind.class);
            for (CertificateKind kind : CertificateKind.values()) {
                String resource = RESOURCE_ROOT + set + "/" + kind.cliName() + ".json";
                byte[] bytes = resource(resource);
                if (bytes == null) {
                    if (set.equals(DEFAULT_SET)) {
                        throw new FormTemplateException(resource, "$", "missing file (every kind needs a default form)");
                    }
                    continue;
                }
                String dir = RESOURCE_ROOT + set + "/";
                kinds.put(kind, parse(resource, kind, bytes, name -> resource(dir + name)));
            }
            sets.put(set, kinds);
        }
        return new FormTemplates(sets);
    }

    /**
     * The bundled sets with a city's directory over them.
     *
     * @param directory holds {@code <set>/<kind>.json}, where set is a tenant code or {@code default}
     * @throws FormTemplateException when the directory is missing or a file in it is invalid
     */
    public static FormTemplates withDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new FormTemplateException(directory.toString(), "$", "missing form directory");
        }
        Map<String, Map<CertificateKind, FormTemplate>> sets = new TreeMap<>();
        bundled().sets.forEach((set, kinds) -> sets.put(set, new EnumMap<>(kinds)));
        try (var children = Files.list(directory)) {
            for (Path setDir : children.sorted().toList()) {
                if (!Files.isDirectory(setDir)) {
                    continue;
                }
                String set = setDir.getFileName().toString();
                if (!set.equals(DEFAULT_SET) && !set.matches("\\d{6}")) {
                    throw new FormTemplateException(setDir.toString(), "$",
                            "a form set directory is named default or a 6-digit tenant code");
                }
                Map<CertificateKind, FormTemplate> kinds = sets.computeIfAbsent(set,
                        s -> new EnumMap<>(CertificateKind.class));
                for (CertificateKind kind : CertificateKind.values()) {
                    Path file = setDir.resolve(kind.cliName() + ".json");
                    if (Files.exists(file)) {
                        kinds.put(kind, parse(file.toString(), kind, Files.readAllBytes(file), name -> {
                            try {
                                return Files.readAllBytes(setDir.resolve(name));
                            } catch (NoSuchFileException e) {
                                return null;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }));
                    }
                }
                try (var files = Files.list(setDir)) {
                    for (Path f : files.sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".json") && kinds(name.substring(0, name.length() - 5)).isEmpty()) {
                            throw new FormTemplateException(f.toString(), "$",
                                    "unknown form file (expected juminhyo.json, inkan.json or shotoku.json)");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new FormTemplateException(directory.toString(), "$", "cannot be read: " + e.getMessage());
        }
        return new FormTemplates(sets);
    }

    /**
     * The forms as configured: {@value #DIRECTORY_PROPERTY} or {@value #DIRECTORY_ENV} names a city's
     * directory; without either, the bundled sets.
     */
    public static FormTemplates configured() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(DIRECTORY_ENV);
        }
        return dir == null || dir.isBlank() ? bundled() : withDirectory(Path.of(dir));
    }

    /** The form of that kind for the tenant (its own, else the default). */
    FormTemplate template(String tenantCode, CertificateKind kind) {
        Map<CertificateKind, FormTemplate> own = tenantCode == null ? null : sets.get(tenantCode);
        if (own != null && own.containsKey(kind)) {
            return own.get(kind);
        }
        return sets.get(DEFAULT_SET).get(kind);
    }

    /** Where the tenant's form of that kind comes from (a resource or a file), for messages and listings. */
    public String source(String tenantCode, CertificateKind kind) {
        return template(tenantCode, kind).source();
    }

    /** The form sets known (default and tenant codes). */
    public Set<String> sets() {
        return sets.keySet();
    }

    private static Optional<CertificateKind> kinds(String name) {
        for (CertificateKind k : CertificateKind.values()) {
            if (k.cliName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static byte[] resource(String name) {
        try (InputStream in = FormTemplates.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a sibling file (e.g. the 公印 image) by name; null when missing. */
    interface Siblings {
        byte[] read(String name);
    }

    // ---------------------------------------------------------------- parsing and validation

    /** The boxes each kind knows, in the order docs/forms.md lists them. */
    static List<String> knownBoxes(CertificateKind kind) {
        return switch (kind) {
            case JUMINHYO -> List.of("address", "addressSupplement", "householdHead", "name", "birthDate", "sex",
                    "formerSurname", "relationship", "alias", "becameResidentOn", "addressSetOn", "notifiedOn",
                    "addressBeforeMoveIn", "entryReason", "domicile", "domicileHead", "individualNumber",
                    "nationality", "article30_45Category", "becameForeignResidentOn", "residenceStatus",
                    "periodOfStay", "stayExpiresOn", "residenceCardNumber");
            case INKAN -> List.of("name", "formerSurname", "birthDate", "sex", "address", "addressSupplement",
                    "registrationNumber");
            case SHOTOKU -> List.of("address", "name", "birthDate");
        };
    }

    /** The sections of each kind and the boxes that must appear in them. */
    /** The tables of the shotoku form and the columns each must have (docs/forms.md). */
    static final Map<String, List<String>> TABLE_COLUMNS;
    /** The texts each table of the shotoku form prints besides its column labels. */
    static final Map<String, List<String>> TABLE_TEXTS;

    static {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("incomes", List.of("kind", "revenue", "amount"));
        columns.put("deductions", List.of("kind", "amount"));
        columns.put("tax", List.of("taxableIncome", "incomeLevy", "perCapitaLevy", "totalTax"));
        columns.put("dependants", List.of("mark", "name", "relationship"));
        TABLE_COLUMNS = Collections.unmodifiableMap(columns);
        Map<String, List<String>> texts = new LinkedHashMap<>();
        texts.put("incomes", List.of("totalLabel", "noneText"));
        texts.put("deductions", List.of("totalLabel", "noneText"));
        texts.put("tax", List.of());
        texts.put("dependants", List.of("title", "continuedTitle", "noneText", "notFiledMark", "footnote"));
        TABLE_TEXTS = Collections.unmodifiableMap(texts);
    }

    static Map<String, List<String>> requiredBoxes(CertificateKind kind) {
        Map<String, List<String>> required = new LinkedHashMap<>();
        switch (kind) {
            case JUMINHYO -> {
                required.put("household", List.of("address"));
                required.put("member", List.of("name", "birthDate", "sex"));
            }
            case INKAN -> required.put("person", List.of("name", "birthDate", "address"));
            case SHOTOKU -> required.put("person", List.of("address", "name", "birthDate"));
        }
        return required;
    }

    static FormTemplate parse(String file, CertificateKind kind, byte[] bytes, Siblings siblings) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new FormTemplateException(file, "$", "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return new Parser(file, kind, siblings).template(root);
    }

    /** Walks one file's tree, keeping the JSON path for messages. */
    private static final class Parser {
        private final String file;
        private final CertificateKind kind;
        private final Siblings siblings;

        Parser(String file, CertificateKind kind, Siblings siblings) {
            this.file = file;
            this.kind = kind;
            this.siblings = siblings;
        }

        private FormTemplateException error(String path, String reason) {
            return new FormTemplateException(file, path, reason);
        }

        FormTemplate template(JsonNode root) {
            object(root, "$", Set.of("kind", "page", "head", "membersPerSheet", "boxes", "sections", "attestation",
                    "issueDate", "issuer", "officialSeal", "sealImpression", "continuation", "footerY", "tables",
                    "comment"));
            String declared = text(root, "$", "kind", null);
            if (!declared.equals(kind.cliName())) {
                throw error("$.kind", "is " + declared + " but the file is the " + kind.cliName() + " form");
            }
            FormTemplate.Page page = page(required(root, "$", "page"), "$.page");
            FormTemplate.Head head = head(required(root, "$", "head"), "$.head", page);
            int members = (int) number(root, "$", "membersPerSheet", kind == CertificateKind.JUMINHYO ? 4 : 1);
            if (members < 1 || members > 10) {
                throw error("$.membersPerSheet", "must be 1 to 10, is " + members);
            }
            Map<String, FormTemplate.Box> boxes = boxes(required(root, "$", "boxes"), "$.boxes");
            Map<String, List<List<String>>> sections = sections(required(root, "$", "sections"), "$.sections",
                    boxes, page);

            JsonNode att = required(root, "$", "attestation");
            object(att, "$.attestation", Set.of("x", "y", "width", "height", "fontSize", "rule", "text",
                    "wholeHouseholdText"));
            FormTemplate.Area attArea = area(att, "$.attestation", "認証文", page);
            FormTemplate.Attestation attestation = new FormTemplate.Attestation(attArea,
                    att.path("rule").asBoolean(true), text(att, "$.attestation", "text", ""),
                    text(att, "$.attestation", "wholeHouseholdText", ""));
            JsonNode dateNode = required(root, "$", "issueDate");
            object(dateNode, "$.issueDate", Set.of("x", "y", "fontSize"));
            FormTemplate.Anchor issueDate = new FormTemplate.Anchor(positive(dateNode, "$.issueDate", "x"),
                    positive(dateNode, "$.issueDate", "y"), positive(dateNode, "$.issueDate", "fontSize"));
            JsonNode issuerNode = required(root, "$", "issuer");
            object(issuerNode, "$.issuer", Set.of("x", "y", "width", "height", "fontSize"));
            FormTemplate.Area issuer = area(issuerNode, "$.issuer", "発行者", page);
            FormTemplate.Seal seal = seal(required(root, "$", "officialSeal"), "$.officialSeal", page);

            Optional<FormTemplate.Area> impression = Optional.empty();
            if (kind == CertificateKind.INKAN) {
                JsonNode n = required(root, "$", "sealImpression");
                object(n, "$.sealImpression", Set.of("x", "y", "width", "height", "fontSize", "label"));
                impression = Optional.of(area(n, "$.sealImpression", text(n, "$.sealImpression", "label", "印影"),
                        page));
            } else if (root.has("sealImpression")) {
                throw error("$.sealImpression", "only the inkan form has a 印影 frame");
            }
            Optional<FormTemplate.Area> continuation = Optional.empty();
            if (root.has("continuation")) {
                JsonNode n = root.get("continuation");
                object(n, "$.continuation", Set.of("x", "y", "width", "height", "fontSize", "label"));
                continuation = Optional.of(area(n, "$.continuation", text(n, "$.continuation", "label", "備考"), page));
            }
            double footerY = number(root, "$", "footerY", page.height() - page.bottom() - 8);
            Optional<FormTemplate.ShotokuTables> tables = Optional.empty();
            if (kind == CertificateKind.SHOTOKU) {
                tables = Optional.of(tables(required(root, "$", "tables"), "$.tables", page));
            } else if (root.has("tables")) {
                throw error("$.tables", "only the shotoku form has tables");
            }

            // fixed areas that must not overlap (the 公印 is pressed over the issuer's name on purpose)
            Map<String, FormTemplate.Area> fixed = new LinkedHashMap<>();
            fixed.put("$.attestation", attArea);
            fixed.put("$.officialSeal", seal.area());
            impression.ifPresent(a -> fixed.put("$.sealImpression", a));
            continuation.ifPresent(a -> fixed.put("$.continuation", a));
            List<String> keys = new ArrayList<>(fixed.keySet());
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    if (fixed.get(keys.get(i)).overlaps(fixed.get(keys.get(j)))) {
                        throw error(keys.get(j), "overlaps " + keys.get(i));
                    }
                }
            }
            if (attArea.y() < head.bodyY() + 40) {
                throw error("$.attestation.y", "leaves no room for the body below $.head.bodyY");
            }
            continuation.ifPresent(c -> {
                if (c.bottom() > attArea.y()) {
                    throw error("$.continuation", "must end above the attestation ($.attestation.y)");
                }
            });
            return new FormTemplate(file, kind, page, head, members, boxes, sections, attestation, issueDate, issuer,
                    seal, impression, continuation, footerY, tables);
        }

        private FormTemplate.ShotokuTables tables(JsonNode n, String path, FormTemplate.Page page) {
            Set<String> allowed = new HashSet<>(TABLE_COLUMNS.keySet());
            allowed.add("gap");
            object(n, path, allowed);
            double gap = number(n, path, "gap", Double.NaN);
            if (Double.isNaN(gap)) {
                throw error(path + ".gap", "missing");
            }
            if (gap < 0) {
                throw error(path + ".gap", "must not be negative");
            }
            Map<String, FormTemplate.Table> tables = new LinkedHashMap<>();
            for (String name : TABLE_COLUMNS.keySet()) {
                tables.put(name, table(required(n, path, name), path + "." + name, name, page));
            }
            FormTemplate.Table incomes = tables.get("incomes");
            FormTemplate.Table deductions = tables.get("deductions");
            if (incomes.x() < deductions.right() - 0.01 && deductions.x() < incomes.right() - 0.01) {
                throw error(path + ".deductions", "overlaps " + path + ".incomes (the two tables sit side by side)");
            }
            return new FormTemplate.ShotokuTables(gap, incomes, deductions, tables.get("tax"), tables.get("dependants"));
        }

        private FormTemplate.Table table(JsonNode n, String path, String name, FormTemplate.Page page) {
            Set<String> allowed = new HashSet<>(Set.of("x", "width", "headerHeight", "rowHeight", "fontSize",
                    "minFontSize", "columns"));
            allowed.addAll(TABLE_TEXTS.get(name));
            boolean footnote = name.equals("dependants");
            if (footnote) {
                allowed.addAll(Set.of("footnoteSize", "footnoteHeight"));
            }
            object(n, path, allowed);
            double x = positive(n, path, "x");
            double width = number(n, path, "width", 0);
            if (width < 0) {
                throw error(path + ".width", "must not be negative (0 = to the right margin)");
            }
            double right = page.width() - page.right();
            if (width == 0) {
                width = right - x;
            }
            if (x < page.left() - 0.01 || x + width > right + 0.01 || width <= 0) {
                throw error(path, "lies outside the page's margins");
            }
            double headerHeight = positive(n, path, "headerHeight");
            if (Sheet.LABEL_MIN_SIZE * Sheet.LEADING > headerHeight) {
                throw error(path + ".headerHeight", "(" + headerHeight + ") cannot hold one line of a label");
            }
            double rowHeight = positive(n, path, "rowHeight");
            double fontSize = positive(n, path, "fontSize");
            double min = number(n, path, "minFontSize", 6);
            if (min <= 0) {
                throw error(path + ".minFontSize", "must be above 0");
            }
            if (min > fontSize) {
                throw error(path + ".minFontSize", "(" + min + ") is larger than fontSize (" + fontSize + ")");
            }
            if (min * Sheet.LEADING > rowHeight) {
                throw error(path + ".rowHeight", "(" + rowHeight + ") cannot hold one line at minFontSize");
            }
            List<FormTemplate.Column> columns = columns(n.get("columns"), path + ".columns", name, x, width);
            Map<String, String> texts = new LinkedHashMap<>();
            for (String key : TABLE_TEXTS.get(name)) {
                texts.put(key, text(n, path, key, null));
            }
            double footnoteSize = 0;
            double footnoteHeight = 0;
            if (footnote) {
                footnoteSize = positive(n, path, "footnoteSize");
                footnoteHeight = positive(n, path, "footnoteHeight");
                if (footnoteSize * Sheet.LEADING > footnoteHeight) {
                    throw error(path + ".footnoteHeight", "(" + footnoteHeight + ") cannot hold one line at footnoteSize");
                }
            }
            return new FormTemplate.Table(x, width, headerHeight, rowHeight, fontSize, min, columns, Map.copyOf(texts),
                    footnoteSize, footnoteHeight);
        }

        private List<FormTemplate.Column> columns(JsonNode n, String path, String table, double x, double width) {
            if (n == null || !n.isArray() || n.isEmpty()) {
                throw error(path, "missing (an array of columns, left to right)");
            }
            List<String> known = TABLE_COLUMNS.get(table);
            List<String> ids = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Double> widths = new ArrayList<>();
            List<FormTemplate.Align> aligns = new ArrayList<>();
            int rest = -1;
            double fixed = 0;
            for (int i = 0; i < n.size(); i++) {
                String cp = path + "[" + i + "]";
                JsonNode c = n.get(i);
                object(c, cp, Set.of("id", "label", "width", "align"));
                String id = text(c, cp, "id", null);
                if (!known.contains(id)) {
                    throw error(cp + ".id", "unknown column " + id + " (the " + table + " table knows "
                            + String.join(", ", known) + ")");
                }
                if (ids.contains(id)) {
                    throw error(cp + ".id", "column " + id + " is used twice");
                }
                double w = number(c, cp, "width", 0);
                if (w < 0) {
                    throw error(cp + ".width", "must not be negative (0 = the rest of the table's width)");
                }
                if (w == 0) {
                    if (rest >= 0) {
                        throw error(cp + ".width", "a second column of width 0 (only one takes the rest of the table)");
                    }
                    rest = i;
                }
                fixed += w;
                ids.add(id);
                labels.add(text(c, cp, "label", ""));
                widths.add(w);
                aligns.add(enumValue(c, cp, "align", FormTemplate.Align.class, FormTemplate.Align.LEFT));
            }
            for (String must : known) {
                if (!ids.contains(must)) {
                    throw error(path, "the column " + must + " is missing");
                }
            }
            if (rest < 0) {
                throw error(path, "no column has width 0 to take the rest of the table's width");
            }
            if (fixed >= width - 0.01) {
                throw error(path, "the fixed widths (" + Math.round(fixed) + " pt) leave nothing for column "
                        + ids.get(rest) + " in the table's " + Math.round(width) + " pt");
            }
            if (known.contains("amount") && !ids.get(ids.size() - 1).equals("amount")) {
                throw error(path + "[" + ids.indexOf("amount") + "].id",
                        "the amount column must be the last (the total prints under it)");
            }
            widths.set(rest, width - fixed);
            List<FormTemplate.Column> columns = new ArrayList<>();
            double cx = x;
            for (int i = 0; i < ids.size(); i++) {
                columns.add(new FormTemplate.Column(ids.get(i), labels.get(i), cx, widths.get(i), aligns.get(i)));
                cx += widths.get(i);
            }
            return List.copyOf(columns);
        }

        private FormTemplate.Page page(JsonNode n, String path) {
            object(n, path, Set.of("size", "width", "height", "margins"));
            double width;
            double height;
            if (n.has("size")) {
                String size = text(n, path, "size", null);
                if (!size.equals("A4")) {
                    throw error(path + ".size", "unknown page size " + size + " (A4, or give width and height)");
                }
                width = 595.276;
                height = 841.89;
            } else {
                width = positive(n, path, "width");
                height = positive(n, path, "height");
            }
            JsonNode m = required(n, path, "margins");
            String mp = path + ".margins";
            object(m, mp, Set.of("top", "right", "bottom", "left"));
            FormTemplate.Page page = new FormTemplate.Page(width, height, nonNegative(m, mp, "top"),
                    nonNegative(m, mp, "right"), nonNegative(m, mp, "bottom"), nonNegative(m, mp, "left"));
            if (page.contentWidth() < 100 || page.top() + page.bottom() > height - 100) {
                throw error(mp, "leave less than 100 pt for the content");
            }
            return page;
        }

        private FormTemplate.Head head(JsonNode n, String path, FormTemplate.Page page) {
            object(n, path, Set.of("numberLabel", "lineY", "lineSize", "titleY", "titleSize", "bodyY"));
            FormTemplate.Head head = new FormTemplate.Head(text(n, path, "numberLabel", "証明書番号"),
                    positive(n, path, "lineY"), number(n, path, "lineSize", 8), positive(n, path, "titleY"),
                    positive(n, path, "titleSize"), positive(n, path, "bodyY"));
            if (head.bodyY() >= page.height() - page.bottom()) {
                throw error(path + ".bodyY", "is below the bottom margin");
            }
            return head;
        }

        private Map<String, FormTemplate.Box> boxes(JsonNode n, String path) {
            object(n, path, null);
            List<String> known = knownBoxes(kind);
            Map<String, FormTemplate.Box> boxes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path + "." + e.getKey();
                if (!known.contains(e.getKey())) {
                    throw error(p, "unknown box (the " + kind.cliName() + " form knows " + String.join(", ", known)
                            + ")");
                }
                JsonNode b = e.getValue();
                object(b, p, Set.of("label", "labelWidth", "width", "height", "fontSize", "minFontSize", "align",
                        "wrap", "ruby"));
                double fontSize = positive(b, p, "fontSize");
                double min = number(b, p, "minFontSize", 6);
                if (min <= 0) {
                    throw error(p + ".minFontSize", "must be above 0");
                }
                if (min > fontSize) {
                    throw error(p + ".minFontSize", "(" + min + ") is larger than fontSize (" + fontSize + ")");
                }
                double height = positive(b, p, "height");
                if (min * 1.15 > height) {
                    throw error(p + ".height", "(" + height + ") cannot hold one line at minFontSize");
                }
                String label = text(b, p, "label", "");
                double labelWidth = number(b, p, "labelWidth", label.isEmpty() ? 0 : 44);
                if (labelWidth < 0) {
                    throw error(p + ".labelWidth", "must not be negative");
                }
                double width = number(b, p, "width", 0);
                if (width < 0) {
                    throw error(p + ".width", "must not be negative (0 = the rest of the row)");
                }
                FormTemplate.Align align = enumValue(b, p, "align", FormTemplate.Align.class, FormTemplate.Align.LEFT);
                FormTemplate.Wrap wrap = enumValue(b, p, "wrap", FormTemplate.Wrap.class,
                        e.getKey().toLowerCase(java.util.Locale.ROOT).contains("address") || e.getKey().equals("domicile")
                                ? FormTemplate.Wrap.ADDRESS
                                : FormTemplate.Wrap.NAME);
                boxes.put(e.getKey(), new FormTemplate.Box(label, labelWidth, width, height, fontSize, min, align, wrap,
                        b.path("ruby").asBoolean(false)));
            }
            return boxes;
        }

        private Map<String, List<List<String>>> sections(JsonNode n, String path, Map<String, FormTemplate.Box> boxes,
                                                         FormTemplate.Page page) {
            Map<String, List<String>> required = requiredBoxes(kind);
            object(n, path, required.keySet());
            Map<String, List<List<String>>> sections = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> section : required.entrySet()) {
                String sp = path + "." + section.getKey();
                JsonNode rowsNode = n.get(section.getKey());
                if (rowsNode == null || !rowsNode.isArray()) {
                    throw error(sp, "missing (an array of rows, each an array of box ids)");
                }
                List<List<String>> rows = new ArrayList<>();
                List<String> seen = new ArrayList<>();
                for (int r = 0; r < rowsNode.size(); r++) {
                    JsonNode rowNode = rowsNode.get(r);
                    String rp = sp + "[" + r + "]";
                    if (!rowNode.isArray() || rowNode.isEmpty()) {
                        throw error(rp, "a row is a non-empty array of box ids");
                    }
                    List<String> row = new ArrayList<>();
                    double fixedWidth = 0;
                    for (int b = 0; b < rowNode.size(); b++) {
                        String bp = rp + "[" + b + "]";
                        String id = rowNode.get(b).asText();
                        if (!knownBoxes(kind).contains(id)) {
                            throw error(bp, "unknown box " + id);
                        }
                        FormTemplate.Box box = boxes.get(id);
                        if (box == null) {
                            throw error(bp, "box " + id + " is not declared in $.boxes");
                        }
                        if (seen.contains(id)) {
                            throw error(bp, "box " + id + " is used twice");
                        }
                        seen.add(id);
                        row.add(id);
                        fixedWidth += box.labelWidth() + box.width();
                    }
                    if (fixedWidth > page.contentWidth() + 0.01) {
                        throw error(rp, "is " + Math.round(fixedWidth) + " pt wide, wider than the page's content ("
                                + Math.round(page.contentWidth()) + " pt)");
                    }
                    rows.add(List.copyOf(row));
                }
                for (String must : section.getValue()) {
                    if (!seen.contains(must)) {
                        throw error(sp, "the required box " + must + " is in no row");
                    }
                }
                sections.put(section.getKey(), List.copyOf(rows));
            }
            return sections;
        }

        private FormTemplate.Seal seal(JsonNode n, String path, FormTemplate.Page page) {
            object(n, path, Set.of("x", "y", "size", "image"));
            FormTemplate.Seal bare = new FormTemplate.Seal(positive(n, path, "x"), positive(n, path, "y"),
                    positive(n, path, "size"), Optional.empty(), "");
            inside(bare.area(), path, page);
            String image = text(n, path, "image", "");
            if (image.isEmpty()) {
                return bare;
            }
            if (image.contains("/") || image.contains("\\") || !image.endsWith(".png")) {
                throw error(path + ".image", "must name a .png file beside the form file");
            }
            byte[] png = siblings.read(image);
            if (png == null) {
                throw error(path + ".image", "missing file " + image);
            }
            if (png.length < 8 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
                throw error(path + ".image", image + " is not a PNG image");
            }
            return new FormTemplate.Seal(bare.x(), bare.y(), bare.size(), Optional.of(png), image);
        }

        private FormTemplate.Area area(JsonNode n, String path, String label, FormTemplate.Page page) {
            FormTemplate.Area area = new FormTemplate.Area(positive(n, path, "x"), positive(n, path, "y"),
                    positive(n, path, "width"), positive(n, path, "height"), number(n, path, "fontSize", 10.5), label);
            if (area.fontSize() <= 0) {
                throw error(path + ".fontSize", "must be above 0");
            }
            inside(area, path, page);
            return area;
        }

        private void inside(FormTemplate.Area a, String path, FormTemplate.Page page) {
            if (a.x() < page.left() - 0.01 || a.right() > page.width() - page.right() + 0.01
                    || a.y() < page.top() - 0.01 || a.bottom() > page.height() - page.bottom() + 0.01) {
                throw error(path, "lies outside the page's margins");
            }
        }

        private void object(JsonNode n, String path, Set<String> allowed) {
            if (n == null || !n.isObject()) {
                throw error(path, "must be a JSON object");
            }
            if (allowed != null) {
                for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!allowed.contains(name)) {
                        throw error(path + "." + name, "unknown field");
                    }
                }
            }
        }

        private JsonNode required(JsonNode n, String path, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                throw error(path + "." + field, "missing");
            }
            return v;
        }

        private String text(JsonNode n, String path, String field, String fallback) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (fallback == null) {
                    throw error(path + "." + field, "missing");
                }
                return fallback;
            }
            if (!v.isTextual()) {
                throw error(path + "." + field, "must be a string");
            }
            return v.asText();
        }

        private double number(JsonNode n, String path, String field, double fallback) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw error(path + "." + field, "must be a number");
            }
            return v.asDouble();
        }

        private double positive(JsonNode n, String path, String field) {
            double v = number(n, path, field, Double.NaN);
            if (Double.isNaN(v)) {
                throw error(path + "." + field, "missing");
            }
            if (v <= 0) {
                throw error(path + "." + field, "must be above 0");
            }
            return v;
        }

        private double nonNegative(JsonNode n, String path, String field) {
            double v = number(n, path, field, 0);
            if (v < 0) {
                throw error(path + "." + field, "must not be negative");
            }
            return v;
        }

        private <E extends Enum<E>> E enumValue(JsonNode n, String path, String field, Class<E> type, E fallback) {
            String v = text(n, path, field, "");
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(path + "." + field, "unknown value " + v);
            }
        }
    }

    /** A form file is missing or invalid; the message names the file and the JSON path. */
    public static final class FormTemplateException extends RuntimeException {
        private final String file;
        private final String path;

        FormTemplateException(String file, String path, String reason) {
            super(file + ": " + path + ": " + reason);
            this.file = file;
            this.path = path;
        }

        /** The file (or resource) at fault. */
        public String file() {
            return file;
        }

        /** The JSON path within it, {@code $} for the whole file. */
        public String path() {
            return path;
        }
    }
}
