package jp.kofu.adapters.tax;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;
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

    private static final String MANIFEST = BatchManifest.FILE_NAME;

    private final CorrespondenceTable table;

    /** A reader for a tenant without a correspondence table yet: every vendor 外字 stays unidentified. */
    @Inject
    public TaxCsvReader() {
        this(CorrespondenceTable.empty());
    }

    /** A reader converting vendor 外字 with the tenant's correspondence table. */
    public TaxCsvReader(CorrespondenceTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public SourceSystem source() {
        return SourceSystem.TAX;
    }

    @Override
    public ParsedBatch read(Path directory, BatchManifest manifest) throws BatchRejectedException {
        if (manifest.source() != SourceSystem.TAX) {
            throw new BatchRejectedException(InputProblem.ofFile(MANIFEST,
                    "source is " + manifest.source().wireName() + "; this reader reads tax batches"));
        }
        Problems manifestProblems = new Problems();
        Map<String, BatchFile> files = filesByEntity(manifest, manifestProblems);
        BatchFile recordsFile = files.get(TaxLayout.TAX_RECORDS);
        BatchFile dependantsFile = files.get(TaxLayout.TAX_DEPENDANTS);
        if (dependantsFile != null && recordsFile == null) {
            manifestProblems.add(InputProblem.ofFile(MANIFEST, dependantsFile.name()
                    + " needs the tax records it belongs to: the batch lists no file for entity " + TaxLayout.TAX_RECORDS));
        }

        Parsed<TaxRecord> records;
        Parsed<TaxDependantsCsv.Row> dependants;
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "kofu-tax-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Parsed<TaxDependantsCsv.Row>> dependantsRead = dependantsFile == null ? null
                    : pool.submit(() -> parseDependants(directory, dependantsFile, manifest.kind()));
            records = recordsFile == null ? null : parseRecords(directory, recordsFile, manifest.kind());
            dependants = dependantsRead == null ? null : dependantsRead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }

        List<TaxRecord> withDependants = records == null ? List.of() : attach(records, dependants);

        Problems all = new Problems();
        all.addAll(manifestProblems);
        Map<String, Long> recordsPerFile = new HashMap<>();
        for (BatchFile file : manifest.files()) {
            Parsed<?> p = file == recordsFile ? records : file == dependantsFile ? dependants : null;
            if (p != null) {
                all.addAll(p.problems);
                recordsPerFile.put(file.name(), p.rows);
            }
        }
        all.throwIfAny();
        return new ParsedBatch(new ReplicaContent(List.of(), List.of(), List.of(), List.of(), List.of(),
                withDependants), recordsPerFile);
    }

    private static Map<String, BatchFile> filesByEntity(BatchManifest manifest, Problems problems) {
        Map<String, BatchFile> files = new LinkedHashMap<>();
        for (BatchFile file : manifest.files()) {
            if (!TaxLayout.ENTITIES.contains(file.entity())) {
                problems.add(InputProblem.ofFile(MANIFEST, "file " + file.name() + " has unknown entity "
                        + Cells.show(file.entity()) + " (expected "
                        + Cells.alternatives(TaxLayout.ENTITIES.toArray(String[]::new)) + ")"));
            } else {
                BatchFile first = files.putIfAbsent(file.entity(), file);
                if (first != null) {
                    problems.add(InputProblem.ofFile(MANIFEST, "entity " + file.entity() + " is listed twice ("
                            + first.name() + " and " + file.name() + ")"));
                }
            }
        }
        if (manifest.kind() == BatchKind.FULL) {
            for (String entity : TaxLayout.ENTITIES) {
                if (!files.containsKey(entity)) {
                    problems.add(InputProblem.ofFile(MANIFEST, "a full batch needs a file for entity " + entity
                            + " (a " + TaxLayout.fileName(entity) + " with only its header when there are none)"));
                }
            }
        }
        return files;
    }

    private Parsed<TaxRecord> parseRecords(Path directory, BatchFile file, BatchKind kind) {
        Parsed<TaxRecord> parsed = new Parsed<>(file.name(), Parsed.expectedRows(directory.resolve(file.name())));
        CsvInput in = CsvInput.open(directory, file.name(), TaxRecordsCsv.LAYOUT, parsed.problems);
        if (in == null) {
            return parsed;
        }
        try (in) {
            Cells c = new Cells(in, new TextCodec(table));
            while (in.next()) {
                c.startRow();
                c.upsertOnly(TaxRecordsCsv.OP, kind);
                TaxRecord record = TaxRecordsCsv.parse(c);
                TaxRecordsCsv.Key key = TaxRecordsCsv.key(c);
                if (key == null) {
                    parsed.unknownKeys = true;
                } else {
                    long first = parsed.firstLineOf(key, in.line());
                    if (first > 0) {
                        c.problem(TaxRecordsCsv.PERSON_KEY, "duplicate tax record (same person_key and fiscal_year), "
                                + "first on line " + first);
                    }
                }
                if (record != null && c.rowOk()) {
                    parsed.add(record, in.line());
                }
            }
            parsed.rows = in.records();
            parsed.complete = in.readToEnd() && !parsed.unknownKeys;
        }
        return parsed;
    }

    private Parsed<TaxDependantsCsv.Row> parseDependants(Path directory, BatchFile file, BatchKind kind) {
        Parsed<TaxDependantsCsv.Row> parsed = new Parsed<>(file.name(),
                Parsed.expectedRows(directory.resolve(file.name())));
        CsvInput in = CsvInput.open(directory, file.name(), TaxDependantsCsv.LAYOUT, parsed.problems);
        if (in == null) {
            return parsed;
        }
        try (in) {
            Cells c = new Cells(in, new TextCodec(table));
            while (in.next()) {
                c.startRow();
                TaxDependantsCsv.Row row = TaxDependantsCsv.parse(c);
                if (row != null) {
                    long first = parsed.firstLineOf(new SeqKey(row.record(), row.seq()), in.line());
                    if (first > 0) {
                        c.problem(TaxDependantsCsv.SEQ, "duplicate dependant (same person_key, fiscal_year and seq), "
                                + "first on line " + first);
                    } else {
                        parsed.add(row, in.line());
                    }
                }
            }
            parsed.rows = in.records();
            parsed.complete = in.readToEnd();
        }
        return parsed;
    }

    private record SeqKey(TaxRecordsCsv.Key record, int seq) {
    }

    /**
     * Attaches each record's dependants in the order of their seq. A dependant whose record is not in the
     * records file is reported, unless that file could not be read completely (then it is unknown).
     */
    private static List<TaxRecord> attach(Parsed<TaxRecord> records, Parsed<TaxDependantsCsv.Row> dependants) {
        if (dependants == null || dependants.records.isEmpty()) {
            return records.records;
        }
        Map<TaxRecordsCsv.Key, List<TaxDependantsCsv.Row>> byRecord = new HashMap<>();
        for (int i = 0; i < dependants.records.size(); i++) {
            TaxDependantsCsv.Row row = dependants.records.get(i);
            if (records.complete && !records.hasKey(row.record())) {
                dependants.problems.add(dependants.file, dependants.lineOf(i), "person_key", "tax record of person "
                        + row.record().person() + " for fiscal year " + row.record().fiscalYear() + " is not in "
                        + records.file);
            }
            byRecord.computeIfAbsent(row.record(), k -> new ArrayList<>(2)).add(row);
        }
        List<TaxRecord> result = new ArrayList<>(records.records.size());
        for (TaxRecord t : records.records) {
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
