package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aCardholder;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aSuppressionFlag;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The behaviour every replica (証明用データベース) must have, read through {@link ReplicaReadPort} and written
 * through {@link ReplicaWritePort}. Subclass it once per implementation and return a fresh, empty replica
 * from {@link #newReplica()}.
 *
 * <p>Beyond the ports' Javadoc, this pins down:
 * <ul>
 *   <li>{@code replaceAll} takes full batches of the given tenant, at most one per source, and content only
 *       of those sources; anything else is an {@link IllegalArgumentException} and changes nothing. The
 *       resident-record system (jukiki) owns residents, households, seals, suppression flags and
 *       cardholders; the tax system owns tax records.</li>
 *   <li>Content with a duplicate key (宛名番号 for residents; 宛名番号 + 登録番号 for seals; 宛名番号 + kind +
 *       start for flags; issuer + serial for cardholders; 宛名番号 + 年度 for tax records) is an
 *       {@link IllegalArgumentException} and changes nothing.</li>
 *   <li>{@code seal(key)} of a person with several registrations prefers the registered one, then the
 *       latest 登録日.</li>
 *   <li>A reader never blocks a writer: {@code replaceAll} completes while a snapshot is open, and the
 *       snapshot keeps seeing the data as it was.</li>
 * </ul>
 */
public abstract class ReplicaPortContract {

    /** Both sides of one replica: what the writer writes, the reader reads. */
    public record Replica(ReplicaReadPort reader, ReplicaWritePort writer) {
    }

    /** An empty replica, new for each test. */
    protected abstract Replica newReplica();

    private static final PersonKey P1 = new PersonKey("P0001");
    private static final PersonKey P2 = new PersonKey("P0002");
    private static final PersonKey P3 = new PersonKey("P0003");
    private static final HouseholdId H1 = new HouseholdId("H0001");

    private ReplicaReadPort reader;
    private ReplicaWritePort writer;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void createReplica() {
        Replica replica = newReplica();
        reader = replica.reader();
        writer = replica.writer();
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private void loadJukiki(LocalGovernmentCode tenant, long sequence, ReplicaContent content) {
        writer.replaceAll(tenant, List.of(fullBatch(tenant, SourceSystem.JUKIKI, sequence)), content);
    }

    private void loadTax(LocalGovernmentCode tenant, long sequence, ReplicaContent content) {
        writer.replaceAll(tenant, List.of(fullBatch(tenant, SourceSystem.TAX, sequence)), content);
    }

    private <T> T read(LocalGovernmentCode tenant, Function<ReplicaReadPort.Snapshot, T> work) {
        return reader.read(tenant, work);
    }

    private Optional<Resident> resident(LocalGovernmentCode tenant, PersonKey key) {
        return read(tenant, s -> s.resident(key));
    }

    private List<Resident> members(LocalGovernmentCode tenant, HouseholdId id) {
        return read(tenant, s -> s.members(id));
    }

    private Optional<SealRegistration> seal(LocalGovernmentCode tenant, PersonKey key) {
        return read(tenant, s -> s.seal(key));
    }

    private List<SuppressionFlag> flags(LocalGovernmentCode tenant, PersonKey key) {
        return read(tenant, s -> s.suppressionFlags(key));
    }

    private Optional<TaxRecord> tax(LocalGovernmentCode tenant, PersonKey key, int fiscalYear) {
        return read(tenant, s -> s.tax(key, fiscalYear));
    }

    // ---- round trips ----------------------------------------------------------------------------

    @Test
    void an_empty_replica_finds_nothing() {
        read(KURUME, s -> {
            assertThat(s.resident(P1)).isEmpty();
            assertThat(s.household(H1)).isEmpty();
            assertThat(s.members(H1)).isEmpty();
            assertThat(s.seal(P1)).isEmpty();
            assertThat(s.tax(P1, 2026)).isEmpty();
            assertThat(s.suppressionFlags(P1)).isEmpty();
            assertThat(s.cardholder(CardholderLinkBuilder.JPKI_ISSUER, BigInteger.ONE)).isEmpty();
            return null;
        });
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).isEmpty();
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.TAX)).isEmpty();
    }

    @Test
    void read_returns_what_the_work_returns() {
        loadJukiki(KURUME, 1, replicaContent().with(aResident().withKey("P0001").build()).build());

        PersonKey found = read(KURUME, s -> s.resident(P1).map(Resident::key).orElseThrow());

        assertThat(found).isEqualTo(P1);
    }

    @Test
    void a_resident_with_every_item_filled_comes_back_equal() {
        Resident full = aResident().withKey("P0001").withEveryItemFilled().build();

        loadJukiki(KURUME, 1, replicaContent().with(full).build());

        assertThat(resident(KURUME, P1)).contains(full);
    }

    @Test
    void a_resident_with_only_the_required_items_comes_back_equal() {
        Resident minimal = aResident().withKey("P0001").withRelationship("").build();
        Resident foreign = aResident().withKey("P0002").asForeignResident().build();

        loadJukiki(KURUME, 1, replicaContent().with(minimal, foreign).build());

        assertThat(resident(KURUME, P1)).contains(minimal);
        assertThat(resident(KURUME, P2)).contains(foreign);
    }

    @Test
    void printed_text_keeps_variation_sequences_non_bmp_mj_only_and_vendor_characters() {
        Resident odd = aResident().withKey("P0001").named(Fixtures.everyKindOfCharacter()).build();

        loadJukiki(KURUME, 1, replicaContent().with(odd).build());

        var name = resident(KURUME, P1).orElseThrow().name();
        assertThat(name.toTagged()).isEqualTo("葛\uDB40\uDD00城　\uD842\uDFB7田{MJ037229}{VND:U+E012}");
        assertThat(name.chars()).contains(
                new PrintedChar.VariationSequence(0x845B, 0xE0100),
                new PrintedChar.Ucs(0x20BB7),
                new PrintedChar.MjOnly(new MjId(37229)),
                new PrintedChar.UnidentifiedVendor("U+E012"));
    }

    @Test
    void a_card_is_looked_up_under_the_first_of_its_issuers_names_that_has_it_in_the_tenant_asked() {
        var underJpki = aCardholder().withSerial(77).heldBy("P0001").build();
        var underOldName = aCardholder().issuedBy("CN=old name of the issuer").withSerial(77).heldBy("P0002").build();
        var otherSerial = aCardholder().withSerial(78).heldBy("P0003").build();
        writer.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)),
                replicaContent().with(aResident().withKey("P0001").build(), aResident().withKey("P0002").build(),
                        aResident().withKey("P0003").build()).with(underJpki, underOldName, otherSerial).build());
        writer.replaceAll(CHIYODA, List.of(fullBatch(CHIYODA, SourceSystem.JUKIKI, 1)),
                replicaContent().with(aResident().withKey("P0009").build())
                        .with(aCardholder().withSerial(79).heldBy("P0009").build()).build());
        String jpki = CardholderLinkBuilder.JPKI_ISSUER;
        BigInteger s77 = BigInteger.valueOf(77);

        assertThat(reader.cardholder(KURUME, List.of("CN=unknown", jpki), s77)).contains(P1);
        assertThat(reader.cardholder(KURUME, List.of("CN=old name of the issuer", jpki), s77)).contains(P2);
        assertThat(reader.cardholder(KURUME, List.of(jpki, "CN=old name of the issuer"), s77)).contains(P1);
        assertThat(reader.cardholder(KURUME, List.of(jpki), BigInteger.valueOf(79))).as("another tenant's card")
                .isEmpty();
        assertThat(reader.cardholder(CHIYODA, List.of(jpki), BigInteger.valueOf(79)))
                .contains(new PersonKey("P0009"));
        assertThat(reader.cardholder(KURUME, List.of(), s77)).isEmpty();
        // the same answers as a snapshot's
        assertThat(reader.cardholder(KURUME, List.of(jpki), BigInteger.valueOf(78)))
                .isEqualTo(read(KURUME, snapshot -> snapshot.cardholder(jpki, BigInteger.valueOf(78))));
    }

    @Test
    void the_flags_of_several_people_come_back_person_by_person_in_the_order_asked() {
        var p1Support = aSuppressionFlag().on("P0001").supportMeasure().from(LocalDate.of(2025, 1, 1)).build();
        var p1Stop = aSuppressionFlag().on("P0001").staffStop().from(LocalDate.of(2024, 5, 1))
                .until(LocalDate.of(2024, 6, 30)).version(2).build();
        var p3Stop = aSuppressionFlag().on("P0003").staffStop().from(LocalDate.of(2026, 2, 1)).build();
        var otherTenants = aSuppressionFlag().on("P0002").supportMeasure().from(LocalDate.of(2025, 1, 1)).build();
        writer.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1)),
                replicaContent().with(aResident().withKey("P0001").build(), aResident().withKey("P0002").build(),
                        aResident().withKey("P0003").build()).with(p1Support, p1Stop, p3Stop).build());
        writer.replaceAll(CHIYODA, List.of(fullBatch(CHIYODA, SourceSystem.JUKIKI, 1)),
                replicaContent().with(aResident().withKey("P0002").build()).with(otherTenants).build());

        read(KURUME, s -> {
            // the same flags as asking person by person, in the order of the keys, each person once
            List<SuppressionFlag> oneByOne = new java.util.ArrayList<>(s.suppressionFlags(P3));
            oneByOne.addAll(s.suppressionFlags(P1));
            assertThat(s.suppressionFlags(List.of(P3, P2, P1, P3))).containsExactlyElementsOf(oneByOne);
            assertThat(oneByOne).containsExactlyInAnyOrder(p3Stop, p1Stop, p1Support);
            assertThat(oneByOne.get(0)).as("P0003 asked first").isEqualTo(p3Stop);
            assertThat(s.suppressionFlags(List.of(P2))).isEmpty();
            assertThat(s.suppressionFlags(List.<PersonKey>of())).isEmpty();
            return null;
        });
    }

    @Test
    void households_seals_flags_cardholders_and_tax_records_come_back_equal() {
        var household = aHousehold().withId("H0001").headedBy(Fixtures.KATSURA_WITH_IVS + Fixtures.MJ_ONLY).version(7).build();
        var seal = aSeal().of("P0001").numbered("A-123").registeredAs(Fixtures.TSUCHIYOSHI + Fixtures.UNIDENTIFIED_VENDOR)
                .withImage(new SealImage(Fixtures.tinyPng(), 12.5, 17.25))
                .registeredOn(LocalDate.of(2011, 11, 11)).version(3).build();
        var openFlag = aSuppressionFlag().on("P0001").supportMeasure().from(LocalDate.of(2025, 1, 1)).build();
        var closedFlag = aSuppressionFlag().on("P0001").staffStop().from(LocalDate.of(2024, 5, 1))
                .until(LocalDate.of(2024, 6, 30)).version(2).build();
        BigInteger bigSerial = BigInteger.TWO.pow(150).add(BigInteger.valueOf(12345));
        var card = aCardholder().withSerial(bigSerial).heldBy("P0001").version(9).build();
        TaxRecord tax = aTaxRecord().of("P0001").forFiscalYear(2026)
                .livingOnJanuary1At("福岡県久留米市" + Fixtures.KATSURA_WITH_IVS + "町")
                .withIncome(TaxRecord.IncomeKind.BUSINESS, 1_000_000, -250_000)
                .withDeduction(TaxRecord.DeductionKind.DEPENDANT, 330_000)
                .withDependant("山田　" + Fixtures.TSUCHIYOSHI + "子", "子", false)
                .withDependant("山田　花子", "妻", true)
                .levying(0, 5_000).withTaxableIncome(0).version(4).build();
        TaxRecord minimalTax = aTaxRecord().of("P0002").forFiscalYear(2025).notResidentOnJanuary1().notFiled()
                .livingOnJanuary1At("").withoutIncomes().withoutDeductions().nonTaxable().build();

        writer.replaceAll(KURUME,
                List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1), fullBatch(KURUME, SourceSystem.TAX, 1)),
                replicaContent().with(aResident().withKey("P0001").build()).with(household).with(seal)
                        .with(openFlag, closedFlag).with(card).with(tax, minimalTax).build());

        read(KURUME, s -> {
            assertThat(s.household(H1)).contains(household);
            assertThat(s.seal(P1)).contains(seal);
            assertThat(s.seal(P1).orElseThrow().image().png()).isEqualTo(Fixtures.tinyPng());
            assertThat(s.suppressionFlags(P1)).containsExactlyInAnyOrder(openFlag, closedFlag);
            assertThat(s.cardholder(CardholderLinkBuilder.JPKI_ISSUER, bigSerial)).contains(P1);
            assertThat(s.tax(P1, 2026)).contains(tax);
            assertThat(s.tax(P2, 2025)).contains(minimalTax);
            return null;
        });
    }

    @Test
    void members_come_in_the_sources_order_including_removed_ones() {
        Resident head = aResident().withKey("P0003").inHousehold("H0001").withRelationship("世帯主").build();
        Resident other = aResident().withKey("P0009").inHousehold("H0002").build();
        Resident wife = aResident().withKey("P0001").inHousehold("H0001").withRelationship("妻").build();
        Resident removedChild = aResident().withKey("P0002").inHousehold("H0001").withRelationship("子").removed().build();

        loadJukiki(KURUME, 1, replicaContent().with(head, other, wife, removedChild).build());

        assertThat(members(KURUME, H1)).containsExactly(head, wife, removedChild);
        assertThat(members(KURUME, new HouseholdId("H9999"))).isEmpty();
    }

    @Test
    void the_seal_of_a_person_with_several_registrations_is_the_registered_one_else_the_latest() {
        SealRegistration oldAbolished = aSeal().of("P0001").numbered("1").abolished().registeredOn(LocalDate.of(2001, 1, 1)).build();
        SealRegistration current = aSeal().of("P0001").numbered("2").registeredOn(LocalDate.of(1999, 1, 1)).build();
        SealRegistration newerLost = aSeal().of("P0001").numbered("3").lost().registeredOn(LocalDate.of(2020, 1, 1)).build();
        SealRegistration abolished = aSeal().of("P0002").numbered("4").abolished().registeredOn(LocalDate.of(2005, 1, 1)).build();
        SealRegistration lost = aSeal().of("P0002").numbered("5").lost().registeredOn(LocalDate.of(2015, 1, 1)).build();

        loadJukiki(KURUME, 1, replicaContent().with(oldAbolished, current, newerLost, abolished, lost).build());

        assertThat(seal(KURUME, P1)).contains(current);
        assertThat(seal(KURUME, P2)).contains(lost);
        assertThat(seal(KURUME, P3)).isEmpty();
    }

    @Test
    void tax_records_are_found_by_person_and_fiscal_year() {
        TaxRecord y2025 = aTaxRecord().of("P0001").forFiscalYear(2025).build();
        TaxRecord y2026 = aTaxRecord().of("P0001").forFiscalYear(2026).nonTaxable().build();

        loadTax(KURUME, 1, replicaContent().with(y2025, y2026).build());

        read(KURUME, s -> {
            assertThat(s.tax(P1, 2025)).contains(y2025);
            assertThat(s.tax(P1, 2026)).contains(y2026);
            assertThat(s.tax(P1, 2024)).isEmpty();
            assertThat(s.tax(P2, 2026)).isEmpty();
            return null;
        });
    }

    @Test
    void cardholders_are_found_by_issuer_and_serial() {
        String otherIssuer = "CN=Other CA,O=Example,C=JP";
        loadJukiki(KURUME, 1, replicaContent().with(
                aCardholder().withSerial(42).heldBy("P0001").build(),
                aCardholder().issuedBy(otherIssuer).withSerial(42).heldBy("P0002").build()).build());

        read(KURUME, s -> {
            assertThat(s.cardholder(CardholderLinkBuilder.JPKI_ISSUER, BigInteger.valueOf(42))).contains(P1);
            assertThat(s.cardholder(otherIssuer, BigInteger.valueOf(42))).contains(P2);
            assertThat(s.cardholder(CardholderLinkBuilder.JPKI_ISSUER, BigInteger.valueOf(43))).isEmpty();
            return null;
        });
    }

    @Test
    void suppression_flags_are_those_of_the_person_only() {
        SuppressionFlag mine = aSuppressionFlag().on("P0001").build();
        SuppressionFlag theirs = aSuppressionFlag().on("P0002").staffStop().build();

        loadJukiki(KURUME, 1, replicaContent().with(mine, theirs).build());

        assertThat(flags(KURUME, P1)).containsExactly(mine);
        assertThat(flags(KURUME, P3)).isEmpty();
    }

    @Test
    void many_records_are_all_loaded() {
        int n = 10_007;
        List<Resident> residents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            residents.add(aResident().withKey(String.format("K%06d", i)).inHousehold("H" + i / 3).build());
        }

        loadJukiki(KURUME, 1, new ReplicaContent(residents, List.of(), List.of(), List.of(), List.of(), List.of()));

        read(KURUME, s -> {
            for (int i : new int[] {0, 999, 1000, 4999, 5000, n - 1}) {
                assertThat(s.resident(new PersonKey(String.format("K%06d", i)))).contains(residents.get(i));
            }
            assertThat(s.members(new HouseholdId("H" + (n - 1) / 3))).hasSize((n - 1) % 3 + 1);
            return null;
        });
    }

    // ---- enumeration, for the replica check (照合) -------------------------------------------------

    private <R> List<R> all(LocalGovernmentCode tenant, ReplicaEntity<R> entity) {
        return read(tenant, s -> {
            List<R> out = new ArrayList<>();
            s.forEach(entity, out::add);
            return out;
        });
    }

    @Test
    void every_record_of_every_entity_is_enumerated_equal_and_only_the_tenants_own() {
        Resident r1 = aResident().withKey("P0001").inHousehold("H0001").build();
        Resident r2 = aResident().withKey("P0002").inHousehold("H0001").withRelationship("妻").version(4).build();
        var household = aHousehold().withId("H0001").version(2).build();
        var seal = aSeal().of("P0001").numbered("A-1").withImage(new SealImage(Fixtures.tinyPng(), 15, 15.5)).build();
        var abolished = aSeal().of("P0001").numbered("A-0").abolished().build();
        var flag = aSuppressionFlag().on("P0002").supportMeasure().from(LocalDate.of(2025, 1, 1)).build();
        var card = aCardholder().withSerial(BigInteger.TWO.pow(100)).heldBy("P0002").version(3).build();
        TaxRecord tax = aTaxRecord().of("P0001").forFiscalYear(2026)
                .withIncome(TaxRecord.IncomeKind.PENSION, 2_000_000, 900_000)
                .withIncome(TaxRecord.IncomeKind.SALARY, 3_000_000, 2_000_000)
                .withDependant("山田　" + Fixtures.TSUCHIYOSHI + "子", "子", false)
                .withDependant("山田　花子", "妻", true).build();
        TaxRecord older = aTaxRecord().of("P0001").forFiscalYear(2025).build();
        loadJukiki(KURUME, 4, replicaContent().with(r1, r2).with(household).with(seal, abolished).with(flag)
                .with(card).build());
        loadTax(KURUME, 9, replicaContent().with(tax, older).build());
        loadJukiki(CHIYODA, 1, replicaContent().with(aResident().withKey("P0009").build())
                .with(aSeal().of("P0009").build()).build());

        assertThat(all(KURUME, ReplicaEntity.RESIDENTS)).containsExactlyInAnyOrder(r1, r2);
        assertThat(all(KURUME, ReplicaEntity.HOUSEHOLDS)).containsExactly(household);
        assertThat(all(KURUME, ReplicaEntity.SEALS)).containsExactlyInAnyOrder(seal, abolished);
        assertThat(all(KURUME, ReplicaEntity.SUPPRESSION_FLAGS)).containsExactly(flag);
        assertThat(all(KURUME, ReplicaEntity.CARDHOLDERS)).containsExactly(card);
        assertThat(all(KURUME, ReplicaEntity.TAX_RECORDS)).containsExactlyInAnyOrder(tax, older);
        assertThat(all(KURUME, ReplicaEntity.TAX_RECORDS)).filteredOn(t -> t.fiscalYear() == 2026).singleElement()
                .satisfies(t -> assertThat(t.dependants()).isEqualTo(tax.dependants()));
        assertThat(all(CHIYODA, ReplicaEntity.RESIDENTS)).extracting(Resident::key).containsExactly(new PersonKey("P0009"));
        assertThat(all(CHIYODA, ReplicaEntity.TAX_RECORDS)).isEmpty();
        assertThat(all(CHIYODA, ReplicaEntity.HOUSEHOLDS)).isEmpty();
    }

    @Test
    void the_snapshot_tells_each_sources_applied_sequence() {
        read(KURUME, s -> {
            assertThat(s.appliedSequence(SourceSystem.JUKIKI)).isEmpty();
            assertThat(s.appliedSequence(SourceSystem.TAX)).isEmpty();
            return null;
        });
        loadJukiki(KURUME, 4, replicaContent().with(aResident().build()).build());
        loadTax(CHIYODA, 2, replicaContent().with(aTaxRecord().build()).build());

        read(KURUME, s -> {
            assertThat(s.appliedSequence(SourceSystem.JUKIKI)).hasValue(4);
            assertThat(s.appliedSequence(SourceSystem.TAX)).isEmpty();
            return null;
        });
        read(CHIYODA, s -> {
            assertThat(s.appliedSequence(SourceSystem.TAX)).hasValue(2);
            return null;
        });
    }

    @Test
    void enumerating_many_records_gives_each_once() {
        int n = 10_007;
        List<Resident> residents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            residents.add(aResident().withKey(String.format("K%06d", i)).inHousehold("H" + i / 3).build());
        }
        loadJukiki(KURUME, 1, new ReplicaContent(residents, List.of(), List.of(), List.of(), List.of(), List.of()));

        List<Resident> all = all(KURUME, ReplicaEntity.RESIDENTS);

        assertThat(all).hasSize(n);
        assertThat(all.stream().map(Resident::key).distinct().count()).isEqualTo(n);
        assertThat(all).contains(residents.get(0), residents.get(n - 1));
    }

    // ---- replacing --------------------------------------------------------------------------------

    @Test
    void replace_all_replaces_everything_the_source_held_before() {
        loadJukiki(KURUME, 1, replicaContent()
                .with(aResident().withKey("P0001").build(), aResident().withKey("P0002").named("旧　名").build())
                .with(aHousehold().withId("H0001").build())
                .with(aSeal().of("P0001").build())
                .with(aSuppressionFlag().on("P0001").build())
                .with(aCardholder().withSerial(1).heldBy("P0001").build())
                .build());
        Resident renamed = aResident().withKey("P0002").named("新　名").version(2).build();
        Resident added = aResident().withKey("P0003").build();

        loadJukiki(KURUME, 2, replicaContent().with(renamed, added).build());

        read(KURUME, s -> {
            assertThat(s.resident(P1)).isEmpty();
            assertThat(s.resident(P2)).contains(renamed);
            assertThat(s.resident(P3)).contains(added);
            assertThat(s.household(H1)).isEmpty();
            assertThat(s.seal(P1)).isEmpty();
            assertThat(s.suppressionFlags(P1)).isEmpty();
            assertThat(s.cardholder(CardholderLinkBuilder.JPKI_ISSUER, BigInteger.ONE)).isEmpty();
            return null;
        });
    }

    @Test
    void an_empty_full_batch_empties_the_source() {
        loadJukiki(KURUME, 1, replicaContent().with(aResident().withKey("P0001").build()).build());

        loadJukiki(KURUME, 2, ReplicaContent.empty());

        assertThat(resident(KURUME, P1)).isEmpty();
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(2);
    }

    @Test
    void replacing_one_source_leaves_the_other_sources_entities_alone() {
        Resident resident = aResident().withKey("P0001").build();
        TaxRecord oldTax = aTaxRecord().of("P0001").forFiscalYear(2025).build();
        writer.replaceAll(KURUME,
                List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1), fullBatch(KURUME, SourceSystem.TAX, 1)),
                replicaContent().with(resident).with(oldTax).build());

        TaxRecord newTax = aTaxRecord().of("P0001").forFiscalYear(2026).build();
        loadTax(KURUME, 2, replicaContent().with(newTax).build());

        read(KURUME, s -> {
            assertThat(s.resident(P1)).contains(resident);
            assertThat(s.tax(P1, 2025)).isEmpty();
            assertThat(s.tax(P1, 2026)).contains(newTax);
            return null;
        });

        Resident replaced = aResident().withKey("P0002").build();
        loadJukiki(KURUME, 2, replicaContent().with(replaced).build());

        read(KURUME, s -> {
            assertThat(s.resident(P1)).isEmpty();
            assertThat(s.resident(P2)).contains(replaced);
            assertThat(s.tax(P1, 2026)).contains(newTax);
            return null;
        });
    }

    @Test
    void each_source_remembers_its_last_applied_sequence() {
        loadJukiki(KURUME, 3, ReplicaContent.empty());

        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(3);
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.TAX)).isEmpty();

        writer.replaceAll(KURUME,
                List.of(fullBatch(KURUME, SourceSystem.TAX, 11), fullBatch(KURUME, SourceSystem.JUKIKI, 12)),
                ReplicaContent.empty());

        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(12);
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.TAX)).hasValue(11);
    }

    @Test
    void a_failure_half_way_leaves_the_previous_data_and_sequences() {
        Resident before = aResident().withKey("P0001").named("前　太郎").build();
        TaxRecord taxBefore = aTaxRecord().of("P0001").build();
        writer.replaceAll(KURUME,
                List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 1), fullBatch(KURUME, SourceSystem.TAX, 1)),
                replicaContent().with(before).with(taxBefore).build());
        List<Resident> many = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            many.add(aResident().withKey(String.format("N%05d", i)).build());
        }
        // valid residents first, the duplicate only in the last entity written
        ReplicaContent broken = new ReplicaContent(many, List.of(aHousehold().build()), List.of(), List.of(), List.of(),
                List.of(aTaxRecord().of("P0009").build(), aTaxRecord().of("P0009").build()));

        assertThatThrownBy(() -> writer.replaceAll(KURUME,
                List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 2), fullBatch(KURUME, SourceSystem.TAX, 2)), broken))
                .isInstanceOf(IllegalArgumentException.class);

        read(KURUME, s -> {
            assertThat(s.resident(P1)).contains(before);
            assertThat(s.resident(new PersonKey("N00000"))).isEmpty();
            assertThat(s.household(H1)).isEmpty();
            assertThat(s.tax(P1, 2026)).contains(taxBefore);
            return null;
        });
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(1);
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.TAX)).hasValue(1);
    }

    @Test
    void duplicate_keys_of_any_entity_are_refused_without_changing_anything() {
        Resident before = aResident().withKey("P0001").build();
        loadJukiki(KURUME, 1, replicaContent().with(before).build());
        List<ReplicaContent> duplicates = List.of(
                replicaContent().with(aResident().withKey("P0002").build(), aResident().withKey("P0002").named("別").build()).build(),
                replicaContent().with(aHousehold().build(), aHousehold().headedBy("別").build()).build(),
                replicaContent().with(aSeal().build(), aSeal().registeredAs("別").build()).build(),
                replicaContent().with(aSuppressionFlag().build(), aSuppressionFlag().version(2).build()).build(),
                replicaContent().with(aCardholder().build(), aCardholder().heldBy("P0002").build()).build());

        for (ReplicaContent content : duplicates) {
            assertThatThrownBy(() -> loadJukiki(KURUME, 2, content)).isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(resident(KURUME, P1)).contains(before);
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(1);
    }

    @Test
    void manifests_that_do_not_fit_are_refused_without_changing_anything() {
        Resident before = aResident().withKey("P0001").build();
        loadJukiki(KURUME, 1, replicaContent().with(before).build());
        ReplicaContent residents = replicaContent().with(aResident().withKey("P0002").build()).build();
        BatchManifest delta = new BatchManifest(KURUME, SourceSystem.JUKIKI, 2, BatchKind.DELTA, Instant.EPOCH, List.of());

        assertThatThrownBy(() -> writer.replaceAll(KURUME, List.of(fullBatch(CHIYODA, SourceSystem.JUKIKI, 2)), residents))
                .as("a manifest of another tenant").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.replaceAll(KURUME, List.of(delta), residents))
                .as("a delta batch").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.replaceAll(KURUME,
                List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 2), fullBatch(KURUME, SourceSystem.JUKIKI, 3)), residents))
                .as("two manifests of one source").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.TAX, 2)), residents))
                .as("residents with only a tax manifest").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.replaceAll(KURUME, List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 2)),
                replicaContent().with(aTaxRecord().build()).build()))
                .as("tax records with only a jukiki manifest").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.replaceAll(KURUME, List.of(), ReplicaContent.empty()))
                .as("no manifest").isInstanceOf(IllegalArgumentException.class);

        assertThat(resident(KURUME, P1)).contains(before);
        assertThat(resident(KURUME, P2)).isEmpty();
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(1);
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.TAX)).isEmpty();
    }

    // ---- tenants ----------------------------------------------------------------------------------

    @Test
    void a_tenant_never_sees_another_tenants_records() {
        Resident kurume = aResident().withKey("P0001").named("久留米　太郎").build();
        loadJukiki(KURUME, 5, replicaContent().with(kurume).with(aHousehold().build()).with(aSeal().build())
                .with(aSuppressionFlag().build()).with(aCardholder().withSerial(7).build()).build());
        loadTax(KURUME, 6, replicaContent().with(aTaxRecord().build()).build());

        read(CHIYODA, s -> {
            assertThat(s.resident(P1)).isEmpty();
            assertThat(s.household(H1)).isEmpty();
            assertThat(s.members(H1)).isEmpty();
            assertThat(s.seal(P1)).isEmpty();
            assertThat(s.suppressionFlags(P1)).isEmpty();
            assertThat(s.cardholder(CardholderLinkBuilder.JPKI_ISSUER, BigInteger.valueOf(7))).isEmpty();
            assertThat(s.tax(P1, 2026)).isEmpty();
            return null;
        });
        assertThat(writer.lastAppliedSequence(CHIYODA, SourceSystem.JUKIKI)).isEmpty();

        Resident chiyoda = aResident().withKey("P0001").named("千代田　花子").build();
        loadJukiki(CHIYODA, 1, replicaContent().with(chiyoda).build());

        assertThat(resident(KURUME, P1)).contains(kurume);
        assertThat(resident(CHIYODA, P1)).contains(chiyoda);
        assertThat(seal(KURUME, P1)).isPresent();
        assertThat(tax(KURUME, P1, 2026)).isPresent();
        assertThat(writer.lastAppliedSequence(KURUME, SourceSystem.JUKIKI)).hasValue(5);
        assertThat(writer.lastAppliedSequence(CHIYODA, SourceSystem.JUKIKI)).hasValue(1);
    }

    // ---- snapshots --------------------------------------------------------------------------------

    @Test
    void a_snapshot_cannot_be_used_after_read_returns() {
        loadJukiki(KURUME, 1, replicaContent().with(aResident().withKey("P0001").build()).build());
        AtomicReference<ReplicaReadPort.Snapshot> escaped = new AtomicReference<>();

        reader.read(KURUME, s -> {
            escaped.set(s);
            return null;
        });

        assertThatThrownBy(() -> escaped.get().resident(P1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> escaped.get().members(H1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> escaped.get().tax(P1, 2026)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_exception_of_the_work_reaches_the_caller_unchanged() {
        IllegalStateException failure = new IllegalStateException("renderer failed");

        assertThatThrownBy(() -> reader.read(KURUME, s -> {
            s.resident(P1);
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void a_snapshot_does_not_see_a_batch_applied_while_it_is_open() throws Exception {
        loadJukiki(KURUME, 1, replicaContent()
                .with(aResident().withKey("P0001").inHousehold("H0001").named("旧　太郎").build())
                .with(aHousehold().withId("H0001").headedBy("旧　太郎").build())
                .build());
        loadTax(KURUME, 1, replicaContent().with(aTaxRecord().of("P0001").levying(1, 1).build()).build());
        CountDownLatch readerHasBegun = new CountDownLatch(1);
        CountDownLatch batchApplied = new CountDownLatch(1);

        Future<List<Object>> seen = pool.submit(() -> reader.read(KURUME, s -> {
            String nameBefore = s.resident(P1).orElseThrow().name().toTagged();
            readerHasBegun.countDown();
            awaitOrFail(batchApplied);
            return List.of(nameBefore,
                    s.resident(P1).orElseThrow().name().toTagged(),
                    s.household(H1).orElseThrow().headName().toTagged(),
                    s.members(H1).size(),
                    s.resident(P2).isPresent(),
                    s.tax(P1, 2026).orElseThrow().incomeLevy());
        }));
        awaitOrFail(readerHasBegun);
        Future<?> batch = pool.submit(() -> writer.replaceAll(KURUME,
                List.of(fullBatch(KURUME, SourceSystem.JUKIKI, 2), fullBatch(KURUME, SourceSystem.TAX, 2)),
                replicaContent()
                        .with(aResident().withKey("P0001").inHousehold("H0001").named("新　太郎").build(),
                                aResident().withKey("P0002").inHousehold("H0001").build())
                        .with(aHousehold().withId("H0001").headedBy("新　太郎").build())
                        .with(aTaxRecord().of("P0001").levying(2, 2).build())
                        .build()));
        batch.get(30, TimeUnit.SECONDS); // a reader must not hold up the sync
        batchApplied.countDown();

        assertThat(seen.get(30, TimeUnit.SECONDS)).containsExactly("旧　太郎", "旧　太郎", "旧　太郎", 1, false, 1L);
        read(KURUME, s -> {
            assertThat(s.resident(P1).orElseThrow().name().toTagged()).isEqualTo("新　太郎");
            assertThat(s.members(H1)).hasSize(2);
            assertThat(s.tax(P1, 2026).orElseThrow().incomeLevy()).isEqualTo(2);
            return null;
        });
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
