package jp.kofu.cli.gaiji;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import jp.kofu.core.gaiji.domain.CodePoints;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.VendorCode;
import jp.kofu.core.gaiji.domain.VendorCodeInfo;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;

/**
 * The vendor's own 外字 code table (ベンダー外字表) as a CSV file ({@code docs/formats/correspondence-table.md}):
 * {@code vendor_code,juki_code,koseki_no,ucs,substitute,note}, UTF-8 (a byte-order mark is allowed), one
 * header line. Only {@code vendor_code} is required in a row; the other columns hold what the vendor knows.
 */
public final class VendorCodeTableCsv {

    public static final List<String> COLUMNS = List.of("vendor_code", "juki_code", "koseki_no", "ucs", "substitute", "note");

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(new String[0]))
            .setRecordSeparator("\n").get();

    private VendorCodeTableCsv() {
    }

    /** Writes the table, rows in the order given. */
    public static void write(Path file, Collection<VendorCodeInfo> codes) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, WRITE)) {
            for (VendorCodeInfo v : codes) {
                csv.printRecord(v.vendorCode(), v.jukiCode().orElse(""), v.kosekiNumber().orElse(""),
                        v.character().map(CodePoints::notation).orElse(""),
                        v.substitute().isPresent() ? Character.toString(v.substitute().getAsInt()) : "", v.note());
            }
        }
    }

    /**
     * Reads a table.
     *
     * @return the codes by vendor code, in file order
     * @throws BatchRejectedException with every problem (file, line, column, reason)
     */
    public static Map<String, VendorCodeInfo> read(Path file) throws IOException, BatchRejectedException {
        String name = file.getFileName().toString();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, VendorCodeInfo> out = new LinkedHashMap<>();
        try (Reader in = new StringReader(Csv.withoutBom(Files.readString(file, StandardCharsets.UTF_8)));
             CSVParser csv = Csv.parser(in)) {
            if (!csv.getHeaderNames().contains("vendor_code")) {
                throw new BatchRejectedException(InputProblem.ofFile(name, "no vendor_code column in the header"));
            }
            for (CSVRecord r : csv) {
                long line = r.getRecordNumber() + 1;
                String code = Csv.get(r, "vendor_code");
                String column = "vendor_code";
                try {
                    code = VendorCode.normalize(code);
                    column = "juki_code";
                    Optional<String> juki = Csv.optional(r, "juki_code");
                    juki.ifPresent(MjRepertoire.shared()::byJukiCode); // validates the form
                    column = "koseki_no";
                    Optional<String> koseki = Csv.optional(r, "koseki_no");
                    koseki.ifPresent(MjRepertoire.shared()::byKosekiNumber);
                    column = "ucs";
                    Optional<PrintedChar> character = Csv.optional(r, "ucs").map(CodePoints::printedChar);
                    column = "substitute";
                    OptionalInt substitute = substitute(Csv.get(r, "substitute"));
                    VendorCodeInfo info = new VendorCodeInfo(code,
                            juki.map(j -> "J+" + j.substring(2).toUpperCase(Locale.ROOT)), koseki, character, substitute,
                            Csv.get(r, "note"));
                    if (out.putIfAbsent(code, info) != null) {
                        problems.add(new InputProblem(name, line, "vendor_code", code + " appears twice"));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new InputProblem(name, line, column, e.getMessage()));
                }
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            problems.add(InputProblem.ofFile(name, "not a readable CSV file: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        return out;
    }

    /** The substitute: the character itself, or its {@code U+XXXX} notation. */
    private static OptionalInt substitute(String text) {
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        if (text.startsWith("U+")) {
            return OptionalInt.of(CodePoints.parseOne(text));
        }
        if (text.codePointCount(0, text.length()) != 1) {
            throw new IllegalArgumentException("a substitute is one character");
        }
        return OptionalInt.of(text.codePointAt(0));
    }
}
