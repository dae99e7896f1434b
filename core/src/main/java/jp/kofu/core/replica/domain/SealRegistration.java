package jp.kofu.core.replica.domain;

import java.time.LocalDate;
import java.util.Objects;

import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * 印鑑登録 (seal registration) of a person.
 *
 * @param person 宛名番号 of the registrant
 * @param registrationNumber 登録番号
 * @param image 印影
 * @param registeredName the name as registered (氏名, 旧氏, 通称 or the katakana form of a foreign name)
 * @param registeredOn 登録日
 * @param status 登録 / 廃止 / 亡失
 * @param version the source's version of this record
 */
public record SealRegistration(
        PersonKey person,
        String registrationNumber,
        SealImage image,
        PrintedText registeredName,
        LocalDate registeredOn,
        SealStatus status,
        long version) {

    public SealRegistration {
        Objects.requireNonNull(person, "宛名番号");
        Objects.requireNonNull(image, "印影");
        Objects.requireNonNull(status, "状態");
        Objects.requireNonNull(registeredOn, "登録日");
        if (registrationNumber == null || registrationNumber.isBlank()) {
            throw new IllegalArgumentException("登録番号 is required");
        }
        registeredName = registeredName == null ? PrintedText.EMPTY : registeredName;
    }

    @Override
    public String toString() {
        return "SealRegistration[" + person + ", " + status + "]";
    }
}
