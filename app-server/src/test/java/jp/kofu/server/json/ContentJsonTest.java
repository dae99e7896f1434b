package jp.kofu.server.json;

import static jp.kofu.core.testing.Fixtures.aSealImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kofu.core.certificate.domain.Attestation;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.TaxRecord;

class ContentJsonTest {

    private final ObjectMapper mapper = ContentJson.mapper();
    private final Attestation attestation = new Attestation("402036-00000009", LocalDate.of(2026, 11, 26),
            "この写しは、住民票の原本と相違ないことを証明する。", "久留米市長", "原口 新五", "コンビニ交付");

    @Test
    void aJuminhyoWithEveryKindOfCharacterRoundTrips() throws Exception {
        CertificateContent.Member member = new CertificateContent.Member(
                PrintedText.parse("葛\uDB40\uDD00城　\uD842\uDFB7{MJ037229}"), PrintedText.plain("カツラギ"),
                PrintedText.plain("山田"), PrintedText.plain("ヤマダ"), PrintedText.EMPTY, LocalDate.of(1980, 1, 2),
                Sex.FEMALE, PrintedText.plain("妻"), PrintedText.EMPTY, PrintedText.EMPTY, Optional.of(LocalDate.of(2001, 4, 1)),
                Optional.empty(), Optional.empty(), PrintedText.EMPTY, PrintedText.plain("転入"), Optional.of("123456789018"),
                Optional.of(new ForeignResidentItems(PrintedText.plain("ベトナム"), LocalDate.of(2019, 4, 1), "中長期在留者",
                        PrintedText.plain("技能実習"), "1年", Optional.of(LocalDate.of(2027, 3, 31)), "AB12345678CD")));
        CertificateContent content = new CertificateContent.Juminhyo(attestation, PrintedText.plain("福岡県久留米市城南町１５番地３"),
                PrintedText.EMPTY, PrintedText.plain("葛城　一郎"), List.of(member), "【空欄】");
        String json = mapper.writeValueAsString(content);
        assertThat(json).contains("\"kind\" : \"juminhyo\"").contains("{MJ037229}").contains("\"1980-01-02\"");
        assertThat(mapper.readValue(json, CertificateContent.class)).isEqualTo(content);
    }

    @Test
    void anInkanAndAShotokuRoundTrip() throws Exception {
        CertificateContent inkan = new CertificateContent.Inkan(attestation, PrintedText.plain("久留米　太郎"), PrintedText.EMPTY,
                LocalDate.of(1975, 4, 1), Optional.of(Sex.MALE), PrintedText.plain("久留米市東町１"), PrintedText.EMPTY,
                Optional.of("0001"), aSealImage());
        CertificateContent shotoku = new CertificateContent.Shotoku(attestation, 2026, PrintedText.plain("久留米　太郎"),
                LocalDate.of(1975, 4, 1), PrintedText.plain("久留米市東町１"),
                List.of(new TaxRecord.Income(TaxRecord.IncomeKind.SALARY, 5_000_000, 3_560_000)),
                List.of(new TaxRecord.Deduction(TaxRecord.DeductionKind.BASIC, 430_000)), 3_130_000, 310_500, 5_000,
                List.of(new TaxRecord.Dependant(PrintedText.plain("久留米　花子"), "妻", false)));
        for (CertificateContent c : List.of(inkan, shotoku)) {
            assertThat(mapper.readValue(mapper.writeValueAsString(c), CertificateContent.class)).isEqualTo(c);
        }
    }

    @Test
    void aBadFieldIsNamedWithItsPath() {
        String json = """
                {"kind": "shotoku", "attestation": {"certificateNumber": "1", "issuedOn": "2026-13-01", "text": "t",
                 "issuerTitle": "市長"}, "fiscalYear": 2026, "name": "a", "birthDate": "1980-01-01", "address": "x",
                 "incomes": [], "deductions": [], "taxableIncome": 0, "incomeLevy": 0, "perCapitaLevy": 0, "dependants": []}
                """;
        assertThatThrownBy(() -> mapper.readValue(json, CertificateContent.class))
                .isInstanceOfSatisfying(JsonMappingException.class, e ->
                        assertThat(e.getPathReference()).contains("attestation").contains("issuedOn"));
    }
}
