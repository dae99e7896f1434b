package jp.kofu.core.tenant.domain;

/**
 * What a tenant prints on its certificates beyond the fixed content rules (証明書の記載設定).
 *
 * @param inkanSex whether the 印鑑登録証明書 prints 性別 (sex)
 * @param inkanRegistrationNumber whether the 印鑑登録証明書 prints the 登録番号 (registration number)
 * @param taxSwitchWindowDays the 年度切替期間: days from the tax-year switch day during which the kiosk still
 *     offers only the older fiscal year (the new year's figures are being checked); 0 = none
 */
public record CertificatePrinting(boolean inkanSex, boolean inkanRegistrationNumber, int taxSwitchWindowDays) {

    public CertificatePrinting {
        if (taxSwitchWindowDays < 0 || taxSwitchWindowDays > 60) {
            throw new IllegalArgumentException("the tax-year switch window is 0 to 60 days, not " + taxSwitchWindowDays);
        }
    }

    /** 性別 and 登録番号 printed, no switch window: what kofu did before this was configurable. */
    public static CertificatePrinting standard() {
        return new CertificatePrinting(true, true, 0);
    }
}
