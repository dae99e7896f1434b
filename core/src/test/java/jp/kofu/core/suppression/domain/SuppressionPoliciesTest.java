package jp.kofu.core.suppression.domain;

import static jp.kofu.core.suppression.domain.RefusalReason.*;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aSuppressionFlag;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.domain.TestMode;

/** The suppression table: one row per situation, with every refusal it must give (none: allowed). */
class SuppressionPoliciesTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 26, 12, 0);
    private static final LocalDate TODAY = NOON.toLocalDate();
    private static final IssuanceChannel STORE = new IssuanceChannel("0001234", "40");

    /** A situation: built from a default adult applying at a store at noon, then changed. */
    record Case(CertificateRequest request, Resident applicant, List<Resident> others, List<SuppressionFlag> flags,
                Optional<SealRegistration> seal, Optional<TaxRecord> tax, LocalDateTime now, boolean maintenance,
                IssuanceChannel channel, TenantSettings tenant) {

        static Case of(CertificateKind kind) {
            return new Case(CertificateRequest.defaultFor(kind),
                    aResident().withKey("A1").inHousehold("H1").born(LocalDate.of(1980, 5, 5)).build(), List.of(),
                    List.of(), Optional.of(aSeal().of("A1").build()), Optional.of(aTaxRecord().of("A1").forFiscalYear(2026).build()),
                    NOON, false, STORE, TenantSettings.kurume());
        }

        Case applicant(UnaryOperator<jp.kofu.core.testing.ResidentBuilder> change) {
            return new Case(request, change.apply(aResident().withKey("A1").inHousehold("H1").born(LocalDate.of(1980, 5, 5))).build(),
                    others, flags, seal, tax, now, maintenance, channel, tenant);
        }

        Case other(Resident r) {
            List<Resident> all = new ArrayList<>(others);
            all.add(r);
            return new Case(request, applicant, all, flags, seal, tax, now, maintenance, channel, tenant);
        }

        Case flag(SuppressionFlag f) {
            List<SuppressionFlag> all = new ArrayList<>(flags);
            all.add(f);
            return new Case(request, applicant, others, all, seal, tax, now, maintenance, channel, tenant);
        }

        Case seal(SealRegistration s) {
            return new Case(request, applicant, others, flags, Optional.ofNullable(s), tax, now, maintenance, channel, tenant);
        }

        Case tax(TaxRecord t) {
            return new Case(request, applicant, others, flags, seal, Optional.ofNullable(t), now, maintenance, channel, tenant);
        }

        Case at(LocalDateTime t) {
            return new Case(request, applicant, others, flags, seal, tax, t, maintenance, channel, tenant);
        }

        Case inMaintenance() {
            return new Case(request, applicant, others, flags, seal, tax, now, true, channel, tenant);
        }

        Case fromCommandLine() {
            return new Case(request, applicant, others, flags, seal, tax, now, maintenance, IssuanceChannel.commandLine(), tenant);
        }

        Case tenant(TenantSettings t) {
            return new Case(request, applicant, others, flags, seal, tax, now, maintenance, channel, t);
        }

        SuppressionContext context() {
            List<Resident> people = new ArrayList<>();
            people.add(applicant);
            people.addAll(others);
            return new SuppressionContext(tenant, request, applicant, people, flags, seal, tax, OptionalInt.of(2026), now,
                    maintenance, channel);
        }
    }

    static Stream<Arguments> table() {
        Case j = Case.of(CertificateKind.JUMINHYO);
        Case i = Case.of(CertificateKind.INKAN);
        Case s = Case.of(CertificateKind.SHOTOKU);
        SuppressionFlag support = aSuppressionFlag().on("A1").supportMeasure().from(TODAY.minusYears(1)).build();
        SuppressionFlag supportEnded = aSuppressionFlag().on("A1").supportMeasure().from(TODAY.minusYears(2)).until(TODAY.minusDays(1)).build();
        SuppressionFlag supportFuture = aSuppressionFlag().on("A1").supportMeasure().from(TODAY.plusDays(1)).build();
        SuppressionFlag supportEndsToday = aSuppressionFlag().on("A1").supportMeasure().from(TODAY.minusYears(1)).until(TODAY).build();
        SuppressionFlag staff = aSuppressionFlag().on("A1").staffStop().from(TODAY).build();
        SuppressionFlag supportOnSpouse = aSuppressionFlag().on("B2").supportMeasure().from(TODAY.minusYears(1)).build();
        Resident spouse = aResident().withKey("B2").inHousehold("H1").born(LocalDate.of(1982, 1, 1)).build();
        Resident spouseWithVendorChar = aResident().withKey("B2").inHousehold("H1").named("花{VND:U+E012}").build();
        TenantSettings kurume = TenantSettings.kurume();
        TenantSettings onlyJuminhyo = new TenantSettings(kurume.code(), kurume.name(), kurume.mayorTitle(), kurume.mayorName(),
                kurume.zone(), kurume.hours(), kurume.fees(), Set.of(CertificateKind.JUMINHYO), true, kurume.minimumAge(),
                null, null, null);
        TenantSettings juminhyoFrom15 = new TenantSettings(kurume.code(), kurume.name(), kurume.mayorTitle(), kurume.mayorName(),
                kurume.zone(), kurume.hours(), kurume.fees(), kurume.enabledKinds(), true,
                java.util.Map.of(CertificateKind.JUMINHYO, 15, CertificateKind.INKAN, 15), null, null, null);
        TenantSettings switchWindow = kurume.withPrinting(new jp.kofu.core.tenant.domain.CertificatePrinting(true, true, 14));
        return Stream.of(
                row("an adult asks for a 住民票 at noon", j),
                row("an adult asks for a 印鑑登録証明書 at noon", i),
                row("an adult asks for a 所得課税証明書 at noon", s),
                row("支援措置 in force stops a 住民票", j.flag(support), SUPPORT_MEASURE),
                row("支援措置 in force stops a 印鑑", i.flag(support), SUPPORT_MEASURE),
                row("支援措置 in force stops a 所得", s.flag(support), SUPPORT_MEASURE),
                row("支援措置 that ended yesterday stops nothing", j.flag(supportEnded)),
                row("支援措置 that starts tomorrow stops nothing yet", j.flag(supportFuture)),
                row("支援措置 ending today is still in force", j.flag(supportEndsToday), SUPPORT_MEASURE),
                row("支援措置 on a household member printed on the 住民票", j.other(spouse).flag(supportOnSpouse), SUPPORT_MEASURE),
                row("a staff stop stops a 住民票", j.flag(staff), STAFF_STOP),
                row("a staff stop stops a 印鑑", i.flag(staff), STAFF_STOP),
                row("支援措置 and a staff stop both reported", j.flag(support).flag(staff), SUPPORT_MEASURE, STAFF_STOP),
                row("a removed applicant is refused", j.applicant(b -> b.removed()), REMOVED),
                row("a removed applicant's 印鑑 is refused", i.applicant(b -> b.removed()), REMOVED),
                row("a notified move-out stops a 住民票", j.applicant(b -> b.planningToMoveOut()), MOVE_OUT_PLANNED),
                row("a notified move-out stops a 所得", s.applicant(b -> b.planningToMoveOut()), MOVE_OUT_PLANNED),
                row("a 14-year-old cannot get a 印鑑", i.applicant(b -> b.born(TODAY.minusYears(15).plusDays(1))), UNDER_AGE),
                row("on the 15th birthday a 印鑑 is allowed", i.applicant(b -> b.born(TODAY.minusYears(15)))),
                row("a 14-year-old may get a 住民票 in Kurume", j.applicant(b -> b.born(TODAY.minusYears(14)))),
                row("a 14-year-old cannot get a 住民票 where the town sets 15", j.tenant(juminhyoFrom15)
                        .applicant(b -> b.born(TODAY.minusYears(14))), UNDER_AGE),
                row("no seal registration stops a 印鑑", i.seal(null), NO_SEAL),
                row("an abolished seal stops a 印鑑", i.seal(aSeal().of("A1").abolished().build()), SEAL_ABOLISHED),
                row("a lost registration card stops a 印鑑", i.seal(aSeal().of("A1").lost().build()), SEAL_LOST),
                row("no seal does not matter for a 住民票", j.seal(null)),
                row("no tax record for the year: not determined", s.tax(null), YEAR_NOT_DETERMINED),
                row("in the tax-year switch window the new year is not issued yet", s.tenant(switchWindow)
                        .at(LocalDateTime.of(2026, 6, 15, 12, 0)), YEAR_NOT_DETERMINED),
                row("after the switch window the new year is issued", s.tenant(switchWindow)
                        .at(LocalDateTime.of(2026, 6, 24, 12, 0))),
                row("before the switch day the new year is not issued", s.at(LocalDateTime.of(2026, 6, 9, 12, 0)),
                        YEAR_NOT_DETERMINED),
                row("not resident on 1 January", s.tax(aTaxRecord().of("A1").forFiscalYear(2026).notResidentOnJanuary1().build()),
                        NOT_RESIDENT_ON_JANUARY_1),
                row("no income declaration", s.tax(aTaxRecord().of("A1").forFiscalYear(2026).notFiled().build()), NOT_FILED),
                row("a non-taxable person gets a 非課税証明書", s.tax(aTaxRecord().of("A1").forFiscalYear(2026).nonTaxable().build())),
                row("tax state does not matter for a 住民票", j.tax(null)),
                row("06:29 at a store is out of hours", j.at(LocalDateTime.of(2026, 11, 26, 6, 29)), OUT_OF_HOURS),
                row("06:30 at a store is open", j.at(LocalDateTime.of(2026, 11, 26, 6, 30))),
                row("22:59 at a store is open", j.at(LocalDateTime.of(2026, 11, 26, 22, 59))),
                row("23:00 at a store is out of hours", j.at(LocalDateTime.of(2026, 11, 26, 23, 0)), OUT_OF_HOURS),
                row("Kurume serves on New Year's Day", j.at(LocalDateTime.of(2027, 1, 1, 10, 0))),
                row("staff issuance at 02:00 is not bound by kiosk hours", j.at(LocalDateTime.of(2026, 11, 26, 2, 0)).fromCommandLine()),
                row("maintenance stops everything", s.inMaintenance(), MAINTENANCE),
                row("a kind the town does not offer", s.tenant(onlyJuminhyo), KIND_NOT_OFFERED),
                row("an unidentified vendor character in the applicant's name", j.applicant(b -> b.named("山{VND:U+E012}")),
                        UNIDENTIFIED_CHARACTER),
                row("an unidentified vendor character in a printed member's name", j.other(spouseWithVendorChar),
                        UNIDENTIFIED_CHARACTER),
                row("an unidentified vendor character in the address", i.applicant(b -> b.livingAt("久留米市{VND:SJIS:F040}町")),
                        UNIDENTIFIED_CHARACTER),
                row("an unidentified vendor character in a dependant's name", s.tax(aTaxRecord().of("A1").forFiscalYear(2026)
                        .withDependant("{VND:U+E001}子", "子", false).build()), UNIDENTIFIED_CHARACTER),
                row("an unidentified vendor character in the registered seal name", i.seal(aSeal().of("A1")
                        .registeredAs("{VND:U+E002}").build()), UNIDENTIFIED_CHARACTER),
                row("an MJ-only character is identified and never refused", j.applicant(b -> b.named("山{MJ037229}"))),
                row("a variation sequence and a non-BMP character are never refused",
                        j.applicant(b -> b.named("葛\uDB40\uDD00\uD842\uDFB7"))),
                row("a 100-character name is never refused for its length", j.applicant(b -> b.named("長".repeat(100)))),
                row("a 250-character address is never refused for its length", i.applicant(b -> b.livingAt("町".repeat(250)))),
                row("everything wrong at once is all reported", i.applicant(b -> b.removed().named("{VND:U+E003}"))
                        .flag(support).seal(null).at(LocalDateTime.of(2026, 11, 26, 23, 30)),
                        OUT_OF_HOURS, SUPPORT_MEASURE, REMOVED, NO_SEAL, UNIDENTIFIED_CHARACTER));
    }

    private static Arguments row(String situation, Case c, RefusalReason... expected) {
        return Arguments.of(situation, c, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachSituationGetsExactlyItsRefusals(String situation, Case c, List<RefusalReason> expected) {
        SuppressionContext context = c.context();
        List<RefusalReason> refusals = SuppressionPolicies.all().stream()
                .map(p -> p.evaluate(context))
                .filter(d -> d instanceof SuppressionDecision.Refused)
                .map(d -> ((SuppressionDecision.Refused) d).reason())
                .toList();
        assertThat(refusals).as(situation).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void staffMessagesCarryNoPersonalDataSoThatTheyMayBeLogged(String situation, Case c, List<RefusalReason> expected) {
        SuppressionContext context = c.context();
        List<String> personal = new ArrayList<>(List.of("宛名番号"));
        for (Resident r : context.people()) {
            personal.addAll(List.of(r.key().value(), r.name().toUnicode(), r.address().toUnicode(),
                    r.birthDate().toString(), JapaneseDates.format(r.birthDate())));
        }
        context.flags().forEach(f -> personal.add(f.person().value()));
        List<SuppressionDecision.Refused> refusals = SuppressionPolicies.all().stream().map(p -> p.evaluate(context))
                .filter(d -> d instanceof SuppressionDecision.Refused).map(d -> (SuppressionDecision.Refused) d).toList();

        assertThat(refusals).hasSameSizeAs(expected);
        for (SuppressionDecision.Refused r : refusals) {
            assertThat(r.staffMessage()).as(situation).isNotBlank().doesNotContain(personal);
            assertThat(r.toString()).as(situation).doesNotContain(personal);
        }
    }

    @Test
    void aRefusalNamesThePersonItConcernsBesideItsMessageNotInIt() {
        Case j = Case.of(CertificateKind.JUMINHYO);
        Resident spouse = aResident().withKey("B2").inHousehold("H1").named("花{VND:U+E012}").build();
        TenantSettings testing = TenantSettings.kurume().withCalendar(List.of(), List.of(),
                TestMode.forResidents(Set.of(new PersonKey("A1"))));

        assertThat(refusal(j.flag(aSuppressionFlag().on("B2").supportMeasure().from(TODAY).build()), SUPPORT_MEASURE)
                .person()).contains(new PersonKey("B2"));
        assertThat(refusal(j.other(spouse), UNIDENTIFIED_CHARACTER).person()).contains(new PersonKey("B2"));
        assertThat(refusal(j.tenant(testing).other(spouse), NOT_A_TEST_RESIDENT).person())
                .contains(new PersonKey("B2"));
        assertThat(refusal(j.at(LocalDateTime.of(2026, 11, 26, 23, 30)), OUT_OF_HOURS).person())
                .as("a refusal about no one person names none").isEmpty();
    }

    private static SuppressionDecision.Refused refusal(Case c, RefusalReason reason) {
        SuppressionContext context = c.context();
        return SuppressionPolicies.all().stream().map(p -> p.evaluate(context))
                .filter(d -> d instanceof SuppressionDecision.Refused r && r.reason() == reason)
                .map(d -> (SuppressionDecision.Refused) d).findFirst().orElseThrow();
    }
}
