package jp.kofu.core.suppression.domain;

import java.time.LocalDate;
import java.util.List;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.SuppressionFlag;

/**
 * The suppression policies kofu applies (agreed with the vendors per the city's specification 7(10)).
 * Characters and field length are deliberately NOT reasons: the specification (7(7), 7(9)) forbids
 * refusing a resident for them — only a character not yet identified (未同定外字) is, because it could
 * otherwise print wrongly.
 */
public final class SuppressionPolicies {

    private SuppressionPolicies() {
    }

    /** All policies in the order they are checked. */
    public static List<SuppressionPolicy> all() {
        return List.of(
                KIND_OFFERED, MAINTENANCE, SERVICE_HOURS, TEST_MODE, SUPPORT_MEASURE, STAFF_STOP, REMOVED,
                MOVE_OUT_PLANNED, UNDER_AGE, SEAL, TAX_YEAR, UNIDENTIFIED_CHARACTER);
    }

    private static SuppressionPolicy policy(String name, java.util.function.Function<SuppressionContext, SuppressionDecision> f) {
        return new SuppressionPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SuppressionDecision evaluate(SuppressionContext context) {
                return f.apply(context);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** 取扱対象外: the tenant does not offer the kind. */
    public static final SuppressionPolicy KIND_OFFERED = policy("kind-offered", c ->
            c.tenant().enabledKinds().contains(c.request().kind())
                    ? SuppressionDecision.ALLOWED
                    : SuppressionDecision.refuse(RefusalReason.KIND_NOT_OFFERED,
                            c.request().kind().title() + "はコンビニ交付の対象外です"));

    /** 保守中. */
    public static final SuppressionPolicy MAINTENANCE = policy("maintenance", c ->
            c.inMaintenance()
                    ? SuppressionDecision.refuse(RefusalReason.MAINTENANCE, "保守作業中のため停止中です")
                    : SuppressionDecision.ALLOWED);

    /**
     * 取扱時間外: kiosk requests outside the tenant's service hours, calendar exceptions included (staff
     * issuance is not bound by them).
     */
    public static final SuppressionPolicy SERVICE_HOURS = policy("service-hours", c ->
            !c.channel().isKiosk() || c.tenant().isWithinServiceHours(c.now())
                    ? SuppressionDecision.ALLOWED
                    : SuppressionDecision.refuse(RefusalReason.OUT_OF_HOURS, "取扱時間外です"));

    /** 試験モード: while the tenant is in test mode, only its test residents appear on certificates. */
    public static final SuppressionPolicy TEST_MODE = policy("test-mode", c -> {
        for (Resident r : c.people()) {
            if (!c.tenant().testMode().admits(r.key())) {
                return SuppressionDecision.refuse(RefusalReason.NOT_A_TEST_RESIDENT,
                        "試験モード中は試験用住民のみ発行できます", r.key());
            }
        }
        return c.tenant().testMode().admits(c.applicant().key())
                ? SuppressionDecision.ALLOWED
                : SuppressionDecision.refuse(RefusalReason.NOT_A_TEST_RESIDENT,
                        "試験モード中は試験用住民のみ発行できます", c.applicant().key());
    });

    /** 支援措置: any person on the certificate under support measures. */
    public static final SuppressionPolicy SUPPORT_MEASURE = flagPolicy("support-measure",
            SuppressionFlag.Kind.SUPPORT_MEASURE, RefusalReason.SUPPORT_MEASURE);

    /** 個別発行停止. */
    public static final SuppressionPolicy STAFF_STOP = flagPolicy("staff-stop",
            SuppressionFlag.Kind.STAFF_STOP, RefusalReason.STAFF_STOP);

    private static SuppressionPolicy flagPolicy(String name, SuppressionFlag.Kind kind, RefusalReason reason) {
        return policy(name, c -> {
            LocalDate today = c.now().toLocalDate();
            return c.flags().stream()
                    .filter(f -> f.kind() == kind && f.inForceOn(today))
                    .findFirst()
                    .<SuppressionDecision>map(f -> SuppressionDecision.refuse(reason,
                            kind.japanese() + "の対象者が含まれます", f.person()))
                    .orElse(SuppressionDecision.ALLOWED);
        });
    }

    /** 消除: the applicant is removed (removed household members are simply not printed). */
    public static final SuppressionPolicy REMOVED = policy("removed", c ->
            c.applicant().status() == ResidentStatus.REMOVED
                    ? SuppressionDecision.refuse(RefusalReason.REMOVED, "消除者です")
                    : SuppressionDecision.ALLOWED);

    /** 転出予定: the applicant has notified a move-out. */
    public static final SuppressionPolicy MOVE_OUT_PLANNED = policy("move-out-planned", c ->
            c.applicant().status() == ResidentStatus.MOVE_OUT_PLANNED
                    ? SuppressionDecision.refuse(RefusalReason.MOVE_OUT_PLANNED, "転出届が提出されています")
                    : SuppressionDecision.ALLOWED);

    /** 年齢制限: the applicant is younger than the tenant's minimum age for the kind. */
    public static final SuppressionPolicy UNDER_AGE = policy("under-age", c -> {
        Integer min = c.tenant().minimumAge().get(c.request().kind());
        if (min == null) {
            return SuppressionDecision.ALLOWED;
        }
        return c.applicant().ageOn(c.now().toLocalDate()) < min
                ? SuppressionDecision.refuse(RefusalReason.UNDER_AGE, min + "歳未満です")
                : SuppressionDecision.ALLOWED;
    });

    /** 印鑑: no, abolished or lost registration. */
    public static final SuppressionPolicy SEAL = policy("seal", c -> {
        if (c.request().kind() != CertificateKind.INKAN) {
            return SuppressionDecision.ALLOWED;
        }
        if (c.seal().isEmpty()) {
            return SuppressionDecision.refuse(RefusalReason.NO_SEAL, "印鑑登録がありません");
        }
        return switch (c.seal().get().status()) {
            case REGISTERED -> SuppressionDecision.ALLOWED;
            case ABOLISHED -> SuppressionDecision.refuse(RefusalReason.SEAL_ABOLISHED, "印鑑登録は廃止されています");
            case LOST -> SuppressionDecision.refuse(RefusalReason.SEAL_LOST, "印鑑登録証の亡失届があります");
        };
    });

    /** 所得: no record for the year, not resident on 1 January, or no declaration. */
    public static final SuppressionPolicy TAX_YEAR = policy("tax-year", c -> {
        if (c.request().kind() != CertificateKind.SHOTOKU) {
            return SuppressionDecision.ALLOWED;
        }
        if (c.fiscalYear().isPresent() && c.fiscalYear().getAsInt() > c.tenant().latestTaxYear(c.now().toLocalDate())) {
            return SuppressionDecision.refuse(RefusalReason.YEAR_NOT_DETERMINED,
                    c.tenant().inTaxSwitchWindow(c.now().toLocalDate())
                            ? "年度切替期間中のため新年度の証明書は交付できません"
                            : "該当年度はまだ交付の対象ではありません");
        }
        if (c.tax().isEmpty()) {
            return SuppressionDecision.refuse(RefusalReason.YEAR_NOT_DETERMINED,
                    "該当年度の課税情報がありません");
        }
        if (!c.tax().get().residentOnJanuary1()) {
            return SuppressionDecision.refuse(RefusalReason.NOT_RESIDENT_ON_JANUARY_1, "賦課期日に本市に住所がありません");
        }
        if (!c.tax().get().filed()) {
            return SuppressionDecision.refuse(RefusalReason.NOT_FILED, "所得の申告がありません");
        }
        return SuppressionDecision.ALLOWED;
    });

    /** 未同定外字: any text to print holds a vendor character the 対照表 does not map yet. */
    public static final SuppressionPolicy UNIDENTIFIED_CHARACTER = policy("unidentified-character", c -> {
        for (Resident r : c.people()) {
            if (r.hasUnidentifiedCharacters()) {
                return SuppressionDecision.refuse(RefusalReason.UNIDENTIFIED_CHARACTER, "未同定外字があります",
                        r.key());
            }
        }
        if (c.tax().isPresent() && (c.tax().get().addressOnJanuary1().hasUnidentified()
                || c.tax().get().dependants().stream().anyMatch(d -> d.name().hasUnidentified()))) {
            return SuppressionDecision.refuse(RefusalReason.UNIDENTIFIED_CHARACTER, "課税情報に未同定外字があります");
        }
        if (c.seal().isPresent() && c.seal().get().registeredName().hasUnidentified()) {
            return SuppressionDecision.refuse(RefusalReason.UNIDENTIFIED_CHARACTER, "印鑑登録情報に未同定外字があります");
        }
        return SuppressionDecision.ALLOWED;
    });
}
