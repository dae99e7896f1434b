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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import jp.kofu.core.gaiji.domain.CodePoints;
import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.domain.VendorCode;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase.Candidate;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;

/**
 * The correspondence table file (対照表CSV) of {@code docs/formats/correspondence-table.md}: what
 * {@code kofu gaiji propose} writes for review and {@code kofu gaiji apply} imports. One row per vendor
 * code; {@code status} says what to do with it: {@code proposed} (an exact registry key found it),
 * {@code review} (a person must decide; skipped by apply) or {@code confirmed} (decided by a person).
 */
public final class CorrespondenceCsv {

    public static final List<String> COLUMNS = List.of("vendor_code", "status", "mj_id", "character", "glyph", "match",
            "confidence", "reason", "candidates", "occurrences", "persons", "fields", "juki_code", "koseki_no",
            "substitute");

    /** The statuses of a row. */
    public static final String PROPOSED = "proposed";
    public static final String REVIEW = "review";
    public static final String CONFIRMED = "confirmed";

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(new String[0]))
            .setRecordSeparator("\n").get();

    private CorrespondenceCsv() {
    }

    /** Writes a proposal for review. */
    public static void write(Path file, ProposeIdentificationUseCase.Proposal proposal) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, WRITE)) {
            for (ProposeIdentificationUseCase.Row row : proposal.rows()) {
                Optional<Candidate> best = row.best();
                String others = row.candidates().stream().skip(1)
                        .map(c -> c.mj() + " " + String.format(Locale.ROOT, "%.2f", c.confidence()))
                        .collect(Collectors.joining("; "));
                String fields = row.use().fields().stream().map(TextField::wireName).sorted()
                        .collect(Collectors.joining(";"));
                csv.printRecord(
                        row.use().vendorCode(),
                        row.decision() == ProposeIdentificationUseCase.Decision.PROPOSED ? PROPOSED : REVIEW,
                        best.map(c -> c.mj().toString()).orElse(""),
                        best.map(c -> CodePoints.notation(c.character())).orElse(""),
                        best.map(c -> c.character().toUnicode()).orElse(""),
                        CorrespondenceEntry.Match.SAME_SHAPE.wireName(),
                        best.map(c -> String.format(Locale.ROOT, "%.2f", c.confidence())).orElse(""),
                        row.reason(),
                        others,
                        row.use().occurrences(),
                        row.use().persons(),
                        fields,
                        row.vendor().flatMap(v -> v.jukiCode()).orElse(""),
                        row.vendor().flatMap(v -> v.kosekiNumber()).orElse(""),
                        row.vendor().filter(v -> v.substitute().isPresent())
                                .map(v -> Character.toString(v.substitute().getAsInt())).orElse(""));
            }
        }
    }

    /**
     * What an import reads from the file.
     *
     * @param entries the rows to import ({@code proposed} and {@code confirmed}), in file order
     * @param skipped vendor codes of rows still in {@code review}
     */
    public record Import(List<CorrespondenceEntry> entries, List<String> skipped) {
    }

    /**
     * Reads a reviewed table. A row to import needs an {@code mj_id} or a {@code character} (both: they must
     * agree); the MJ id must be in the MJ character list.
     *
     * @throws BatchRejectedException with every problem (file, line, column, reason); nothing is imported
     */
    public static Import read(Path file, MjRepertoire repertoire) throws IOException, BatchRejectedException {
        String name = file.getFileName().toString();
        List<InputProblem> problems = new ArrayList<>();
        List<CorrespondenceEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Reader in = new StringReader(Csv.withoutBom(Files.readString(file, StandardCharsets.UTF_8)));
             CSVParser csv = Csv.parser(in)) {
            for (String required : List.of("vendor_code", "status", "mj_id", "character")) {
                if (!csv.getHeaderNames().contains(required)) {
                    problems.add(InputProblem.ofFile(name, "no " + required + " column in the header"));
                }
            }
            if (!problems.isEmpty()) {
                throw new BatchRejectedException(problems);
            }
            for (CSVRecord r : csv) {
                long line = r.getRecordNumber() + 1;
                String column = "vendor_code";
                try {
                    String code = VendorCode.normalize(Csv.get(r, "vendor_code"));
                    if (!seen.add(code)) {
                        throw new IllegalArgumentException(code + " appears twice");
                    }
                    column = "status";
                    String status = Csv.get(r, "status").toLowerCase(Locale.ROOT);
                    if (status.equals(REVIEW)) {
                        skipped.add(code);
                        continue;
                    }
                    if (!status.equals(PROPOSED) && !status.equals(CONFIRMED)) {
                        throw new IllegalArgumentException("status must be proposed, review or confirmed: " + status);
                    }
                    column = "mj_id";
                    Optional<MjCharacter> mj = Optional.empty();
                    Optional<String> mjText = Csv.optional(r, "mj_id");
                    if (mjText.isPresent()) {
                        MjId id = MjId.parse(mjText.get().toUpperCase(Locale.ROOT));
                        mj = Optional.of(repertoire.byId(id).orElseThrow(() ->
                                new IllegalArgumentException(id + " is not in the MJ character list")));
                    }
                    column = "character";
                    Optional<PrintedChar> character = Csv.optional(r, "character").map(CorrespondenceCsv::character);
                    if (mj.isEmpty() && character.isEmpty()) {
                        throw new IllegalArgumentException("a row to import needs mj_id or character");
                    }
                    if (mj.isPresent() && character.isPresent()
                            && !(character.get() instanceof PrintedChar.MjOnly m && m.id().equals(mj.get().id()))
                            && !repertoire.of(character.get()).map(MjCharacter::id).equals(Optional.of(mj.get().id()))) {
                        throw new IllegalArgumentException(CodePoints.notation(character.get()) + " is not "
                                + mj.get().id() + " (which prints as " + CodePoints.notation(mj.get().printedChar()) + ")");
                    }
                    column = "match";
                    String match = Csv.get(r, "match");
                    CorrespondenceEntry.Match kind = match.isEmpty() ? CorrespondenceEntry.Match.SAME_SHAPE
                            : CorrespondenceEntry.Match.fromWireName(match.toLowerCase(Locale.ROOT));
                    entries.add(mj.isPresent()
                            ? CorrespondenceEntry.ofMj(code, mj.get(), kind)
                            : new CorrespondenceEntry(code, character.get(),
                                    repertoire.of(character.get()).map(MjCharacter::id), kind));
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
        return new Import(entries, skipped);
    }

    /** {@code U+8FBA}, {@code U+8FBA U+E0101}, or one character in the tagged form ({@code {MJ037229}}). */
    private static PrintedChar character(String text) {
        if (text.startsWith("U+")) {
            return CodePoints.printedChar(text);
        }
        List<PrintedChar> chars = PrintedText.parse(text).chars();
        if (chars.size() != 1 || !chars.get(0).printable()) {
            throw new IllegalArgumentException("character must be one character: U+XXXX, U+XXXX U+E01XX or {MJ012345}");
        }
        return chars.get(0);
    }
}
