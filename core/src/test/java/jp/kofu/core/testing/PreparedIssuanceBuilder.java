package jp.kofu.core.testing;

import java.time.Instant;

import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Builds an {@link Issuance.Prepared} (作成済の交付). By default: a fresh random id, Kurume, applicant P0001,
 * 住民票の写し of the whole household, store 0012345 in Fukuoka (40), certificate number 1, prepared at
 * {@link Fixtures#PREPARED_AT}, fee 200 円.
 */
public final class PreparedIssuanceBuilder {

    private IssuanceId id = IssuanceId.random();
    private LocalGovernmentCode tenant = Fixtures.KURUME;
    private String applicant = "P0001";
    private CertificateRequest request = CertificateRequest.Juminhyo.wholeHousehold();
    private IssuanceChannel channel = new IssuanceChannel("0012345", "40");
    private String certificateNumber = "1";
    private String pdfSha256 = Fixtures.EMPTY_SHA256;
    private Instant preparedAt = Fixtures.PREPARED_AT;
    private long fee = 200;
    private boolean test;

    PreparedIssuanceBuilder() {
    }

    public PreparedIssuanceBuilder withId(IssuanceId id) {
        this.id = id;
        return this;
    }

    public PreparedIssuanceBuilder forTenant(LocalGovernmentCode tenant) {
        this.tenant = tenant;
        return this;
    }

    /** 宛名番号 of the applicant. */
    public PreparedIssuanceBuilder forApplicant(String personKey) {
        this.applicant = personKey;
        return this;
    }

    public PreparedIssuanceBuilder asking(CertificateRequest request) {
        this.request = request;
        return this;
    }

    /** 店舗コード and 都道府県コード. */
    public PreparedIssuanceBuilder atStore(String storeCode, String prefecture) {
        this.channel = new IssuanceChannel(storeCode, prefecture);
        return this;
    }

    public PreparedIssuanceBuilder throughCommandLine() {
        this.channel = IssuanceChannel.commandLine();
        return this;
    }

    /** 証明書番号. */
    public PreparedIssuanceBuilder numbered(String certificateNumber) {
        this.certificateNumber = certificateNumber;
        return this;
    }

    public PreparedIssuanceBuilder withPdfSha256(String sha256) {
        this.pdfSha256 = sha256;
        return this;
    }

    public PreparedIssuanceBuilder preparedAt(Instant at) {
        this.preparedAt = at;
        return this;
    }

    /** 手数料 in 円. */
    public PreparedIssuanceBuilder withFee(long yen) {
        this.fee = yen;
        return this;
    }

    /** The 検証コード printed on the signed certificate. */
    public PreparedIssuanceBuilder withVerificationCode(String code) {
        this.verificationCode = code;
        return this;
    }

    /** Prepared in the tenant's test mode (工程1試験). */
    public PreparedIssuanceBuilder inTestMode() {
        this.test = true;
        return this;
    }

    private String verificationCode = "";

    public Issuance.Prepared build() {
        return new Issuance.Prepared(new Issuance.Facts(id, tenant, new PersonKey(applicant), request, channel,
                certificateNumber, pdfSha256, preparedAt, fee, test, verificationCode));
    }
}
