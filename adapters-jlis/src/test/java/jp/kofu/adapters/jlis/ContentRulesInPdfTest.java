package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Certificates.attestation;
import static jp.kofu.adapters.jlis.Certificates.textOf;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.certificate.service.ContentAssembler;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.tenant.domain.TenantSettings;

/**
 * The content rules (記載事項の編集) as the paper shows them: replica records assembled by
 * {@link ContentAssembler}, rendered by the real renderer, the PDF parsed back by PDFBox.
 */
class ContentRulesInPdfTest {

    private static final PdfCertificateRenderer RENDERER = PdfCertificateRenderer.withBundledFont();
    private static final TenantSettings KURUME = TenantSettings.kurume();

    private static String compact(CertificateContent content) {
        return textOf(RENDERER.render(content, RenderOptions.plain())).replaceAll("[\\s\u3000]+", "");
    }

    @Test
    void theInkanPrintsTheRegisteredKatakanaFormOrAliasInsteadOfTheResidentName() {
        Resident foreigner = aResident().withKey("D4").named("WANG　FANG").withAlias("王　芳").female()
                .asForeignResident().build();

        String katakana = compact(ContentAssembler.inkan(KURUME, foreigner,
                aSeal().of("D4").registeredAs("ワン　ファン").build(), attestation(ContentAssembler.INKAN_TEXT)));
        String alias = compact(ContentAssembler.inkan(KURUME, foreigner,
                aSeal().of("D4").registeredAs("王　芳").build(), attestation(ContentAssembler.INKAN_TEXT)));
        String none = compact(ContentAssembler.inkan(KURUME, foreigner,
                aSeal().of("D4").registeredAs("").build(), attestation(ContentAssembler.INKAN_TEXT)));

        assertThat(katakana).contains("ワンファン").doesNotContain("WANG").doesNotContain("王芳");
        assertThat(alias).contains("王芳").doesNotContain("WANG");
        assertThat(none).as("nothing registered: the resident name").contains("WANGFANG");
    }

    @Test
    void foreignResidentItemsPrintOnlyWhenChosenAndOnlyForTheForeignResident() {
        Resident head = aResident().withKey("A1").inHousehold("H1").named("久留米　太郎").withRelationship("世帯主")
                .build();
        Resident foreigner = aResident().withKey("D4").inHousehold("H1").named("WANG　FANG").female()
                .withRelationship("同居人").asForeignResident().build();

        String chosen = compact(juminhyo(head, List.of(head, foreigner), true));
        String notChosen = compact(juminhyo(head, List.of(head, foreigner), false));
        String japaneseOnly = compact(juminhyo(head, List.of(head), true));

        assertThat(chosen).contains("国籍・地域", "中国", "在留資格", "技術・人文知識・国際業務", "AB12345678CD");
        assertThat(notChosen).contains("WANGFANG")
                .doesNotContain("国籍・地域", "中国", "在留資格", "技術・人文知識・国際業務", "AB12345678CD");
        assertThat(japaneseOnly).as("chosen, but nobody is a foreign resident")
                .doesNotContain("国籍・地域", "在留資格", "在留カード");
    }

    private static CertificateContent.Juminhyo juminhyo(Resident head, List<Resident> household, boolean foreignItems) {
        CertificateRequest.Juminhyo request = new CertificateRequest.Juminhyo(Set.of(), true, false, false,
                foreignItems, 1);
        return ContentAssembler.juminhyo(KURUME, request, head, head.name(),
                ContentAssembler.juminhyoPeople(request, household),
                attestation(ContentAssembler.JUMINHYO_WHOLE_HOUSEHOLD_TEXT));
    }

    @Test
    void theTaxCertificatePrintsTheBlankMarkerRatherThanAnAddressThatMayBeLaterThanJanuary1() {
        TaxRecord noAddress = aTaxRecord().of("A1").forFiscalYear(2026).withoutAddressOnJanuary1().build();
        String current = "福岡県久留米市東町1番地";
        Resident movedIn = aResident().withKey("A1").livingAt(current).addressSetOn(LocalDate.of(2026, 3, 1)).build();
        Resident settled = aResident().withKey("A1").livingAt(current).addressSetOn(LocalDate.of(2025, 12, 31)).build();

        String blank = compact(ContentAssembler.shotoku(KURUME, movedIn, noAddress,
                attestation(ContentAssembler.SHOTOKU_TEXT)));
        String known = compact(ContentAssembler.shotoku(KURUME, settled, noAddress,
                attestation(ContentAssembler.SHOTOKU_TEXT)));

        assertThat(blank).contains("住所（1月1日現在）【空欄】").doesNotContain(current);
        assertThat(known).contains("住所（1月1日現在）" + current).doesNotContain("【空欄】");
    }
}
