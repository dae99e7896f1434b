package jp.kofu.core.testing;

import static jp.kofu.core.testing.Fixtures.CHIYODA;
import static jp.kofu.core.testing.Fixtures.KURUME;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static jp.kofu.core.testing.Fixtures.fullBatch;
import static jp.kofu.core.testing.Fixtures.replicaContent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort.Reconversion;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort.TextItem;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The behaviour every {@link ReplicaTextPort} must have over its replica. Subclass it once per
 * implementation and return a fresh, empty replica from {@link #newReplica()}: the writer to load data, the
 * reader to see the result, and the text port under test, all over the same store.
 *
 * <p>Beyond the port's Javadoc, this pins down: every item of every record kind is visited with its field,
 * holder and person (foreign-resident items and tax dependants included, empty items never); a
 * re-conversion rewrites exactly the items holding a mapped code (other items, keys and record versions
 * stay as they were) and reports persons, households and items; tenants are isolated.
 */
public abstract class ReplicaTextPortContract {

    /** The three faces of one replica. */
    public record Replica(ReplicaWritePort writer, ReplicaReadPort reader, ReplicaTextPort texts) {
    }

    protected abstract Replica newReplica();

    private static final PrintedChar KATSURA = new PrintedChar.VariationSequence(0x845B, 0xE0102);
    private static final CorrespondenceTable MAPS_E012 = new CorrespondenceTable(1, Map.of("U+E012", KATSURA));

    /** A resident with vendor codes in the name, the address and a foreign item; a plain second resident. */
    private static ReplicaContent town() {
        Resident withCodes = aResident().withKey("P0001").inHousehold("H0001").named("{VND:U+E012}西　花子")
                .livingAt("福岡県久留米市{VND:U+E013}町1番地").asForeignResident().version(7).build();
        Resident foreign = new Resident(withCodes.key(), withCodes.household(), withCodes.name(), withCodes.nameKana(),
                withCodes.formerSurname(), withCodes.formerSurnameKana(), withCodes.alias(), withCodes.birthDate(),
                withCodes.sex(), withCodes.relationship(), withCodes.address(), withCodes.addressSupplement(),
                withCodes.domicile(), withCodes.domicileHead(), withCodes.becameResidentOn(), withCodes.addressSetOn(),
                withCodes.notifiedOn(), withCodes.addressBeforeMoveIn(), withCodes.addressBeforeChange(),
                withCodes.entryReason(), withCodes.individualNumber(), withCodes.residentRecordCode(),
                withCodes.status(), withCodes.foreign().map(f -> new ForeignResidentItems(
                        PrintedText.parse("国{VND:U+E012}"), f.becameForeignResidentOn(), f.article30_45Category(),
                        f.residenceStatus(), f.periodOfStay(), f.stayExpiresOn(), f.residenceCardNumber())),
                withCodes.version());
        return replicaContent()
                .with(foreign, aResident().withKey("P0002").inHousehold("H0002").named("久留米　太郎").build())
                .with(aHousehold().withId("H0001").headedBy("{VND:U+E012}西　花子").build(),
                        aHousehold().withId("H0002").headedBy("久留米　太郎").build())
                .with(aSeal().of("P0001").registeredAs("{VND:U+E012}西").build())
                .build();
    }

    private static ReplicaContent taxes() {
        return replicaContent()
                .with(aTaxRecord().of("P0001").livingOnJanuary1At("久留米市{VND:U+E012}町")
                                .withDependant("{VND:U+E012}西　一郎", "子", true).withDependant("葛西　二郎", "子", false)
                                .version(9).build(),
                        aTaxRecord().of("P0002").build())
                .build();
    }

    private Replica load(LocalGovernmentCode tenant) {
        Replica r = newReplica();
        r.writer().replaceAll(tenant, List.of(fullBatch(tenant, SourceSystem.JUKIKI, 1)), town());
        r.writer().replaceAll(tenant, List.of(fullBatch(tenant, SourceSystem.TAX, 1)), taxes());
        return r;
    }

    private static List<TextItem> items(Replica r, boolean onlyUnidentified) {
        List<TextItem> items = new ArrayList<>();
        r.texts().forEachText(KURUME, onlyUnidentified, items::add);
        return items;
    }

    @Test
    void everyNonEmptyTextItemIsVisitedWithItsFieldHolderAndPerson() {
        Replica r = load(KURUME);

        List<TextItem> items = items(r, false);

        assertThat(items).anySatisfy(i -> {
            assertThat(i.field()).isEqualTo(TextField.RESIDENT_NAME);
            assertThat(i.holder()).isEqualTo("P0001");
            assertThat(i.person()).contains(new PersonKey("P0001"));
            assertThat(i.text()).isEqualTo(PrintedText.parse("{VND:U+E012}西　花子"));
        });
        assertThat(items).anySatisfy(i -> {
            assertThat(i.field()).isEqualTo(TextField.HOUSEHOLD_HEAD_NAME);
            assertThat(i.holder()).isEqualTo("H0001");
            assertThat(i.person()).isEmpty();
        });
        assertThat(items).extracting(TextItem::field).contains(TextField.RESIDENT_ADDRESS, TextField.RESIDENT_NATIONALITY,
                TextField.RESIDENT_RESIDENCE_STATUS, TextField.RESIDENT_RELATIONSHIP, TextField.SEAL_REGISTERED_NAME,
                TextField.TAX_ADDRESS_ON_JANUARY_1, TextField.TAX_DEPENDANT_NAME);
        assertThat(items).filteredOn(i -> i.field() == TextField.TAX_DEPENDANT_NAME).hasSize(2)
                .allSatisfy(i -> assertThat(i.person()).contains(new PersonKey("P0001")));
        assertThat(items).noneMatch(i -> i.text().isEmpty());
        assertThat(items).noneMatch(i -> i.field() == TextField.RESIDENT_FORMER_SURNAME);
    }

    @Test
    void onlyItemsWithUnidentifiedCharactersAreVisitedWhenAsked() {
        Replica r = load(KURUME);

        List<TextItem> items = items(r, true);

        assertThat(items).allMatch(i -> i.text().hasUnidentified());
        assertThat(items).extracting(TextItem::field).containsExactlyInAnyOrder(TextField.RESIDENT_NAME,
                TextField.RESIDENT_ADDRESS, TextField.RESIDENT_NATIONALITY, TextField.HOUSEHOLD_HEAD_NAME,
                TextField.SEAL_REGISTERED_NAME, TextField.TAX_ADDRESS_ON_JANUARY_1, TextField.TAX_DEPENDANT_NAME);
    }

    @Test
    void reconversionRewritesExactlyTheItemsHoldingAMappedCode() {
        Replica r = load(KURUME);

        Reconversion done = r.texts().reconvert(KURUME, MAPS_E012);

        assertThat(done.persons()).containsExactly(new PersonKey("P0001"));
        assertThat(done.households()).isEqualTo(1);
        // name, nationality, head name, seal name, tax address, one dependant; the address holds only the
        // unmapped U+E013 and is not rewritten
        assertThat(done.items()).isEqualTo(6);
        Resident p1 = r.reader().read(KURUME, s -> s.resident(new PersonKey("P0001"))).orElseThrow();
        assertThat(p1.name().chars().get(0)).isEqualTo(KATSURA);
        assertThat(p1.foreign().orElseThrow().nationality()).isEqualTo(PrintedText.of(List.of(PrintedChar.Ucs.of('国'), KATSURA)));
        assertThat(p1.address()).isEqualTo(PrintedText.parse("福岡県久留米市{VND:U+E013}町1番地"));
        assertThat(p1.version()).isEqualTo(7);
        assertThat(p1.key()).isEqualTo(new PersonKey("P0001"));
        assertThat(r.reader().read(KURUME, s -> s.household(new HouseholdId("H0001"))).orElseThrow().headName()
                .chars().get(0)).isEqualTo(KATSURA);
        assertThat(r.reader().read(KURUME, s -> s.seal(new PersonKey("P0001"))).orElseThrow().registeredName())
                .isEqualTo(PrintedText.of(List.of(KATSURA, PrintedChar.Ucs.of('西'))));
        TaxRecord tax = r.reader().read(KURUME, s -> s.tax(new PersonKey("P0001"), 2026)).orElseThrow();
        assertThat(tax.addressOnJanuary1().chars()).contains(KATSURA);
        assertThat(tax.dependants().get(0).name().chars().get(0)).isEqualTo(KATSURA);
        assertThat(tax.dependants().get(1).name()).isEqualTo(PrintedText.plain("葛西　二郎"));
        assertThat(tax.dependants().get(1).filed()).isFalse();
        assertThat(tax.version()).isEqualTo(9);
        assertThat(r.reader().read(KURUME, s -> s.resident(new PersonKey("P0002"))).orElseThrow().name())
                .isEqualTo(PrintedText.plain("久留米　太郎"));
    }

    @Test
    void aTableMappingNoCodeInTheReplicaChangesNothing() {
        Replica r = load(KURUME);
        List<TextItem> before = items(r, false);

        Reconversion done = r.texts().reconvert(KURUME, new CorrespondenceTable(1, Map.of("U+E099", KATSURA)));

        assertThat(done).isEqualTo(Reconversion.none());
        assertThat(items(r, false)).extracting(TextItem::text).isEqualTo(before.stream().map(TextItem::text).toList());
    }

    @Test
    void reconversionOfOneTenantLeavesTheOtherAsItWas() {
        Replica r = load(KURUME);
        r.writer().replaceAll(CHIYODA, List.of(fullBatch(CHIYODA, SourceSystem.JUKIKI, 1)), town());

        r.texts().reconvert(KURUME, MAPS_E012);

        Optional<Resident> other = r.reader().read(CHIYODA, s -> s.resident(new PersonKey("P0001")));
        assertThat(other.orElseThrow().name()).isEqualTo(PrintedText.parse("{VND:U+E012}西　花子"));
        List<TextItem> chiyoda = new ArrayList<>();
        r.texts().forEachText(CHIYODA, true, chiyoda::add);
        assertThat(chiyoda).isNotEmpty();
    }
}
