package jp.kofu.core.replica.domain;

import java.time.LocalDate;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * The items of a foreign resident's record (外国人住民の記載事項).
 *
 * @param nationality 国籍・地域
 * @param becameForeignResidentOn 外国人住民となった年月日
 * @param article30_45Category 法第30条の45に規定する区分 (e.g. 中長期在留者, 特別永住者)
 * @param residenceStatus 在留資格 (empty for special permanent residents)
 * @param periodOfStay 在留期間 as printed, e.g. 3年
 * @param stayExpiresOn 在留期間の満了の日
 * @param residenceCardNumber 在留カード等の番号 (在留カード番号 or 特別永住者証明書番号)
 */
public record ForeignResidentItems(
        PrintedText nationality,
        LocalDate becameForeignResidentOn,
        String article30_45Category,
        PrintedText residenceStatus,
        String periodOfStay,
        Optional<LocalDate> stayExpiresOn,
        String residenceCardNumber) {

    public ForeignResidentItems {
        if (nationality == null || becameForeignResidentOn == null || article30_45Category == null) {
            throw new IllegalArgumentException("nationality, date and category are required for a foreign resident");
        }
        residenceStatus = residenceStatus == null ? PrintedText.EMPTY : residenceStatus;
        periodOfStay = periodOfStay == null ? "" : periodOfStay;
        stayExpiresOn = stayExpiresOn == null ? Optional.empty() : stayExpiresOn;
        residenceCardNumber = residenceCardNumber == null ? "" : residenceCardNumber;
    }
}
