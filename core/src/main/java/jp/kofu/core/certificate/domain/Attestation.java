package jp.kofu.core.certificate.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The attestation block every certificate ends with (認証文と発行者): the sentence certifying the copy, the
 * issue date, the mayor's title and name (the 公印 is printed beside them), the certificate number and the
 * kiosk marker.
 *
 * @param certificateNumber 証明書番号, unique per tenant
 * @param issuedOn 発行日
 * @param text 認証文, e.g. この写しは、住民票の原本と相違ないことを証明する。
 * @param issuerTitle e.g. 久留米市長
 * @param issuerName the mayor's name
 * @param kioskMarker the marker of kiosk issuance (e.g. コンビニ交付)
 * @param verificationCode 検証コード: the short code printed on the certificate with which its signature and
 *        issuance record can be checked ({@code kofu verify}); empty where the tenant does not sign
 */
public record Attestation(
        String certificateNumber,
        LocalDate issuedOn,
        String text,
        String issuerTitle,
        String issuerName,
        String kioskMarker,
        String verificationCode) {

    /** An attestation without a verification code. */
    public Attestation(String certificateNumber, LocalDate issuedOn, String text, String issuerTitle,
                       String issuerName, String kioskMarker) {
        this(certificateNumber, issuedOn, text, issuerTitle, issuerName, kioskMarker, "");
    }

    /** This attestation carrying the given verification code. */
    public Attestation withVerificationCode(String code) {
        return new Attestation(certificateNumber, issuedOn, text, issuerTitle, issuerName, kioskMarker, code);
    }

    public Attestation {
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(issuerTitle, "issuerTitle");
        issuerName = issuerName == null ? "" : issuerName;
        kioskMarker = kioskMarker == null ? "" : kioskMarker;
        verificationCode = verificationCode == null ? "" : verificationCode;
    }
}
