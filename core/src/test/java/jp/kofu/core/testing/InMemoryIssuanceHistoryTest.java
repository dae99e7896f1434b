package jp.kofu.core.testing;

import jp.kofu.core.issuance.domain.HistoryEntry;
import jp.kofu.core.issuance.port.out.IssuanceHistoryPort;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

class InMemoryIssuanceHistoryTest extends IssuanceHistoryPortContract {

    private InMemoryIssuanceHistory history;

    @Override
    protected IssuanceHistoryPort newPort() {
        history = new InMemoryIssuanceHistory();
        return history;
    }

    @Override
    protected void tamperWithApplicant(LocalGovernmentCode tenant, long sequence, String applicant) {
        HistoryEntry e = history.chain(tenant, sequence - 1, 1).get(0);
        history.replaceChainEntry(new HistoryEntry(e.tenant(), e.sequence(), e.issuance(), e.event(),
                new PersonKey(applicant), e.kind(), e.options(), e.copies(), e.storeCode(), e.prefecture(), e.at(),
                e.fee(), e.voidReason(), e.certificateNumber(), e.pdfSha256(), e.test(), e.previousHash(), e.hash()));
    }
}
