package jp.kofu.adapters.jukiki;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.IndividualNumber;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentRecordCode;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.SuppressionFlag;

/** Synthetic records with every field set, built directly (core's shared fixtures are not there yet). */
final class Samples {

    static final String ISSUER = "C=JP,O=JPKI,OU=JPKI for user authentication,"
            + "OU=Japan Agency for Local Authority Information Systems";

    /** 葛 with the IVS U+E0100 (葛󠄀). */
    static final PrintedText KATSURA_IVS = PrintedText.of(List.of(new PrintedChar.VariationSequence(0x845B, 0xE0100)));
    /** 𠮷 U+20BB7, beyond the BMP. */
    static final PrintedText TSUCHIYOSHI = PrintedText.of(List.of(new PrintedChar.Ucs(0x20BB7)));
    /** A character only an MJ id names. */
    static final PrintedText MJ_ONLY = PrintedText.of(List.of(new PrintedChar.MjOnly(new MjId(37229))));
    /** A vendor 外字 nobody has identified yet. */
    static final PrintedText VENDOR = PrintedText.of(List.of(new PrintedChar.UnidentifiedVendor("U+E012")));

    private Samples() {
    }

    static PrintedText text(String plain) {
        return PrintedText.plain(plain);
    }

    /** A name mixing every kind of character: 𠮷田 葛󠄀{MJ037229}{VND:U+E012}. */
    static PrintedText hardName() {
        return TSUCHIYOSHI.concat(text("田 ")).concat(KATSURA_IVS).concat(MJ_ONLY).concat(VENDOR);
    }

    static Resident resident(String key, String household) {
        return new Resident(new PersonKey(key), new HouseholdId(household), hardName(), text("ヨシダ カツラ"),
                text("葛西"), text("カサイ"), text("通称 花子"), LocalDate.of(1980, 2, 29), Sex.FEMALE, text("妻"),
                text("福岡県久留米市城南町１５番地３"), text("コーポ{城南}１０１号, \"東\""),
                text("福岡県久留米市城南町１５番地").concat(MJ_ONLY), text("吉田 一郎"),
                Optional.of(LocalDate.of(2001, 4, 1)), Optional.of(LocalDate.of(2001, 4, 2)),
                Optional.of(LocalDate.of(2001, 4, 5)), text("東京都千代田区霞が関一丁目１番地"), text("久留米市東町１番地"),
                text("転入"), Optional.of(IndividualNumber.ofElevenDigits("12345678901")),
                Optional.of(ResidentRecordCode.ofTenDigits("1234567890")), ResidentStatus.MOVE_OUT_PLANNED,
                Optional.empty(), 7);
    }

    static Resident foreignResident(String key, String household) {
        ForeignResidentItems foreign = new ForeignResidentItems(text("アメリカ合衆国"), LocalDate.of(2012, 7, 9),
                "中長期在留者", text("技術・人文知識・国際業務"), "3年", Optional.of(LocalDate.of(2027, 3, 31)),
                "AB12345678CD");
        return new Resident(new PersonKey(key), new HouseholdId(household), text("SMITH JOHN"), text("スミス ジョン"),
                PrintedText.EMPTY, PrintedText.EMPTY, text("須美洲 譲"), LocalDate.of(1990, 12, 31), Sex.MALE,
                text("世帯主"), text("福岡県久留米市城南町１５番地３"), PrintedText.EMPTY, PrintedText.EMPTY,
                PrintedText.EMPTY, Optional.of(LocalDate.of(2012, 7, 9)), Optional.empty(), Optional.empty(),
                text("国外"), PrintedText.EMPTY, text("転入"), Optional.empty(), Optional.empty(),
                ResidentStatus.RESIDENT, Optional.of(foreign), 1);
    }

    /** Only the required items. */
    static Resident minimalResident(String key, String household) {
        return new Resident(new PersonKey(key), new HouseholdId(household), text("山田 太郎"), null, null, null, null,
                LocalDate.of(2000, 1, 1), Sex.MALE, null, text("久留米市"), null, null, null, null, null, null, null,
                null, null, null, null, ResidentStatus.REMOVED, null, 0);
    }

    static Household household(String id) {
        return new Household(new HouseholdId(id), hardName(), 3);
    }

    static SealRegistration seal(String person, String number) {
        return new SealRegistration(new PersonKey(person), number, new SealImage(png(), 15.5, 15), hardName(),
                LocalDate.of(2015, 6, 1), SealStatus.REGISTERED, 2);
    }

    static SuppressionFlag flag(String person, SuppressionFlag.Kind kind, LocalDate from, LocalDate until) {
        return new SuppressionFlag(new PersonKey(person), kind, from, Optional.ofNullable(until), 4);
    }

    static CardholderLink cardholder(String person, long serial) {
        return new CardholderLink(ISSUER, BigInteger.valueOf(serial), new PersonKey(person), 5);
    }

    /** A small town with one of everything (and a few twos). */
    static ReplicaContent town() {
        return new ReplicaContent(
                List.of(resident("A0001", "H01"), foreignResident("A0002", "H01"), minimalResident("A0003", "H02")),
                List.of(household("H01"), household("H02")),
                List.of(seal("A0001", "S-1"), seal("A0002", "S-2")),
                List.of(flag("A0001", SuppressionFlag.Kind.SUPPORT_MEASURE, LocalDate.of(2024, 1, 1), null),
                        flag("A0002", SuppressionFlag.Kind.STAFF_STOP, LocalDate.of(2024, 1, 1),
                                LocalDate.of(2024, 12, 31))),
                List.of(cardholder("A0001", 1234567890123L), cardholder("A0002", 42)),
                List.of());
    }

    /** A real (1-bit, 64×64) PNG of a round seal. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.BLACK);
        g.drawOval(2, 2, 60, 60);
        g.drawLine(32, 8, 32, 56);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
