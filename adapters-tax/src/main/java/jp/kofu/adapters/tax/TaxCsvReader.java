package jp.kofu.adapters.tax;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.layout.BatchLayout;
import jp.kofu.core.sync.domain.layout.LayoutReader;
import jp.kofu.core.sync.domain.layout.Parsed;
import jp.kofu.core.sync.domain.layout.Problems;
import jp.kofu.core.sync.domain.layout.RowSource;
import jp.kofu.core.sync.port.out.BatchReaderPort;

/**
 * Reads the tax system's batches (税システム連携ファイル) in the kofu CSV layout documented in
 * {@code docs/formats/}: the tax records (個人住民税の課税情報) and their dependants (扶養親族).
 *
 * <p>All or nothing: every file the manifest lists is parsed completely and every problem is collected
 * (file, physical line, column, reason); if there is any, the whole batch is rejected. Text is converted
 * with the tenant's correspondence table (対照表); a private-use character the table does not map becomes an
 * unidentified vendor character (未同定外字), never dropped. A dependant belongs to a tax record of the same
 * batch, in a delta batch too: a tax record row carries the record with all its dependants.
 *
 * <p>Immutable and thread-safe.
 */
public final class TaxCsvReader implements BatchReaderPort {

    private static final BatchLayout BATCH = new BatchLayout(SourceSystem.TAX, TaxLayout.ENTITIES, TaxLayout::fileName);

    private final LayoutReader reader;

    /** A reader for a tenant without a correspondence table yet: every vendor 外字 stays unidentified. */
    @Inject
    public TaxCsvReader() {
        this(CorrespondenceTable.empty());
    }

    /** A reader converting vendor 外字 with the tenant's correspondence table. */
    public TaxCsvReader(CorrespondenceTable table) {
        this.reader = new LayoutReader(Objects.requireNonNull(table, "table"));
    }

    @Override
    public SourceSystem source() {
        return SourceSystem.TAX;
    }

    @Override
    public ParsedBatch read(Path directory, BatchManifest manifest) throws BatchRejectedException {
        BATCH.requireSource(manifest);
        Problems manifestProblems = new Problems();
        Map<String, BatchFile> files = BATCH.filesByEntity(manifest, manifestProblems);
        BatchFile recordsFile = files.get(TaxLayout.TAX_RECORDS);
        BatchFile dependantsFile = files.get(TaxLayout.TAX_DEPENDANTS);
        if (dependantsFile != null && recordsFile == null) {
            manifestProblems.add(InputProblem.ofFile(BatchManifest.FILE_NAME, dependantsFile.name()
                    + " needs the tax records it belongs to: the batch lists no file for entity " + TaxLayout.TAX_RECORDS));
        }

        // the manifest's format picks the tokenizer: commons-csv, or the fixed-length codec and its definitions
        RowSource.Opener recordsOpener = FixedLayouts.CATALOG.opener(manifest.format(), TaxRecordsCsv.LAYOUT, CsvInput::open);
        RowSource.Opener dependantsOpener = FixedLayouts.CATALOG.opener(manifest.format(), TaxDependantsCsv.LAYOUT,
                CsvInput::open);
        Map<String, Callable<Parsed<?>>> tasks = new LinkedHashMap<>();
        Set<Deletions.TaxKey> deleted = ConcurrentHashMap.newKeySet();
        if (recordsFile != null) {
            tasks.put(TaxLayout.TAX_RECORDS, () -> parseRecords(recordsOpener, directory, recordsFile, manifest.kind(), deleted));
        }
        if (dependantsFile != null) {
            tasks.put(TaxLayout.TAX_DEPENDANTS, () -> parseDependants(dependantsOpener, directory, dependantsFile));
        }
        Map<String, Parsed<?>> parsed = BATCH.readInParallel(tasks);
        @SuppressWarnings("unchecked")
        Parsed<TaxRecord> records = (Parsed<TaxRecord>) parsed.get(TaxLayout.TAX_RECORDS);
        @SuppressWarnings("unchecked")
        Parsed<TaxDependantsCsv.Row> dependants = (Parsed<TaxDependantsCsv.Row>) parsed.get(TaxLayout.TAX_DEPENDANTS);

        List<TaxRecord> withDependants = records == null ? List.of() : attach(records, dependants);
        Map<String, Long> recordsPerFile = BATCH.recordsPerFile(manifest, manifestProblems, parsed);
        return new ParsedBatch(new ReplicaContent(List.of(), List.of(), List.of(), List.of(), List.of(),
                withDependants), new Deletions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), deleted), recordsPerFile);
    }

    /**
     * The records; an {@code op} D row of a delta is read for its key only (person and fiscal year) and
     * goes to {@code deleted}. A dependant of a deleted record is reported like one of a missing record.
     */
    private Parsed<TaxRecord> parseRecords(RowSource.Opener opener, Path directory, BatchFile file, BatchKind kind, Set<Deletions.TaxKey> deleted) {
        return reader.read(directory, file.name(), TaxRecordsCsv.LAYOUT, opener, (c, parsed) -> {
            if (c.deletes(TaxRecordsCsv.OP, kind)) {
                PersonKey person = c.personKey(TaxRecordsCsv.PERSON_KEY);
                int year = TaxRecordsCsv.fiscalYear(c, TaxRecordsCsv.FISCAL_YEAR);
                if (person != null && c.rowOk()) {
                    deleted.add(new Deletions.TaxKey(person, year));
                }
                return null;
            }
            TaxRecord record = TaxRecordsCsv.parse(c);
            TaxRecordsCsv.Key key = TaxRecordsCsv.key(c);
            if (key == null) {
                parsed.markUnknownKey();
            } else {
                parsed.checkUnique(c, TaxRecordsCsv.PERSON_KEY, key,
                        "tax record (same person_key and fiscal_year)");
            }
            return record;
        });
    }

    private Parsed<TaxDependantsCsv.Row> parseDependants(RowSource.Opener opener, Path directory, BatchFile file) {
        return reader.read(directory, file.name(), TaxDependantsCsv.LAYOUT, opener, (c, parsed) -> {
            TaxDependantsCsv.Row row = TaxDependantsCsv.parse(c);
            if (row != null) {
                parsed.checkUnique(c, TaxDependantsCsv.SEQ, new SeqKey(row.record(), row.seq()),
                        "dependant (same person_key, fiscal_year and seq)");
            }
            return row;
        });
    }

    private record SeqKey(TaxRecordsCsv.Key record, int seq) {
    }

    /**
     * Attaches each record's dependants in the order of their seq. A dependant whose record is not in the
     * records file is reported, unless that file could not be read completely (then it is unknown).
     */
    private static List<TaxRecord> attach(Parsed<TaxRecord> records, Parsed<TaxDependantsCsv.Row> dependants) {
        if (dependants == null || dependants.records().isEmpty()) {
            return records.records();
        }
        Map<TaxRecordsCsv.Key, List<TaxDependantsCsv.Row>> byRecord = new HashMap<>();
        for (int i = 0; i < dependants.records().size(); i++) {
            TaxDependantsCsv.Row row = dependants.records().get(i);
            if (records.complete() && !records.hasKey(row.record())) {
                dependants.problems().add(dependants.file(), dependants.lineOf(i), "person_key", "tax record of person "
                        + row.record().person() + " for fiscal year " + row.record().fiscalYear() + " is not in "
                        + records.file());
            }
            byRecord.computeIfAbsent(row.record(), k -> new ArrayList<>(2)).add(row);
        }
        List<TaxRecord> result = new ArrayList<>(records.records().size());
        for (TaxRecord t : records.records()) {
            List<TaxDependantsCsv.Row> rows = byRecord.get(new TaxRecordsCsv.Key(t.person().value(), t.fiscalYear()));
            if (rows == null) {
                result.add(t);
                continue;
            }
            rows.sort(Comparator.comparingInt(TaxDependantsCsv.Row::seq));
            List<TaxRecord.Dependant> list = new ArrayList<>(rows.size());
            for (TaxDependantsCsv.Row row : rows) {
                list.add(row.dependant());
            }
            result.add(new TaxRecord(t.person(), t.fiscalYear(), t.residentOnJanuary1(), t.addressOnJanuary1(),
                    t.filed(), t.incomes(), t.deductions(), t.taxableIncome(), t.incomeLevy(), t.perCapitaLevy(),
                    list, t.version()));
        }
        return result;
    }
}
