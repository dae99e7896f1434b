package jp.kofu.core.testing;

import java.time.LocalDate;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;

/**
 * Builds a {@link SealRegistration} (印鑑登録). By default: P0001's registration 000001 of the tiny PNG
 * (15 × 15 mm) as 山田　太郎 on 2010-04-01, registered, version 1.
 */
public final class SealRegistrationBuilder {

    private String person = "P0001";
    private String registrationNumber = "000001";
    private SealImage image = Fixtures.aSealImage();
    private PrintedText registeredName = PrintedText.plain("山田　太郎");
    private LocalDate registeredOn = LocalDate.of(2010, 4, 1);
    private SealStatus status = SealStatus.REGISTERED;
    private long version = 1;

    SealRegistrationBuilder() {
    }

    /** 宛名番号 of the registrant. */
    public SealRegistrationBuilder of(String personKey) {
        this.person = personKey;
        return this;
    }

    /** 登録番号. */
    public SealRegistrationBuilder numbered(String registrationNumber) {
        this.registrationNumber = registrationNumber;
        return this;
    }

    /** 印影. */
    public SealRegistrationBuilder withImage(SealImage image) {
        this.image = image;
        return this;
    }

    /** The registered name (tagged form). */
    public SealRegistrationBuilder registeredAs(String tagged) {
        this.registeredName = PrintedText.parse(tagged);
        return this;
    }

    /** 登録日. */
    public SealRegistrationBuilder registeredOn(LocalDate date) {
        this.registeredOn = date;
        return this;
    }

    /** 廃止. */
    public SealRegistrationBuilder abolished() {
        this.status = SealStatus.ABOLISHED;
        return this;
    }

    /** 亡失. */
    public SealRegistrationBuilder lost() {
        this.status = SealStatus.LOST;
        return this;
    }

    public SealRegistrationBuilder version(long version) {
        this.version = version;
        return this;
    }

    public SealRegistration build() {
        return new SealRegistration(new PersonKey(person), registrationNumber, image, registeredName, registeredOn,
                status, version);
    }
}
