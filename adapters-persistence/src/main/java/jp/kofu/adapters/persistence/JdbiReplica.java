package jp.kofu.adapters.persistence;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.IndividualNumber;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentRecordCode;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaDeltaPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.Deletions;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The replica (証明用データベース) in the database: {@link ReplicaReadPort} and {@link ReplicaWritePort} over
 * the tables {@code residents}, {@code households}, {@code seal_registrations}, {@code suppression_flags},
 * {@code cardholder_links}, {@code tax_records}, {@code sync_state} and {@code replica_loads}.
 *
 * <p>A read runs in one transaction under snapshot isolation, so a certificate never mixes data from
 * before and after a batch. A full load deletes the tenant's rows of the sources being replaced and
 * inserts the new ones in JDBC batches, in one transaction together with the sources' sequence numbers —
 * except a tenant's first load, committed batch by batch behind a marker that hides the tenant from readers
 * until it completes ({@link #firstLoadInChunks}; table {@code replica_loads}). A delta
 * ({@link ReplicaDeltaPort}) first advances the stream's {@code sync_state} row with a conditional
 * update (compare-and-advance: the row lock makes a concurrent applier of the same batch find nothing to
 * update), then deletes and upserts record by record, all in the same transaction.
 */
public final class JdbiReplica implements ReplicaReadPort, ReplicaWritePort, ReplicaDeltaPort {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver memory. */
    static final int BATCH_SIZE = 2_000;

    /** Rows fetched per round trip when a snapshot enumerates an entity. */
    static final int STREAM_FETCH_SIZE = 2_000;

    private static final String RESIDENT_COLUMNS = "person_key, household_id, member_order, full_name, name_kana, "
            + "former_surname, former_surname_kana, alias_name, birth_date, sex, relationship, address, "
            + "address_supplement, domicile, domicile_head, became_resident_on, address_set_on, notified_on, "
            + "address_before_move_in, address_before_change, entry_reason, individual_number, resident_record_code, "
            + "status, nationality, became_foreign_resident_on, article30_45_category, residence_status, "
            + "period_of_stay, stay_expires_on, residence_card_number, record_version";
    private static final String INSERT_RESIDENT = "INSERT INTO residents (tenant_code, " + RESIDENT_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_HOUSEHOLD =
            "INSERT INTO households (tenant_code, household_id, head_name, record_version) VALUES (?, ?, ?, ?)";
    private static final String SEAL_COLUMNS = "person_key, registration_number, image_png, width_mm, height_mm, "
            + "registered_name, registered_on, status, record_version";
    private static final String INSERT_SEAL = "INSERT INTO seal_registrations (tenant_code, " + SEAL_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_FLAG = "INSERT INTO suppression_flags "
            + "(tenant_code, person_key, kind, valid_from, valid_until, record_version) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CARDHOLDER = "INSERT INTO cardholder_links "
            + "(tenant_code, issuer, serial, person_key, record_version) VALUES (?, ?, ?, ?, ?)";
    private static final String TAX_COLUMNS = "person_key, fiscal_year, resident_on_january1, address_on_january1, "
            + "filed, taxable_income, income_levy, per_capita_levy, incomes_json, deductions_json, dependants_json, "
            + "record_version";
    private static final String INSERT_TAX = "INSERT INTO tax_records (tenant_code, " + TAX_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The tables each source owns; a full batch of the source replaces exactly these. */
    private static final List<String> JUKIKI_TABLES =
            List.of("residents", "households", "seal_registrations", "suppression_flags", "cardholder_links");
    private static final List<String> TAX_TABLES = List.of("tax_records");

    private final Database database;
    private final Jdbi jdbi;

    public JdbiReplica(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Override
    public <T> T read(LocalGovernmentCode tenant, Function<Snapshot, T> work) {
        return jdbi.inTransaction(database.snapshotIsolation(), handle -> {
            if (loading(handle, tenant.value())) {
                // a first load is being written in chunks: none of it may be seen before it completes
                return work.apply(EMPTY);
            }
            JdbiSnapshot snapshot = new JdbiSnapshot(handle, tenant.value(), database.engine() == Database.Engine.H2);
            try {
                return work.apply(snapshot);
            } finally {
                snapshot.open = false;
            }
        });
    }

    /**
     * Each lookup one statement, so one consistent read: the link, unless a first load of the tenant is being
     * written (its marker then hides the tenant's replica, as {@link #read} does).
     */
    @Override
    public Optional<PersonKey> cardholder(LocalGovernmentCode tenant, List<String> issuerNames, BigInteger serial) {
        // one statement per name, on the whole primary key (an IN list of issuers would use only its first column);
        // the first name is the card's own and nearly always the one
        return jdbi.withHandle(h -> {
            for (String issuer : issuerNames) {
                Optional<PersonKey> found = h.createQuery("SELECT person_key FROM cardholder_links "
                                + "WHERE tenant_code = :tenant AND issuer = :issuer AND serial = :serial "
                                + "AND NOT EXISTS (SELECT 1 FROM replica_loads WHERE tenant_code = :tenant)")
                        .bind("tenant", tenant.value()).bind("issuer", issuer).bind("serial", serial.toString())
                        .map((rs, ctx) -> new PersonKey(rs.getString(1)))
                        .findOne();
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.<PersonKey>empty();
        });
    }

    /** Whether a first load of the tenant is being written (or was interrupted): see {@link #firstLoadInChunks}. */
    private static boolean loading(Handle h, String code) {
        return h.createQuery("SELECT COUNT(*) FROM replica_loads WHERE tenant_code = :tenant")
                .bind("tenant", code).mapTo(Integer.class).one() > 0;
    }

    /** What a tenant's replica reads as while its first load is written: nothing. */
    private static final Snapshot EMPTY = new Snapshot() {
        @Override
        public Optional<Resident> resident(PersonKey key) {
            return Optional.empty();
        }

        @Override
        public Optional<Household> household(HouseholdId id) {
            return Optional.empty();
        }

        @Override
        public List<Resident> members(HouseholdId id) {
            return List.of();
        }

        @Override
        public Optional<SealRegistration> seal(PersonKey key) {
            return Optional.empty();
        }

        @Override
        public Optional<TaxRecord> tax(PersonKey key, int fiscalYear) {
            return Optional.empty();
        }

        @Override
        public List<SuppressionFlag> suppressionFlags(PersonKey key) {
            return List.of();
        }

        @Override
        public Optional<PersonKey> cardholder(String issuer, BigInteger serial) {
            return Optional.empty();
        }

        @Override
        public <R> void forEach(ReplicaEntity<R> entity, Consumer<? super R> action) {
            // nothing to enumerate
        }

        @Override
        public OptionalLong appliedSequence(SourceSystem source) {
            return OptionalLong.empty();
        }
    };

    private static final class JdbiSnapshot implements Snapshot {

        private final Handle handle;
        private final String tenant;
        private final boolean h2;
        private volatile boolean open = true;

        JdbiSnapshot(Handle handle, String tenant, boolean h2) {
            this.handle = handle;
            this.tenant = tenant;
            this.h2 = h2;
        }

        private Handle handle() {
            if (!open) {
                throw new IllegalStateException("the snapshot was used after its read() returned");
            }
            return handle;
        }

        @Override
        public Optional<Resident> resident(PersonKey key) {
            return handle().createQuery("SELECT " + RESIDENT_COLUMNS + " FROM residents "
                            + "WHERE tenant_code = :tenant AND person_key = :key")
                    .bind("tenant", tenant).bind("key", key.value())
                    .map((rs, ctx) -> toResident(rs))
                    .findOne();
        }

        @Override
        public Optional<Household> household(HouseholdId id) {
            return handle().createQuery("SELECT household_id, head_name, record_version FROM households "
                            + "WHERE tenant_code = :tenant AND household_id = :id")
                    .bind("tenant", tenant).bind("id", id.value())
                    .map((rs, ctx) -> new Household(new HouseholdId(rs.getString("household_id")),
                            text(rs, "head_name"), rs.getLong("record_version")))
                    .findOne();
        }

        @Override
        public List<Resident> members(HouseholdId id) {
            return handle().createQuery("SELECT " + RESIDENT_COLUMNS + " FROM residents "
                            + "WHERE tenant_code = :tenant AND household_id = :id ORDER BY member_order")
                    .bind("tenant", tenant).bind("id", id.value())
                    .map((rs, ctx) -> toResident(rs))
                    .list();
        }

        @Override
        public Optional<SealRegistration> seal(PersonKey key) {
            // several registrations: the one in force, else the latest (the contract's rule)
            return handle().createQuery("SELECT " + SEAL_COLUMNS + " FROM seal_registrations "
                            + "WHERE tenant_code = :tenant AND person_key = :key "
                            + "ORDER BY CASE WHEN status = 'REGISTERED' THEN 0 ELSE 1 END, "
                            + "registered_on DESC, registration_number DESC")
                    .bind("tenant", tenant).bind("key", key.value())
                    .map((rs, ctx) -> toSeal(rs))
                    .findFirst();
        }

        @Override
        public Optional<TaxRecord> tax(PersonKey key, int fiscalYear) {
            return handle().createQuery("SELECT " + TAX_COLUMNS + " FROM tax_records "
                            + "WHERE tenant_code = :tenant AND person_key = :key AND fiscal_year = :year")
                    .bind("tenant", tenant).bind("key", key.value()).bind("year", fiscalYear)
                    .map((rs, ctx) -> toTax(rs))
                    .findOne();
        }

        @Override
        public List<SuppressionFlag> suppressionFlags(PersonKey key) {
            return handle().createQuery("SELECT person_key, kind, valid_from, valid_until, record_version "
                            + "FROM suppression_flags WHERE tenant_code = :tenant AND person_key = :key "
                            + "ORDER BY valid_from, kind")
                    .bind("tenant", tenant).bind("key", key.value())
                    .map((rs, ctx) -> flag(rs))
                    .list();
        }

        @Override
        public List<SuppressionFlag> suppressionFlags(java.util.Collection<PersonKey> keys) {
            List<String> people = keys.stream().map(PersonKey::value).distinct().toList();
            if (people.size() <= 1) {
                return people.isEmpty() ? List.of() : suppressionFlags(new PersonKey(people.get(0)));
            }
            // one statement for a household: a UNION ALL of one-key selects, each on the primary key (H2 would use
            // only the key's first column for an IN list, scanning the tenant's flags); the keys' order is restored
            // here, each person's flags in the one-key order
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < people.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT person_key, kind, valid_from, valid_until, "
                        + "record_version FROM suppression_flags WHERE tenant_code = :tenant AND person_key = :k").append(i);
            }
            var query = handle().createQuery(sql.append(" ORDER BY valid_from, kind").toString()).bind("tenant", tenant);
            for (int i = 0; i < people.size(); i++) {
                query.bind("k" + i, people.get(i));
            }
            Map<String, List<SuppressionFlag>> byPerson = new java.util.HashMap<>();
            query.map((rs, ctx) -> flag(rs))
                    .forEach(f -> byPerson.computeIfAbsent(f.person().value(), k -> new ArrayList<>()).add(f));
            List<SuppressionFlag> flags = new ArrayList<>();
            for (String person : people) {
                flags.addAll(byPerson.getOrDefault(person, List.of()));
            }
            return flags;
        }

        private static SuppressionFlag flag(ResultSet rs) throws SQLException {
            return new SuppressionFlag(new PersonKey(rs.getString("person_key")),
                    SuppressionFlag.Kind.valueOf(rs.getString("kind")), Arguments.date(rs, "valid_from"),
                    Arguments.optionalDate(rs, "valid_until"), rs.getLong("record_version"));
        }

        @Override
        public Optional<PersonKey> cardholder(String issuer, BigInteger serial) {
            return handle().createQuery("SELECT person_key FROM cardholder_links "
                            + "WHERE tenant_code = :tenant AND issuer = :issuer AND serial = :serial")
                    .bind("tenant", tenant).bind("issuer", issuer).bind("serial", serial.toString())
                    .map((rs, ctx) -> new PersonKey(rs.getString(1)))
                    .findOne();
        }

        @Override
        public <R> void forEach(ReplicaEntity<R> entity, Consumer<? super R> action) {
            String sql;
            RowMapper<?> mapper;
            if (entity == ReplicaEntity.RESIDENTS) {
                sql = "SELECT " + RESIDENT_COLUMNS + " FROM residents";
                mapper = (rs, ctx) -> toResident(rs);
            } else if (entity == ReplicaEntity.HOUSEHOLDS) {
                sql = "SELECT household_id, head_name, record_version FROM households";
                mapper = (rs, ctx) -> new Household(new HouseholdId(rs.getString("household_id")),
                        text(rs, "head_name"), rs.getLong("record_version"));
            } else if (entity == ReplicaEntity.SEALS) {
                sql = "SELECT " + SEAL_COLUMNS + " FROM seal_registrations";
                mapper = (rs, ctx) -> toSeal(rs);
            } else if (entity == ReplicaEntity.SUPPRESSION_FLAGS) {
                sql = "SELECT person_key, kind, valid_from, valid_until, record_version FROM suppression_flags";
                mapper = (rs, ctx) -> new SuppressionFlag(new PersonKey(rs.getString("person_key")),
                        SuppressionFlag.Kind.valueOf(rs.getString("kind")), Arguments.date(rs, "valid_from"),
                        Arguments.optionalDate(rs, "valid_until"), rs.getLong("record_version"));
            } else if (entity == ReplicaEntity.CARDHOLDERS) {
                sql = "SELECT issuer, serial, person_key, record_version FROM cardholder_links";
                mapper = (rs, ctx) -> new jp.kofu.core.replica.domain.CardholderLink(rs.getString("issuer"),
                        new BigInteger(rs.getString("serial")), new PersonKey(rs.getString("person_key")),
                        rs.getLong("record_version"));
            } else if (entity == ReplicaEntity.TAX_RECORDS) {
                sql = "SELECT " + TAX_COLUMNS + " FROM tax_records";
                mapper = (rs, ctx) -> toTax(rs);
            } else {
                throw new IllegalArgumentException("unknown entity " + entity);
            }
            @SuppressWarnings("unchecked")
            RowMapper<R> typed = (RowMapper<R>) mapper;
            // streamed: a fetch size makes PostgreSQL use a cursor (inside this transaction) instead of
            // reading every row into memory first
            if (h2) {
                // H2 otherwise materialises a large result in a temporary file before returning its first row
                handle().execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try {
                handle().createQuery(sql + " WHERE tenant_code = :tenant")
                        .bind("tenant", tenant)
                        .setFetchSize(STREAM_FETCH_SIZE)
                        .map(typed)
                        .forEach(action);
            } finally {
                if (h2) {
                    handle().execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        }

        @Override
        public OptionalLong appliedSequence(SourceSystem source) {
            return storedSequence(handle(), tenant, source);
        }
    }

    private static PrintedText text(ResultSet rs, String column) throws SQLException {
        return PrintedText.parse(rs.getString(column));
    }

    private static Resident toResident(ResultSet rs) throws SQLException {
        Optional<ForeignResidentItems> foreign = Optional.empty();
        String nationality = rs.getString("nationality");
        if (nationality != null) {
            foreign = Optional.of(new ForeignResidentItems(
                    PrintedText.parse(nationality),
                    Arguments.date(rs, "became_foreign_resident_on"),
                    rs.getString("article30_45_category"),
                    text(rs, "residence_status"),
                    rs.getString("period_of_stay"),
                    Arguments.optionalDate(rs, "stay_expires_on"),
                    rs.getString("residence_card_number")));
        }
        String individualNumber = rs.getString("individual_number");
        String residentRecordCode = rs.getString("resident_record_code");
        return new Resident(
                new PersonKey(rs.getString("person_key")),
                new HouseholdId(rs.getString("household_id")),
                text(rs, "full_name"),
                text(rs, "name_kana"),
                text(rs, "former_surname"),
                text(rs, "former_surname_kana"),
                text(rs, "alias_name"),
                Arguments.date(rs, "birth_date"),
                Sex.valueOf(rs.getString("sex")),
                text(rs, "relationship"),
                text(rs, "address"),
                text(rs, "address_supplement"),
                text(rs, "domicile"),
                text(rs, "domicile_head"),
                Arguments.optionalDate(rs, "became_resident_on"),
                Arguments.optionalDate(rs, "address_set_on"),
                Arguments.optionalDate(rs, "notified_on"),
                text(rs, "address_before_move_in"),
                text(rs, "address_before_change"),
                text(rs, "entry_reason"),
                Optional.ofNullable(individualNumber).map(IndividualNumber::new),
                Optional.ofNullable(residentRecordCode).map(ResidentRecordCode::new),
                ResidentStatus.valueOf(rs.getString("status")),
                foreign,
                rs.getLong("record_version"));
    }

    private static SealRegistration toSeal(ResultSet rs) throws SQLException {
        return new SealRegistration(
                new PersonKey(rs.getString("person_key")),
                rs.getString("registration_number"),
                new SealImage(rs.getBytes("image_png"), rs.getDouble("width_mm"), rs.getDouble("height_mm")),
                text(rs, "registered_name"),
                Arguments.date(rs, "registered_on"),
                SealStatus.valueOf(rs.getString("status")),
                rs.getLong("record_version"));
    }

    private static TaxRecord toTax(ResultSet rs) throws SQLException {
        return new TaxRecord(
                new PersonKey(rs.getString("person_key")),
                rs.getInt("fiscal_year"),
                rs.getBoolean("resident_on_january1"),
                text(rs, "address_on_january1"),
                rs.getBoolean("filed"),
                Json.incomes(rs.getString("incomes_json")),
                Json.deductions(rs.getString("deductions_json")),
                rs.getLong("taxable_income"),
                rs.getLong("income_levy"),
                rs.getLong("per_capita_levy"),
                Json.dependants(rs.getString("dependants_json")),
                rs.getLong("record_version"));
    }

    // ---- writing ------------------------------------------------------------------------------------------

    @Override
    public void replaceAll(LocalGovernmentCode tenant, List<BatchManifest> manifests, ReplicaContent content) {
        Set<SourceSystem> sources = ReplicaWritePort.checkFullLoad(tenant, manifests, content);
        String code = tenant.value();
        // a fixed lock order, so that two loads of several sources cannot deadlock
        List<BatchManifest> ordered = manifests.stream().sorted(Comparator.comparing(BatchManifest::source)).toList();
        if (firstLoadInChunks(code, ordered, sources, content)) {
            return;
        }
        jdbi.useTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            for (BatchManifest m : ordered) {
                // first, so that the row lock serialises concurrent loads of the same source
                recordSequence(h, code, m);
            }
            deleteRows(h, code, sources);
            try {
                insertSources(h, code, sources, content, false);
            } catch (StatementException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new IllegalArgumentException("content holds a duplicate key; nothing was changed", e);
                }
                throw e;
            }
        });
    }

    /**
     * The first load of a tenant (no source of it ever loaded): written in chunks, each batch of rows committed,
     * since H2 takes about a quarter longer for the same rows in one transaction of a million rows. It stays
     * all or nothing for readers: a marker row in {@code replica_loads}, committed first, makes every snapshot of
     * the tenant read as empty ({@link #read}); the rows go in; then one transaction records the sequences and
     * deletes the marker. On a failure the rows written are deleted before the marker; a killed process leaves
     * the marker, so the tenant stays empty to readers until the next load cleans up what was written and
     * completes. A second first load of the tenant at the same time waits on the marker's row lock, then finds
     * the tenant loaded and replaces it in one transaction.
     *
     * @return false, having changed nothing, when the tenant has a source loaded already
     */
    private boolean firstLoadInChunks(String code, List<BatchManifest> ordered, Set<SourceSystem> sources,
                                      ReplicaContent content) {
        if (anySequence(jdbi, code)) {
            return false;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO replica_loads (tenant_code, started_at) "
                            + "VALUES (:tenant, CURRENT_TIMESTAMP)")
                    .bind("tenant", code).execute());
        } catch (StatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // the marker of an interrupted load, or of one running now: its row lock tells them apart below
        }
        try (Handle lock = jdbi.open(); Handle writer = jdbi.open()) {
            lock.begin();
            boolean marked = lock.createQuery("SELECT tenant_code FROM replica_loads WHERE tenant_code = :tenant FOR UPDATE")
                    .bind("tenant", code).mapTo(String.class).findOne().isPresent();
            if (!marked || anySequence(lock, code)) {
                // another load finished (or gave up) while this one waited: replace in one transaction
                lock.rollback();
                return false;
            }
            try {
                writer.begin();
                // what an interrupted load of the tenant left
                deleteRows(writer, code, sources);
                writer.commit();
                writer.begin();
                insertSources(writer, code, sources, content, true);
                writer.commit();
                for (BatchManifest m : ordered) {
                    recordSequence(lock, code, m);
                }
                clearMarker(lock, code);
                lock.commit();
                return true;
            } catch (RuntimeException e) {
                try {
                    writer.rollback();
                    writer.begin();
                    deleteRows(writer, code, sources);
                    writer.commit();
                    clearMarker(lock, code);
                    lock.commit();
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
                if (e instanceof StatementException se && SqlErrors.isUniqueViolation(se)) {
                    throw new IllegalArgumentException("content holds a duplicate key; nothing was changed", e);
                }
                throw e;
            }
        }
    }

    private static boolean anySequence(Jdbi jdbi, String code) {
        return jdbi.withHandle(h -> anySequence(h, code));
    }

    private static boolean anySequence(Handle h, String code) {
        return h.createQuery("SELECT COUNT(*) FROM sync_state WHERE tenant_code = :tenant")
                .bind("tenant", code).mapTo(Integer.class).one() > 0;
    }

    private static void clearMarker(Handle h, String code) {
        h.createUpdate("DELETE FROM replica_loads WHERE tenant_code = :tenant").bind("tenant", code).execute();
    }

    /** Deletes the tenant's rows of the sources' tables. */
    private static void deleteRows(Handle h, String code, Set<SourceSystem> sources) {
        for (SourceSystem source : sources) {
            for (String table : source == SourceSystem.JUKIKI ? JUKIKI_TABLES : TAX_TABLES) {
                // table names are constants of this class; only the tenant is a value
                h.createUpdate("DELETE FROM " + table + " WHERE tenant_code = ?").bind(0, code).execute();
            }
        }
    }

    private static void recordSequence(Handle h, String code, BatchManifest m) {
        int updated = h.createUpdate("UPDATE sync_state SET last_sequence = ?, applied_at = CURRENT_TIMESTAMP "
                        + "WHERE tenant_code = ? AND source_system = ?")
                .bind(0, m.sequence()).bind(1, code).bind(2, m.source().wireName())
                .execute();
        if (updated == 0) {
            try {
                h.createUpdate("INSERT INTO sync_state (tenant_code, source_system, last_sequence, applied_at) "
                                + "VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
                        .bind(0, code).bind(1, m.source().wireName()).bind(2, m.sequence())
                        .execute();
            } catch (StatementException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new IllegalStateException("another first load of source " + m.source().wireName()
                            + " for tenant " + code + " ran at the same time; nothing was changed", e);
                }
                throw e;
            }
        }
    }

    /**
     * Inserts the content of the sources.
     *
     * @param commitEachBatch commit after every batch (the chunked first load), else leave it to the caller
     */
    private static void insertSources(Handle h, String code, Set<SourceSystem> sources, ReplicaContent content,
                                      boolean commitEachBatch) {
        if (sources.contains(SourceSystem.JUKIKI)) {
            insertJukiki(h, code, content, commitEachBatch);
        }
        if (sources.contains(SourceSystem.TAX)) {
            insertAll(h, INSERT_TAX, content.taxRecords(), (ps, t, i) -> bindTax(ps, code, t), commitEachBatch);
        }
    }

    private static void insertJukiki(Handle h, String code, ReplicaContent content, boolean commitEachBatch) {
        insertAll(h, INSERT_RESIDENT, content.residents(), (ps, r, i) -> bindResident(ps, code, r, i), commitEachBatch);
        insertAll(h, INSERT_HOUSEHOLD, content.households(), (ps, hh, i) -> bindHousehold(ps, code, hh), commitEachBatch);
        insertAll(h, INSERT_SEAL, content.seals(), (ps, s, i) -> bindSeal(ps, code, s), commitEachBatch);
        insertAll(h, INSERT_FLAG, content.suppressionFlags(), (ps, f, i) -> bindFlag(ps, code, f), commitEachBatch);
        insertAll(h, INSERT_CARDHOLDER, content.cardholders(), (ps, c, i) -> bindCardholder(ps, code, c), commitEachBatch);
    }

    private static void bindHousehold(PreparedStatement ps, String code, Household hh) throws SQLException {
        ps.setString(1, code);
        ps.setString(2, hh.id().value());
        ps.setString(3, hh.headName().toTagged());
        ps.setLong(4, hh.version());
    }

    private static void bindSeal(PreparedStatement ps, String code, SealRegistration s) throws SQLException {
        ps.setString(1, code);
        ps.setString(2, s.person().value());
        ps.setString(3, s.registrationNumber());
        ps.setBytes(4, s.image().png());
        ps.setDouble(5, s.image().widthMm());
        ps.setDouble(6, s.image().heightMm());
        ps.setString(7, s.registeredName().toTagged());
        setDate(ps, 8, s.registeredOn());
        ps.setString(9, s.status().name());
        ps.setLong(10, s.version());
    }

    private static void bindFlag(PreparedStatement ps, String code, SuppressionFlag f) throws SQLException {
        ps.setString(1, code);
        ps.setString(2, f.person().value());
        ps.setString(3, f.kind().name());
        setDate(ps, 4, f.from());
        setDate(ps, 5, f.until().orElse(null));
        ps.setLong(6, f.version());
    }

    private static void bindCardholder(PreparedStatement ps, String code, jp.kofu.core.replica.domain.CardholderLink c)
            throws SQLException {
        ps.setString(1, code);
        ps.setString(2, c.issuer());
        ps.setString(3, c.serial().toString());
        ps.setString(4, c.person().value());
        ps.setLong(5, c.version());
    }

    private static void bindResident(PreparedStatement ps, String code, Resident r, int order) throws SQLException {
        ps.setString(1, code);
        ps.setString(2, r.key().value());
        ps.setString(3, r.household().value());
        ps.setInt(4, order);
        ps.setString(5, r.name().toTagged());
        ps.setString(6, r.nameKana().toTagged());
        ps.setString(7, r.formerSurname().toTagged());
        ps.setString(8, r.formerSurnameKana().toTagged());
        ps.setString(9, r.alias().toTagged());
        setDate(ps, 10, r.birthDate());
        ps.setString(11, r.sex().name());
        ps.setString(12, r.relationship().toTagged());
        ps.setString(13, r.address().toTagged());
        ps.setString(14, r.addressSupplement().toTagged());
        ps.setString(15, r.domicile().toTagged());
        ps.setString(16, r.domicileHead().toTagged());
        setDate(ps, 17, r.becameResidentOn().orElse(null));
        setDate(ps, 18, r.addressSetOn().orElse(null));
        setDate(ps, 19, r.notifiedOn().orElse(null));
        ps.setString(20, r.addressBeforeMoveIn().toTagged());
        ps.setString(21, r.addressBeforeChange().toTagged());
        ps.setString(22, r.entryReason().toTagged());
        setText(ps, 23, r.individualNumber().map(IndividualNumber::value).orElse(null));
        setText(ps, 24, r.residentRecordCode().map(ResidentRecordCode::value).orElse(null));
        ps.setString(25, r.status().name());
        ForeignResidentItems f = r.foreign().orElse(null);
        setText(ps, 26, f == null ? null : f.nationality().toTagged());
        setDate(ps, 27, f == null ? null : f.becameForeignResidentOn());
        setText(ps, 28, f == null ? null : f.article30_45Category());
        setText(ps, 29, f == null ? null : f.residenceStatus().toTagged());
        setText(ps, 30, f == null ? null : f.periodOfStay());
        setDate(ps, 31, f == null ? null : f.stayExpiresOn().orElse(null));
        setText(ps, 32, f == null ? null : f.residenceCardNumber());
        ps.setLong(33, r.version());
    }

    private static void bindTax(PreparedStatement ps, String code, TaxRecord t) throws SQLException {
        ps.setString(1, code);
        ps.setString(2, t.person().value());
        ps.setInt(3, t.fiscalYear());
        ps.setBoolean(4, t.residentOnJanuary1());
        ps.setString(5, t.addressOnJanuary1().toTagged());
        ps.setBoolean(6, t.filed());
        ps.setLong(7, t.taxableIncome());
        ps.setLong(8, t.incomeLevy());
        ps.setLong(9, t.perCapitaLevy());
        ps.setString(10, Json.incomes(t.incomes()));
        ps.setString(11, Json.deductions(t.deductions()));
        ps.setString(12, Json.dependants(t.dependants()));
        ps.setLong(13, t.version());
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, value);
        }
    }

    /** Binds one row; {@code index} is the row's position in the source's list. */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement statement, T row, int index) throws SQLException;
    }

    /**
     * Inserts the rows in JDBC batches of {@link #BATCH_SIZE} inside the handle's transaction. Plain JDBC
     * rather than JDBI's {@code PreparedBatch}: JDBI resolves an argument factory for every bound value,
     * which tripled the CPU time of a 300,000-resident load.
     *
     * @param commitEachBatch commit after every batch (the chunked first load), else leave it to the caller
     */
    private static <T> void insertAll(Handle h, String sql, List<T> rows, RowBinder<T> binder, boolean commitEachBatch) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                binder.bind(ps, rows.get(i), i);
                ps.addBatch();
                if ((i + 1) % BATCH_SIZE == 0) {
                    ps.executeBatch();
                    if (commitEachBatch) {
                        h.getConnection().commit();
                    }
                }
            }
            if (rows.size() % BATCH_SIZE != 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            // no statement context: the message must not carry the bound values (personal data)
            throw new UnableToExecuteStatementException("bulk insert of " + rows.size() + " rows failed", e, null);
        }
    }

    // ---- deltas -------------------------------------------------------------------------------------------

    @Override
    public DeltaResult applyDelta(LocalGovernmentCode tenant, BatchManifest manifest, ReplicaContent upserts,
                                  Deletions deletions) {
        if (!manifest.tenant().equals(tenant)) {
            throw new IllegalArgumentException("a manifest of tenant " + manifest.tenant() + " was given for " + tenant);
        }
        if (manifest.kind() != BatchKind.DELTA) {
            throw new IllegalArgumentException("applyDelta takes delta batches, not " + manifest.kind().wireName());
        }
        String code = tenant.value();
        SourceSystem source = manifest.source();
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
                if (!advanceSequence(h, code, manifest)) {
                    h.rollback();
                    return new OutOfSequence(storedSequence(h, code, source));
                }
                long[] counts = new long[3];
                try (Statements st = new Statements(h.getConnection())) {
                    if (source == SourceSystem.JUKIKI) {
                        applyJukiki(st, code, upserts, deletions, counts);
                    } else {
                        for (Deletions.TaxKey k : deletions.taxRecords()) {
                            counts[2] += st.deleteKey(code, "tax_records", "person_key = ? AND fiscal_year = ?",
                                    k.person().value(), k.fiscalYear());
                        }
                        for (TaxRecord t : upserts.taxRecords()) {
                            st.upsert(code, "tax_records", "person_key = ? AND fiscal_year = ?", t.version(), counts,
                                    () -> st.insert(INSERT_TAX, ps -> bindTax(ps, code, t)),
                                    t.person().value(), t.fiscalYear());
                        }
                    }
                } catch (SQLException e) {
                    // no statement context: the message must not carry the bound values (personal data)
                    throw new UnableToExecuteStatementException("applying a delta failed", e, null);
                }
                return new Applied(counts[0], counts[1], counts[2]);
            });
        } catch (StatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                // a concurrent first delta inserted the sync_state row before us
                return new OutOfSequence(lastAppliedSequence(tenant, source));
            }
            throw e;
        }
    }

    private static void applyJukiki(Statements st, String code, ReplicaContent upserts, Deletions deletions, long[] counts)
            throws SQLException {
        for (PersonKey k : deletions.residents()) {
            counts[2] += st.deleteKey(code, "residents", "person_key = ?", k.value());
        }
        for (HouseholdId k : deletions.households()) {
            counts[2] += st.deleteKey(code, "households", "household_id = ?", k.value());
        }
        for (Deletions.SealKey k : deletions.seals()) {
            counts[2] += st.deleteKey(code, "seal_registrations", "person_key = ? AND registration_number = ?",
                    k.person().value(), k.registrationNumber());
        }
        for (Deletions.FlagKey k : deletions.suppressionFlags()) {
            counts[2] += st.deleteKey(code, "suppression_flags", "person_key = ? AND kind = ? AND valid_from = ?",
                    k.person().value(), k.kind().name(), k.from());
        }
        for (Deletions.CardKey k : deletions.cardholders()) {
            counts[2] += st.deleteKey(code, "cardholder_links", "issuer = ? AND serial = ?",
                    k.issuer(), k.serial().toString());
        }
        for (Resident r : upserts.residents()) {
            // a replaced resident keeps its place in the household; a new one goes last
            PreparedStatement orderQuery = st.get("SELECT COALESCE(MAX(CASE WHEN person_key = ? THEN member_order END), "
                    + "MAX(member_order) + 1, 0) FROM residents WHERE tenant_code = ? AND household_id = ?");
            orderQuery.setString(1, r.key().value());
            orderQuery.setString(2, code);
            orderQuery.setString(3, r.household().value());
            int order;
            try (ResultSet rs = orderQuery.executeQuery()) {
                rs.next();
                order = rs.getInt(1);
            }
            st.upsert(code, "residents", "person_key = ?", r.version(), counts,
                    () -> st.insert(INSERT_RESIDENT, ps -> bindResident(ps, code, r, order)), r.key().value());
        }
        for (Household hh : upserts.households()) {
            st.upsert(code, "households", "household_id = ?", hh.version(), counts,
                    () -> st.insert(INSERT_HOUSEHOLD, ps -> bindHousehold(ps, code, hh)), hh.id().value());
        }
        for (SealRegistration s : upserts.seals()) {
            st.upsert(code, "seal_registrations", "person_key = ? AND registration_number = ?", s.version(), counts,
                    () -> st.insert(INSERT_SEAL, ps -> bindSeal(ps, code, s)), s.person().value(), s.registrationNumber());
        }
        for (SuppressionFlag f : upserts.suppressionFlags()) {
            st.upsert(code, "suppression_flags", "person_key = ? AND kind = ? AND valid_from = ?", f.version(), counts,
                    () -> st.insert(INSERT_FLAG, ps -> bindFlag(ps, code, f)), f.person().value(), f.kind().name(), f.from());
        }
        for (jp.kofu.core.replica.domain.CardholderLink c : upserts.cardholders()) {
            st.upsert(code, "cardholder_links", "issuer = ? AND serial = ?", c.version(), counts,
                    () -> st.insert(INSERT_CARDHOLDER, ps -> bindCardholder(ps, code, c)), c.issuer(), c.serial().toString());
        }
    }

    /**
     * The prepared statements of one delta transaction, each prepared once and reused for every record: a
     * 1,000-record delta runs a few thousand statements, and preparing each anew (as a JDBI query per
     * record did) cost most of its time. Table names and key clauses are constants of this class; only
     * values are bound.
     */
    private static final class Statements implements AutoCloseable {

        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement get(String sql) throws SQLException {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            return ps;
        }

        private PreparedStatement keyed(String sql, String code, Object... key) throws SQLException {
            PreparedStatement ps = get(sql);
            ps.setString(1, code);
            for (int i = 0; i < key.length; i++) {
                ps.setObject(i + 2, key[i]);
            }
            return ps;
        }

        int deleteKey(String code, String table, String keyWhere, Object... key) throws SQLException {
            return keyed("DELETE FROM " + table + " WHERE tenant_code = ? AND " + keyWhere, code, key).executeUpdate();
        }

        void insert(String sql, Binder binder) throws SQLException {
            PreparedStatement ps = get(sql);
            binder.bind(ps);
            ps.executeUpdate();
        }

        /** Replaces the row with the key unless the stored one has a higher version (then counts it ignored). */
        void upsert(String code, String table, String keyWhere, long version, long[] counts, Insert insert,
                    Object... key) throws SQLException {
            OptionalLong stored = OptionalLong.empty();
            try (ResultSet rs = keyed("SELECT record_version FROM " + table + " WHERE tenant_code = ? AND " + keyWhere,
                    code, key).executeQuery()) {
                if (rs.next()) {
                    stored = OptionalLong.of(rs.getLong(1));
                }
            }
            if (stored.isPresent() && stored.getAsLong() > version) {
                counts[1]++;
                return;
            }
            if (stored.isPresent()) {
                deleteKey(code, table, keyWhere, key);
            }
            insert.run();
            counts[0]++;
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (PreparedStatement ps : prepared.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }

        @FunctionalInterface
        interface Binder {
            void bind(PreparedStatement ps) throws SQLException;
        }

        @FunctionalInterface
        interface Insert {
            void run() throws SQLException;
        }
    }

    /**
     * Moves the stream from {@code sequence - 1} to {@code sequence}; false (and nothing changed) when the
     * stored sequence is another. The conditional update takes the row lock first, so that of two
     * concurrent appliers the second waits, re-reads the committed row and updates nothing.
     */
    private static boolean advanceSequence(Handle h, String code, BatchManifest m) {
        int updated = h.createUpdate("UPDATE sync_state SET last_sequence = ?, applied_at = CURRENT_TIMESTAMP "
                        + "WHERE tenant_code = ? AND source_system = ? AND last_sequence = ?")
                .bind(0, m.sequence()).bind(1, code).bind(2, m.source().wireName()).bind(3, m.sequence() - 1)
                .execute();
        if (updated == 1) {
            return true;
        }
        if (m.sequence() != 1 || storedSequence(h, code, m.source()).isPresent()) {
            return false;
        }
        h.createUpdate("INSERT INTO sync_state (tenant_code, source_system, last_sequence, applied_at) "
                        + "VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
                .bind(0, code).bind(1, m.source().wireName()).bind(2, m.sequence())
                .execute();
        return true;
    }

    private static OptionalLong storedSequence(Handle h, String code, SourceSystem source) {
        return h.createQuery("SELECT last_sequence FROM sync_state WHERE tenant_code = ? AND source_system = ?")
                .bind(0, code).bind(1, source.wireName())
                .mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    @Override
    public OptionalLong lastAppliedSequence(LocalGovernmentCode tenant, SourceSystem source) {
        Optional<Long> sequence = jdbi.withHandle(h -> h.createQuery(
                        "SELECT last_sequence FROM sync_state WHERE tenant_code = :tenant AND source_system = :source")
                .bind("tenant", tenant.value()).bind("source", source.wireName())
                .mapTo(Long.class)
                .findOne());
        return sequence.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }
}
