package jp.kofu.core.suppression.domain;

import java.util.Objects;

/**
 * The outcome of one suppression policy (発行抑止判定): allowed, or refused with a reason code and a message
 * for staff. A refusal is an expected business answer, never an exception.
 */
public sealed interface SuppressionDecision permits SuppressionDecision.Allowed, SuppressionDecision.Refused {

    /** The single allowance. */
    Allowed ALLOWED = new Allowed();

    static SuppressionDecision refuse(RefusalReason reason, String staffMessage) {
        return new Refused(reason, staffMessage);
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** Issuance may go on. */
    record Allowed() implements SuppressionDecision {
    }

    /**
     * Issuance is refused.
     *
     * @param reason the code
     * @param staffMessage what staff see (never shown at the kiosk; no personal data)
     */
    record Refused(RefusalReason reason, String staffMessage) implements SuppressionDecision {
        public Refused {
            Objects.requireNonNull(reason);
            staffMessage = staffMessage == null ? reason.japanese() : staffMessage;
        }
    }
}
