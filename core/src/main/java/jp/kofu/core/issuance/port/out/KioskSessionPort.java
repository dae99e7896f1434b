package jp.kofu.core.issuance.port.out;

import java.time.Instant;
import java.util.Optional;

import jp.kofu.core.issuance.domain.KioskSession;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Stores authenticated kiosk sessions (キオスク認証セッション), shared by all nodes so that any node can serve
 * any call of a session.
 */
public interface KioskSessionPort {

    /** Records a new session. Its id must be new. */
    void open(KioskSession session);

    /** The tenant's session with that id, live or expired, until it is purged. */
    Optional<KioskSession> find(LocalGovernmentCode tenant, String id);

    /** Deletes the sessions that expired before the moment; returns how many. */
    int purgeExpiredBefore(Instant before);
}
