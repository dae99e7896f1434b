package jp.kofu.core.issuance.port.out;

import java.util.Optional;

import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Holds the PDF of a prepared issuance (作成済証明書PDFの一時保管) until the kiosk reports how it ended, so that a
 * kiosk that lost the answer gets the very same bytes again from any node. Deleted on completion or void.
 */
public interface PreparedDocumentPort {

    /** Keeps the PDF of the issuance. */
    void keep(LocalGovernmentCode tenant, IssuanceId id, byte[] pdf);

    /** The PDF of the issuance, while it is kept. */
    Optional<byte[]> find(LocalGovernmentCode tenant, IssuanceId id);

    /** Deletes the PDF of the issuance (nothing happens when none is kept). */
    void discard(LocalGovernmentCode tenant, IssuanceId id);
}
