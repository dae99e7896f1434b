package jp.kofu.core.certificate.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.IndividualNumber;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.tenant.domain.TenantSettings;

/**
 * Assembles a certificate's content (記載事項の編集) from replica records, one rule set per kind: what is
 * printed, what is left out, and what a blank prints. Pure functions; suppression is checked before.
 */
public final class ContentAssembler {

    private ContentAssembler() {
    }

    /** 認証文 of a 住民票の写し listing the whole household. */
    public static final String JUMINHYO_WHOLE_HOUSEHOLD_TEXT = "この写しは、世帯全員の住民票の原本と相違ないことを証明する。";
    /** 認証文 of a 住民票の写し listing chosen members. */
    public static final String JUMINHYO_TEXT = "この写しは、住民票の原本と相違ないことを証明する。";
    /** 認証文 of a 印鑑登録証明書. */
    public static final String INKAN_TEXT = "この写しは、登録されている印影と相違ないことを証明する。";
    /** 認証文 of a 所得課税証明書. */
    public static final String SHOTOKU_TEXT = "上記のとおり証明します。";

    /**
     * The people a 住民票の写し lists: current (not removed) members of the applicant's household, in
     * household order, restricted to the chosen members when the request names some.
     */
    public static List<Resident> juminhyoPeople(CertificateRequest.Juminhyo request, List<Resident> household) {
        Set<PersonKey> chosen = request.members();
        return household.stream()
                .filter(r -> r.status() != ResidentStatus.REMOVED)
                .filter(r -> chosen.isEmpty() || chosen.contains(r.key()))
                .toList();
    }

    /** 住民票の写し (世帯連記式). */
    public static CertificateContent.Juminhyo juminhyo(TenantSettings tenant, CertificateRequest.Juminhyo request,
                                                      Resident applicant, PrintedText householdHead,
                                                      List<Resident> people, Attestation attestation) {
        boolean numbers = request.individualNumber() && tenant.individualNumberOnJuminhyo();
        List<CertificateContent.Member> members = people.stream().map(r -> new CertificateContent.Member(
                r.name(), r.nameKana(), r.formerSurname(), r.formerSurnameKana(), r.alias(), r.birthDate(), r.sex(),
                request.householdHeadAndRelationship() ? r.relationship() : PrintedText.EMPTY,
                request.domicile() ? r.domicile() : PrintedText.EMPTY,
                request.domicile() ? r.domicileHead() : PrintedText.EMPTY,
                r.becameResidentOn(), r.addressSetOn(), r.notifiedOn(), r.addressBeforeMoveIn(), r.entryReason(),
                numbers ? r.individualNumber().map(IndividualNumber::value) : Optional.empty(),
                request.foreignItems() ? r.foreign() : Optional.empty())).toList();
        return new CertificateContent.Juminhyo(attestation, applicant.address(), applicant.addressSupplement(),
                request.householdHeadAndRelationship() ? householdHead : PrintedText.EMPTY, members,
                tenant.blankMarker());
    }

    /**
     * 印鑑登録証明書: the registered name where one is registered (通称, katakana form), else 氏名; 旧氏 when
     * recorded; 性別 and 登録番号 where the tenant prints them ({@link TenantSettings#printing()}).
     */
    public static CertificateContent.Inkan inkan(TenantSettings tenant, Resident applicant, SealRegistration seal,
                                                 Attestation attestation) {
        PrintedText name = seal.registeredName().isEmpty() ? applicant.name() : seal.registeredName();
        return new CertificateContent.Inkan(attestation, name, applicant.formerSurname(), applicant.birthDate(),
                tenant.printing().inkanSex() ? Optional.of(applicant.sex()) : Optional.empty(),
                applicant.address(), applicant.addressSupplement(),
                tenant.printing().inkanRegistrationNumber() ? Optional.of(seal.registrationNumber()) : Optional.empty(),
                seal.image());
    }

    /**
     * 所得課税証明書 / 非課税証明書 of one fiscal year. The address printed is the one of 1 January of the
     * fiscal year (賦課期日現在の住所), labelled so on the form: the tax record's, when it has one; else the
     * current address only if the resident record shows it was taken up on or before that 1 January
     * ({@link Resident#addressSetOn()}); else the tenant's blank marker (【空欄】), never an address that may
     * be a later one.
     */
    public static CertificateContent.Shotoku shotoku(TenantSettings tenant, Resident applicant, TaxRecord tax,
                                                     Attestation attestation) {
        return new CertificateContent.Shotoku(attestation, tax.fiscalYear(), applicant.name(), applicant.birthDate(),
                addressOnJanuary1(tenant, applicant, tax), tax.incomes(), tax.deductions(), tax.taxableIncome(),
                tax.incomeLevy(), tax.perCapitaLevy(), tax.dependants());
    }

    private static PrintedText addressOnJanuary1(TenantSettings tenant, Resident applicant, TaxRecord tax) {
        if (!tax.addressOnJanuary1().isEmpty()) {
            return tax.addressOnJanuary1();
        }
        LocalDate january1 = LocalDate.of(tax.fiscalYear(), 1, 1);
        boolean heldSince = applicant.addressSetOn().filter(since -> !since.isAfter(january1)).isPresent();
        return heldSince ? applicant.address() : PrintedText.plain(tenant.blankMarker());
    }
}
