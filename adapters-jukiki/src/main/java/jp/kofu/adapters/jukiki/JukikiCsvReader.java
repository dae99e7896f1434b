package jp.kofu.adapters.jukiki;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.ParsedBatch;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.layout.BatchLayout;
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.LayoutReader;
import jp.kofu.core.sync.domain.layout.Parsed;
import jp.kofu.core.sync.domain.layout.Problems;
import jp.kofu.core.sync.domain.layout.RowParser;
import jp.kofu.core.sync.domain.layout.RowSource;
import jp.kofu.core.sync.port.out.BatchReaderPort;

/**
 * Reads the resident-record system's batches (住民記録システム連携ファイル) in the kofu CSV layout documented
 * in {@code docs/formats/}, or in a fixed-length Shift_JIS layout (固定長) when the manifest names one
 * ({@code docs/formats/fixed/}, definitions found by {@code FixedLayouts}): residents, households, seal registrations, suppression flags and cardholders.
 *
 * <p>All or nothing: every file the manifest lists is parsed completely and every problem is collected
 * (file, physical line, column, reason); if there is any, the whole batch is rejected. Text is converted
 * with the tenant's correspondence table (対照表); a private-use character the table does not map becomes an
 * unidentified vendor character (未同定外字), never dropped. The files of a batch are parsed in parallel.
 *
 * <p>In a full batch the cross-file references are checked too: every resident's household is in the
 * households file, and every seal, suppression flag and cardholder belongs to a person in the residents
 * file. A delta batch may refer to records the replica already holds, so these checks are left to its
 * application.
 *
 * <p>Immutable and thread-safe.
 */
public final class JukikiCsvReader implements BatchReaderPort {

    private static final BatchLayout BATCH = new BatchLayout(SourceSystem.JUKIKI, JukikiLayout.ENTITIES,
            JukikiLayout::fileName);

    private final LayoutReader reader;

    /** A reader for a tenant without a correspondence table yet: every vendor 外字 stays unidentified. */
    @Inject
    public JukikiCsvReader() {
        this(CorrespondenceTable.empty());
    }

    /** A reader converting vendor 外字 with the tenant's correspondence table. */
    public JukikiCsvReader(CorrespondenceTable table) {
        this.reader = new LayoutReader(Objects.requireNonNull(table, "table"));
    }

    @Override
    public SourceSystem source() {
        return SourceSystem.JUKIKI;
    }

    @Override
    public ParsedBatch read(Path directory, BatchManifest manifest) throws BatchRejectedException {
        BATCH.requireSource(manifest);
        Problems manifestProblems = new Problems();
        Map<String, BatchFile> files = BATCH.filesByEntity(manifest, manifestProblems);
        BatchKind kind = manifest.kind();
        Deleted deleted = new Deleted();
        // the manifest's format picks the tokenizer: commons-csv, or the fixed-length codec and its definitions
        Map<String, RowSource.Opener> openers = new java.util.HashMap<>();
        for (Layout layout : List.of(ResidentsCsv.LAYOUT, HouseholdsCsv.LAYOUT, SealsCsv.LAYOUT,
                SuppressionFlagsCsv.LAYOUT, CardholdersCsv.LAYOUT)) {
            if (files.containsKey(layout.entity())) {
                openers.put(layout.entity(), FixedLayouts.CATALOG.opener(manifest.format(), layout, CsvInput::open));
            }
        }

        Map<String, Callable<Parsed<?>>> tasks = new LinkedHashMap<>();
        AtomicReference<Parsed<?>> imagesRead = new AtomicReference<>();
        addTask(tasks, files, JukikiLayout.RESIDENTS,
                f -> parseResidents(openers, directory, f, kind, deleted.residents));
        addTask(tasks, files, JukikiLayout.SEALS,
                f -> parseSeals(openers, directory, f, files.get(JukikiLayout.SEAL_IMAGES), kind, imagesRead, deleted.seals));
        if (!files.containsKey(JukikiLayout.SEALS)) {
            addTask(tasks, files, JukikiLayout.SEAL_IMAGES, f -> countSealImages(directory, f));
        }
        addTask(tasks, files, JukikiLayout.CARDHOLDERS,
                f -> parseCardholders(openers, directory, f, kind, deleted.cardholders));
        addTask(tasks, files, JukikiLayout.HOUSEHOLDS,
                f -> parseHouseholds(openers, directory, f, kind, deleted.households));
        addTask(tasks, files, JukikiLayout.SUPPRESSION_FLAGS,
                f -> parseSuppressionFlags(openers, directory, f, kind, deleted.flags));
        Map<String, Parsed<?>> parsed = BATCH.readInParallel(tasks);
        if (imagesRead.get() != null) {
            parsed.put(JukikiLayout.SEAL_IMAGES, imagesRead.get());
        }

        @SuppressWarnings("unchecked")
        Parsed<Resident> residents = (Parsed<Resident>) parsed.get(JukikiLayout.RESIDENTS);
        @SuppressWarnings("unchecked")
        Parsed<Household> households = (Parsed<Household>) parsed.get(JukikiLayout.HOUSEHOLDS);
        @SuppressWarnings("unchecked")
        Parsed<SealRegistration> seals = (Parsed<SealRegistration>) parsed.get(JukikiLayout.SEALS);
        @SuppressWarnings("unchecked")
        Parsed<SuppressionFlag> flags = (Parsed<SuppressionFlag>) parsed.get(JukikiLayout.SUPPRESSION_FLAGS);
        @SuppressWarnings("unchecked")
        Parsed<CardholderLink> cardholders = (Parsed<CardholderLink>) parsed.get(JukikiLayout.CARDHOLDERS);

        if (kind == BatchKind.FULL) {
            checkReferences(residents, households, seals, flags, cardholders);
        }

        Map<String, Long> recordsPerFile = BATCH.recordsPerFile(manifest, manifestProblems, parsed);
        return new ParsedBatch(new ReplicaContent(
                records(residents), records(households), records(seals), records(flags), records(cardholders),
                List.of()), new Deletions(deleted.residents, deleted.households, deleted.seals, deleted.flags,
                deleted.cardholders, Set.of()), recordsPerFile);
    }

    /** The keys of a delta's {@code op} D rows, per entity; each set is filled by one file's task. */
    private static final class Deleted {
        final Set<PersonKey> residents = ConcurrentHashMap.newKeySet();
        final Set<HouseholdId> households = ConcurrentHashMap.newKeySet();
        final Set<Deletions.SealKey> seals = ConcurrentHashMap.newKeySet();
        final Set<Deletions.FlagKey> flags = ConcurrentHashMap.newKeySet();
        final Set<Deletions.CardKey> cardholders = ConcurrentHashMap.newKeySet();
    }

    private static void addTask(Map<String, Callable<Parsed<?>>> tasks, Map<String, BatchFile> files, String entity,
            Function<BatchFile, Parsed<?>> parse) {
        BatchFile file = files.get(entity);
        if (file != null) {
            tasks.put(entity, () -> parse.apply(file));
        }
    }

    // ---------------------------------------------------------------- one file each

    /**
     * Parses one file row by row; {@code row} builds a record or returns null after reporting. An
     * {@code op} D row of a delta is read for its key only ({@code key}, null after reporting) and its key
     * goes to {@code deleted}.
     */
    private <T, K> Parsed<T> parse(Map<String, RowSource.Opener> openers, Path directory, BatchFile file,
            Layout layout, int opColumn, BatchKind kind, Set<K> deleted, Function<Cells, K> key, RowParser<T> row) {
        return reader.read(directory, file.name(), layout, openers.get(layout.entity()), (cells, parsed) -> {
            if (cells.deletes(opColumn, kind)) {
                K k = key.apply(cells);
                if (k != null && cells.rowOk()) {
                    deleted.add(k);
                }
                return null;
            }
            return row.parse(cells, parsed);
        });
    }

    private Parsed<Resident> parseResidents(Map<String, RowSource.Opener> openers, Path directory,
            BatchFile file, BatchKind kind, Set<PersonKey> deleted) {
        return parse(openers, directory, file, ResidentsCsv.LAYOUT, ResidentsCsv.OP, kind, deleted,
                c -> c.personKey(ResidentsCsv.PERSON_KEY), (c, p) -> {
            Resident r = ResidentsCsv.parse(c);
            String key = c.raw(ResidentsCsv.PERSON_KEY);
            if (Cells.isKey(key)) {
                p.checkUnique(c, ResidentsCsv.PERSON_KEY, key, "person_key " + key);
            } else {
                p.markUnknownKey();
            }
            return r;
        });
    }

    private Parsed<Household> parseHouseholds(Map<String, RowSource.Opener> openers, Path directory,
            BatchFile file, BatchKind kind, Set<HouseholdId> deleted) {
        return parse(openers, directory, file, HouseholdsCsv.LAYOUT, HouseholdsCsv.OP, kind, deleted,
                c -> c.householdId(HouseholdsCsv.HOUSEHOLD_ID), (c, p) -> {
            Household h = HouseholdsCsv.parse(c);
            String id = c.raw(HouseholdsCsv.HOUSEHOLD_ID);
            if (Cells.isKey(id)) {
                p.checkUnique(c, HouseholdsCsv.HOUSEHOLD_ID, id, "household_id " + id);
            } else {
                p.markUnknownKey();
            }
            return h;
        });
    }

    /** Reads the seals together with the archive their images are in, reporting the archive on its own. */
    private Parsed<SealRegistration> parseSeals(Map<String, RowSource.Opener> openers, Path directory,
            BatchFile file, BatchFile imagesFile, BatchKind kind,
            AtomicReference<Parsed<?>> imagesResult, Set<Deletions.SealKey> deleted) {
        Parsed<Void> imagesRead = imagesFile == null ? null : new Parsed<>(imagesFile.name());
        SealImagesZip images = imagesFile == null ? null
                : SealImagesZip.open(directory, imagesFile.name(), imagesRead.problems());
        Map<SealsCsv.ImageKey, SealImage> known = SealsCsv.newImagePool();
        try {
            Parsed<SealRegistration> seals = parse(openers, directory, file, SealsCsv.LAYOUT, SealsCsv.OP, kind, deleted, c -> {
                PersonKey person = c.personKey(SealsCsv.PERSON_KEY);
                String number = c.plain(SealsCsv.REGISTRATION_NUMBER, true);
                return person == null || number == null ? null : new Deletions.SealKey(person, number);
            }, (c, p) -> {
                SealRegistration s = SealsCsv.parse(c, images, known);
                if (s != null) {
                    // a person may have earlier, abolished or lost registrations, but one valid one at most
                    if (s.status() == SealStatus.REGISTERED) {
                        p.checkUnique(c, SealsCsv.PERSON_KEY, s.person().value(),
                                "person_key " + s.person() + " (one valid seal registration per person)");
                    }
                    p.checkUnique(c, SealsCsv.REGISTRATION_NUMBER, new RegistrationNumber(s.registrationNumber()),
                            "registration_number " + Cells.show(s.registrationNumber()));
                }
                return s;
            });
            if (images != null) {
                imagesRead.finish(images.entries(), true);
            } else if (imagesFile == null && seals.rows() > deleted.size()) {
                seals.problems().add(InputProblem.ofFile(file.name(), "names seal images, but the batch lists no file "
                        + "for entity " + JukikiLayout.SEAL_IMAGES));
            }
            imagesResult.set(imagesRead);
            return seals;
        } finally {
            if (images != null) {
                images.close();
            }
        }
    }

    /** A batch with images but no seals: the archive is only opened, to count its entries. */
    private static Parsed<?> countSealImages(Path directory, BatchFile file) {
        Parsed<Void> imagesRead = new Parsed<>(file.name());
        SealImagesZip images = SealImagesZip.open(directory, file.name(), imagesRead.problems());
        if (images != null) {
            imagesRead.finish(images.entries(), true);
            images.close();
        }
        return imagesRead;
    }

    /** Keeps registration numbers and person keys apart in the one duplicate map. */
    private record RegistrationNumber(String value) {
    }

    private Parsed<SuppressionFlag> parseSuppressionFlags(Map<String, RowSource.Opener> openers, Path directory,
            BatchFile file, BatchKind kind,
            Set<Deletions.FlagKey> deleted) {
        return parse(openers, directory, file, SuppressionFlagsCsv.LAYOUT, SuppressionFlagsCsv.OP, kind, deleted, c -> {
            PersonKey person = c.personKey(SuppressionFlagsCsv.PERSON_KEY);
            SuppressionFlag.Kind flagKind = c.code(SuppressionFlagsCsv.KIND, SuppressionFlagsCsv.KIND_CODES);
            java.time.LocalDate from = c.date(SuppressionFlagsCsv.FROM_DATE);
            return person == null || flagKind == null || from == null ? null
                    : new Deletions.FlagKey(person, flagKind, from);
        }, (c, p) -> {
            SuppressionFlag f = SuppressionFlagsCsv.parse(c);
            if (f != null) {
                p.checkUnique(c, SuppressionFlagsCsv.PERSON_KEY, SuppressionFlagsCsv.key(f),
                        "flag (same person_key, kind and from_date)");
            }
            return f;
        });
    }

    private Parsed<CardholderLink> parseCardholders(Map<String, RowSource.Opener> openers, Path directory,
            BatchFile file, BatchKind kind,
            Set<Deletions.CardKey> deleted) {
        Map<String, String> issuers = CardholdersCsv.newIssuerPool();
        return parse(openers, directory, file, CardholdersCsv.LAYOUT, CardholdersCsv.OP, kind, deleted, c -> {
            String issuer = c.plain(CardholdersCsv.ISSUER, true);
            java.math.BigInteger serial = CardholdersCsv.serial(c);
            return issuer == null || serial == null ? null : new Deletions.CardKey(issuer, serial);
        }, (c, p) -> {
            CardholderLink link = CardholdersCsv.parse(c, issuers);
            if (link != null) {
                p.checkUnique(c, CardholdersCsv.SERIAL, CardholdersCsv.key(link),
                        "certificate (same issuer and serial)");
            }
            return link;
        });
    }

    // ---------------------------------------------------------------- across files

    /**
     * Only against a file that was read to its end: keys are remembered for every row whose key is
     * well-formed, so a row with another problem does not make each reference to it a second problem.
     */
    private static void checkReferences(Parsed<Resident> residents, Parsed<Household> households,
            Parsed<SealRegistration> seals, Parsed<SuppressionFlag> flags, Parsed<CardholderLink> cardholders) {
        if (residents != null && households != null && households.complete()) {
            for (int i = 0; i < residents.records().size(); i++) {
                String id = residents.records().get(i).household().value();
                if (!households.hasKey(id)) {
                    residents.problems().add(residents.file(), residents.lineOf(i), "household_id",
                            "household " + id + " is not in " + households.file());
                }
            }
        }
        if (residents != null && residents.complete()) {
            checkPersons(seals, SealRegistration::person, residents);
            checkPersons(flags, SuppressionFlag::person, residents);
            checkPersons(cardholders, CardholderLink::person, residents);
        }
    }

    private static <T> void checkPersons(Parsed<T> parsed, Function<T, PersonKey> person, Parsed<Resident> residents) {
        if (parsed == null) {
            return;
        }
        for (int i = 0; i < parsed.records().size(); i++) {
            PersonKey key = person.apply(parsed.records().get(i));
            if (!residents.hasKey(key.value())) {
                parsed.problems().add(parsed.file(), parsed.lineOf(i), "person_key",
                        "person " + key + " is not in " + residents.file());
            }
        }
    }

    private static <T> List<T> records(Parsed<T> parsed) {
        return parsed == null ? List.of() : parsed.records();
    }
}
