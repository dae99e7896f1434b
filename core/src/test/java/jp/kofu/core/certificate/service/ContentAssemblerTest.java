package jp.kofu.core.certificate.service;

import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.tenant.domain.CertificatePrinting;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.TenantSettings;

/** The content rules (記載事項の編集) per kind, each checked against the tenant's settings and the request. */
class ContentAssemblerTest {

    private static final Attestation ATTESTATION = new Attestation("402036-00000001", LocalDate.of(2026, 11, 26),
            ContentAssembler.JUMINHYO_TEXT, "久留米市長", "原口 新五", "コンビニ交付");
    private static final TenantSettings KURUME = TenantSettings.kurume();
    private static final PrintedText HEAD = PrintedText.plain("久留米　太郎");

    private final Resident head = aResident().withKey("A1").inHousehold("H1").named("久留米　太郎")
            .withRelationship("世帯主").withDomicile("福岡県久留米市城南町15番地", "久留米　一郎")
            .withIndividualNumber("12345678901").withResidentRecordCode("1234567890").build();
    private final Resident wife = aResident().withKey("B2").inHousehold("H1").named("久留米　花子").female()
            .withRelationship("妻").withFormerSurname("筑後", "チクゴ").withAlias("ハナ").build();
    private final Resident removed = aResident().withKey("C3").inHousehold("H1").named("久留米　次郎").removed().build();
    private final List<Resident> household = List.of(head, wife, removed);

    private static CertificateRequest.Juminhyo request(boolean headAndRelationship, boolean domicile, boolean number,
                                                       String... members) {
        return request(headAndRelationship, domicile, number, false, members);
    }

    private static CertificateRequest.Juminhyo request(boolean headAndRelationship, boolean domicile, boolean number,
                                                       boolean foreignItems, String... members) {
        Set<PersonKey> chosen = Set.copyOf(Arrays.stream(members).map(PersonKey::new).toList());
        return new CertificateRequest.Juminhyo(chosen, headAndRelationship, domicile, number, foreignItems, 1);
    }

    private CertificateContent.Juminhyo juminhyo(TenantSettings tenant, CertificateRequest.Juminhyo request) {
        return ContentAssembler.juminhyo(tenant, request, head, HEAD, ContentAssembler.juminhyoPeople(request, household),
                ATTESTATION);
    }

    @Test
    void theWholeHouseholdListsTheCurrentMembersInOrderWithoutTheRemovedOnes() {
        CertificateContent.Juminhyo content = juminhyo(KURUME, request(true, false, false));

        assertThat(content.members()).extracting(m -> m.name().toUnicode()).containsExactly("久留米　太郎", "久留米　花子");
    }

    @Test
    void chosenMembersOnly() {
        CertificateContent.Juminhyo content = juminhyo(KURUME, request(false, false, false, "B2"));

        assertThat(content.members()).extracting(m -> m.name().toUnicode()).containsExactly("久留米　花子");
    }

    @Test
    void householdHeadAndRelationshipOnlyWhenRequested() {
        assertThat(juminhyo(KURUME, request(true, false, false)).householdHead()).isEqualTo(HEAD);
        assertThat(juminhyo(KURUME, request(true, false, false)).members().get(1).relationship().toUnicode())
                .isEqualTo("妻");

        CertificateContent.Juminhyo without = juminhyo(KURUME, request(false, false, false));
        assertThat(without.householdHead().isEmpty()).isTrue();
        assertThat(without.members()).allMatch(m -> m.relationship().isEmpty());
    }

    @Test
    void domicileAndItsHeadOnlyWhenRequested() {
        assertThat(juminhyo(KURUME, request(false, true, false)).members().get(0).domicileHead().toUnicode())
                .isEqualTo("久留米　一郎");
        assertThat(juminhyo(KURUME, request(false, false, false)).members())
                .allMatch(m -> m.domicile().isEmpty() && m.domicileHead().isEmpty());
    }

    @Test
    void theIndividualNumberOnlyWhenRequestedAndTheTenantAllowsIt() {
        TenantSettings forbids = TenantSettings.defaultsFor(LocalGovernmentCode.parse("131016"));

        assertThat(KURUME.individualNumberOnJuminhyo()).isTrue();
        assertThat(juminhyo(KURUME, request(false, false, true)).members().get(0).individualNumber())
                .contains("123456789018");
        assertThat(juminhyo(KURUME, request(false, false, false)).members().get(0).individualNumber()).isEmpty();
        assertThat(forbids.individualNumberOnJuminhyo()).isFalse();
        assertThat(juminhyo(forbids, request(false, false, true)).members().get(0).individualNumber()).isEmpty();
    }

    @Test
    void theResidentRecordCodeIsNeverPartOfTheContent() {
        CertificateContent.Juminhyo content = juminhyo(KURUME, request(true, true, true));

        String code = head.residentRecordCode().orElseThrow().value();
        assertThat(content.texts()).noneMatch(t -> t.toUnicode().contains(code));
        assertThat(content.members()).noneMatch(m -> m.individualNumber().filter(code::equals).isPresent());
        assertThat(CertificateContent.Member.class.getRecordComponents())
                .noneMatch(c -> c.getName().toLowerCase().contains("residentrecordcode"));
    }

    @Test
    void formerSurnameAndAliasWhenRecorded() {
        CertificateContent.Member wifeLine = juminhyo(KURUME, request(false, false, false)).members().get(1);
        CertificateContent.Member headLine = juminhyo(KURUME, request(false, false, false)).members().get(0);

        assertThat(wifeLine.formerSurname().toUnicode()).isEqualTo("筑後");
        assertThat(wifeLine.formerSurnameKana().toUnicode()).isEqualTo("チクゴ");
        assertThat(wifeLine.alias().toUnicode()).isEqualTo("ハナ");
        assertThat(headLine.formerSurname().isEmpty()).isTrue();
        assertThat(headLine.alias().isEmpty()).isTrue();
    }

    @Test
    void emptyItemsPrintTheTenantsBlankMarker() {
        TenantSettings k = KURUME;
        TenantSettings dashes = new TenantSettings(k.code(), k.name(), k.mayorTitle(), k.mayorName(), k.zone(),
                k.hours(), k.fees(), k.enabledKinds(), true, k.minimumAge(), "－", k.kioskMarker(), k.taxYearSwitch());

        assertThat(juminhyo(KURUME, request(false, false, false)).blankMarker()).isEqualTo("【空欄】");
        assertThat(juminhyo(dashes, request(false, false, false)).blankMarker()).isEqualTo("－");
    }

    @Test
    void foreignResidentItemsOnlyWhenChosenAndOnlyForTheForeignResident() {
        Resident foreigner = aResident().withKey("D4").inHousehold("H1").named("WANG　FANG").female()
                .withRelationship("同居人").asForeignResident().build();
        List<Resident> mixed = List.of(head, foreigner);
        CertificateRequest.Juminhyo chosen = request(true, false, false, true);
        CertificateRequest.Juminhyo notChosen = request(true, false, false, false);

        CertificateContent.Juminhyo with = ContentAssembler.juminhyo(KURUME, chosen, head, HEAD,
                ContentAssembler.juminhyoPeople(chosen, mixed), ATTESTATION);
        CertificateContent.Juminhyo without = ContentAssembler.juminhyo(KURUME, notChosen, head, HEAD,
                ContentAssembler.juminhyoPeople(notChosen, mixed), ATTESTATION);

        assertThat(with.members().get(1).foreign()).isEqualTo(foreigner.foreign());
        assertThat(with.members().get(1).foreign().orElseThrow().nationality().toUnicode()).isEqualTo("中国");
        assertThat(with.members().get(0).foreign()).as("a Japanese resident has none, chosen or not").isEmpty();
        assertThat(without.members()).allMatch(m -> m.foreign().isEmpty());
        assertThat(without.texts()).noneMatch(t -> t.toUnicode().contains("技術・人文知識・国際業務"));
        assertThat(with.texts()).anyMatch(t -> t.toUnicode().contains("技術・人文知識・国際業務"));
    }

    @Test
    void theInkanPrintsTheRegisteredNameWhereItDiffersFromTheResidentName() {
        Resident foreigner = aResident().withKey("D4").named("WANG　FANG").withAlias("王　芳").asForeignResident()
                .build();
        var katakana = aSeal().of("D4").registeredAs("ワン　ファン").build();
        var alias = aSeal().of("D4").registeredAs("王　芳").build();
        var none = aSeal().of("D4").registeredAs("").build();

        assertThat(ContentAssembler.inkan(KURUME, foreigner, katakana, ATTESTATION).name().toUnicode())
                .isEqualTo("ワン　ファン");
        assertThat(ContentAssembler.inkan(KURUME, foreigner, alias, ATTESTATION).name().toUnicode()).isEqualTo("王　芳");
        assertThat(ContentAssembler.inkan(KURUME, foreigner, none, ATTESTATION).name().toUnicode())
                .as("nothing registered: the resident name").isEqualTo("WANG　FANG");
    }

    @Test
    void theInkanPrintsSexAndRegistrationNumberWhereTheTenantPrintsThem() {
        var seal = aSeal().of("B2").build();

        CertificateContent.Inkan standard = ContentAssembler.inkan(KURUME, wife, seal, ATTESTATION);
        CertificateContent.Inkan neither = ContentAssembler.inkan(
                KURUME.withPrinting(new CertificatePrinting(false, false, 0)), wife, seal, ATTESTATION);

        assertThat(standard.sex()).contains(Sex.FEMALE);
        assertThat(standard.registrationNumber()).contains(seal.registrationNumber());
        assertThat(standard.formerSurname().toUnicode()).isEqualTo("筑後");
        assertThat(standard.seal()).isEqualTo(seal.image());
        assertThat(neither.sex()).isEmpty();
        assertThat(neither.registrationNumber()).isEmpty();
    }

    @Test
    void theTaxCertificateUsesTheAddressOfFirstJanuaryAndMarksNonFilingDependants() {
        var tax = aTaxRecord().of("A1").forFiscalYear(2026).withDependant("久留米　桜", "子", false).build();
        Resident movedSince = aResident().withKey("A1").inHousehold("H1").livingAt("福岡県久留米市東町1番地").build();

        CertificateContent.Shotoku content = ContentAssembler.shotoku(KURUME, movedSince, tax, ATTESTATION);

        assertThat(content.address()).isEqualTo(tax.addressOnJanuary1());
        assertThat(content.address().toUnicode()).isNotEqualTo("福岡県久留米市東町1番地");
        assertThat(content.dependants()).anyMatch(d -> d.name().toUnicode().equals("久留米　桜") && !d.filed());
        assertThat(content.title()).isEqualTo("所得課税証明書");
    }

    @Test
    void noTaxMakesTheNonTaxableCertificate() {
        var tax = aTaxRecord().of("A1").forFiscalYear(2026).nonTaxable().build();

        assertThat(ContentAssembler.shotoku(KURUME, head, tax, ATTESTATION).title()).isEqualTo("非課税証明書");
    }

    @Test
    void withoutAJanuary1AddressTheBlankMarkerPrintsUnlessTheCurrentAddressWasTakenUpByJanuary1() {
        var tax = aTaxRecord().of("A1").forFiscalYear(2026).withoutAddressOnJanuary1().build();
        String current = "福岡県久留米市東町1番地";
        Resident unknownSince = aResident().withKey("A1").livingAt(current).build();
        Resident movedInAfter = aResident().withKey("A1").livingAt(current).addressSetOn(LocalDate.of(2026, 1, 2))
                .build();
        Resident onJanuary1 = aResident().withKey("A1").livingAt(current).addressSetOn(LocalDate.of(2026, 1, 1)).build();
        Resident longBefore = aResident().withKey("A1").livingAt(current).addressSetOn(LocalDate.of(2019, 6, 30))
                .build();
        TenantSettings k = KURUME;
        TenantSettings dashes = new TenantSettings(k.code(), k.name(), k.mayorTitle(), k.mayorName(), k.zone(),
                k.hours(), k.fees(), k.enabledKinds(), true, k.minimumAge(), "－", k.kioskMarker(), k.taxYearSwitch());

        assertThat(ContentAssembler.shotoku(KURUME, unknownSince, tax, ATTESTATION).address().toUnicode())
                .as("no date of the current address: it may be a later one").isEqualTo("【空欄】");
        assertThat(ContentAssembler.shotoku(KURUME, movedInAfter, tax, ATTESTATION).address().toUnicode())
                .as("taken up after 1 January").isEqualTo("【空欄】");
        assertThat(ContentAssembler.shotoku(dashes, movedInAfter, tax, ATTESTATION).address().toUnicode())
                .as("the tenant's own blank marker").isEqualTo("－");
        assertThat(ContentAssembler.shotoku(KURUME, onJanuary1, tax, ATTESTATION).address().toUnicode())
                .as("taken up on 1 January itself").isEqualTo(current);
        assertThat(ContentAssembler.shotoku(KURUME, longBefore, tax, ATTESTATION).address().toUnicode())
                .isEqualTo(current);
    }

    @Test
    void theTaxRecordsJanuary1AddressWinsOverTheCurrentOneWhateverItsDate() {
        var tax = aTaxRecord().of("A1").forFiscalYear(2026).livingOnJanuary1At("福岡県久留米市城南町15番地3").build();
        Resident longBefore = aResident().withKey("A1").livingAt("福岡県久留米市東町1番地")
                .addressSetOn(LocalDate.of(2019, 6, 30)).build();

        assertThat(ContentAssembler.shotoku(KURUME, longBefore, tax, ATTESTATION).address().toUnicode())
                .isEqualTo("福岡県久留米市城南町15番地3");
    }
}
