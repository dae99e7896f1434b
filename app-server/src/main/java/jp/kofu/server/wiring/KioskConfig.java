package jp.kofu.server.wiring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import jp.kofu.core.issuance.domain.KioskPolicy;

/**
 * How the kiosk interface (J-LIS連携) of one process is configured: the pinned JPKI trust anchors and their
 * CRL files, how old a CRL may be, the flow's timings, and how often the sweeper runs.
 *
 * @param trustAnchors PEM or DER files of the pinned JPKI user-authentication CA certificates
 * @param crls CRL files of those CAs, re-read when they change
 * @param crlMaxAge a CRL older than this fails every card of its CA (fail closed)
 * @param policy challenge, session, completion and retention times
 * @param sweepInterval how often prepared issuances without an answer are voided and old state purged
 */
public record KioskConfig(List<Path> trustAnchors, List<Path> crls, Duration crlMaxAge, KioskPolicy policy,
                          Duration sweepInterval) {

    public KioskConfig {
        trustAnchors = List.copyOf(trustAnchors);
        crls = List.copyOf(crls);
        Objects.requireNonNull(crlMaxAge, "crlMaxAge");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("the sweep interval must be positive");
        }
    }

    /** No trust anchor (every card is refused), 48 h CRLs, the default timings, a sweep every 30 s. */
    public static KioskConfig defaults() {
        return new KioskConfig(List.of(), List.of(), Duration.ofHours(48), KioskPolicy.defaults(), Duration.ofSeconds(30));
    }

    /** The same configuration with these anchors and CRLs. */
    public KioskConfig trusting(List<Path> anchors, List<Path> crlFiles) {
        return new KioskConfig(anchors, crlFiles, crlMaxAge, policy, sweepInterval);
    }
}
