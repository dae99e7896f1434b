package jp.kofu.core.suppression.domain;

/**
 * One named issuance-suppression rule (発行抑止ルール). Policies are pure functions of the context; the
 * first refusal wins, and all refusals are reported to staff.
 */
public interface SuppressionPolicy {

    /** A short stable name for staff and logs. */
    String name();

    SuppressionDecision evaluate(SuppressionContext context);
}
