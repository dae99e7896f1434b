package jp.kofu.core.issuance.service;

import java.util.Optional;

import jakarta.inject.Inject;

import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.port.in.VerifyCertificateUseCase;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;

/**
 * Implements {@link VerifyCertificateUseCase}: the signature first (through {@link DocumentSigningPort}), then
 * the history record of the signed certificate number, compared by document hash and verification code.
 */
public final class VerifyCertificateService implements VerifyCertificateUseCase {

    private final DocumentSigningPort signing;
    private final IssuanceHistoryPort history;

    @Inject
    public VerifyCertificateService(DocumentSigningPort signing, IssuanceHistoryPort history) {
        this.signing = signing;
        this.history = history;
    }

    @Override
    public Result verify(byte[] document) {
        DocumentSigningPort.Inspection inspection = signing.inspect(document);
        if (inspection instanceof DocumentSigningPort.Invalid invalid) {
            return new Failed(Reason.of(invalid.problem()), invalid.detail());
        }
        DocumentSigningPort.Signed signed = (DocumentSigningPort.Signed) inspection;
        String number = signed.facts().certificateNumber();
        Optional<Issuance> found = history.findByCertificateNumber(signed.tenant(), number);
        if (found.isEmpty()) {
            return new Failed(Reason.NO_RECORD, "証明書番号 " + number + " has no issuance record in this history");
        }
        Issuance issuance = found.get();
        Issuance.Facts facts = issuance.facts();
        if (!facts.pdfSha256().equals(PrepareCertificateService.sha256(document))) {
            return new Failed(Reason.RECORD_MISMATCH, "the issuance record of " + number
                    + " holds the hash of another document");
        }
        if (!facts.verificationCode().equals(signed.facts().verificationCode())) {
            return new Failed(Reason.RECORD_MISMATCH, "the issuance record of " + number
                    + " holds another verification code");
        }
        if (issuance instanceof Issuance.Voided voided) {
            return new Failed(Reason.VOIDED, "the issuance of " + number + " was voided (" + voided.reason().name()
                    + "): this document was not handed out");
        }
        return new Valid(signed.tenant(), number, facts.verificationCode(), facts.kind(), facts.preparedAt(),
                issuance.state(), signed.signer());
    }
}
