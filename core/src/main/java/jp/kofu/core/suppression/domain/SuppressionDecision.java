package jp.kofu.core.suppression.domain;

import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.replica.domain.PersonKey;

/**
 * The outcome of one suppression policy (発行抑止判定): allowed, or refused with a reason code and a message
 * for staff. A refusal is an expected business answer, never an exception.
 *
 * <p>A refusal's code and message carry no personal data, so they may be logged; the person a refusal
 * concerns, when it is one person, is a separate item ({@link Refused#person()}) for staff screens only.
 */
public sealed interface SuppressionDecision permits SuppressionDecision.Allowed, SuppressionDecision.Refused {

    /** The single allowance. */
    Allowed ALLOWED = new Allowed();

    static SuppressionDecision refuse(RefusalReason reason, String staffMessage) {
        return new Refused(reason, staffMessage);
    }

    /** A refusal that concerns one person (whose 宛名番号 stays out of the message). */
    static SuppressionDecision refuse(RefusalReason reason, String staffMessage, PersonKey person) {
        return new Refused(reason, staffMessage, Optional.of(person));
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
     * @param staffMessage what staff see (never shown at the kiosk); no personal data — no name, address,
     *     birth date or 宛名番号 — so that it may be logged
     * @param person the 宛名番号 of the person the refusal concerns, when it is one person (支援措置,
     *     個別発行停止, 試験モード, 未同定外字, 対象者なし): personal data, for staff screens only, never logged;
     *     {@link #toString()} leaves it out
     */
    record Refused(RefusalReason reason, String staffMessage, Optional<PersonKey> person) implements SuppressionDecision {
        public Refused {
            Objects.requireNonNull(reason);
            staffMessage = staffMessage == null ? reason.japanese() : staffMessage;
            person = person == null ? Optional.empty() : person;
        }

        /** A refusal that concerns no one person in particular. */
        public Refused(RefusalReason reason, String staffMessage) {
            this(reason, staffMessage, Optional.empty());
        }

        /** The code and the message only: the person stays out of anything printed or logged by accident. */
        @Override
        public String toString() {
            return "Refused[" + reason + ", " + staffMessage + "]";
        }
    }
}
