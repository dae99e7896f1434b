package jp.kofu.core.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.CalendarException;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.MaintenanceWindow;
import jp.kofu.core.tenant.domain.ServiceHours;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.domain.TestMode;

/**
 * Test fixtures (テストデータ) shared by every module through core's test-jar: tenants, builders of the
 * replica's records and of issuances that read as sentences, e.g.
 * {@code aResident().withKey("P0001").inHousehold("H001").named("山田　太郎").born(LocalDate.of(1980, 1, 2)).build()},
 * and the awkward characters every store must keep exactly.
 *
 * <p>Text given to builders is in the tagged form of {@link PrintedText} (plain text reads as itself).
 */
public final class Fixtures {

    /** 久留米市, the reference tenant. */
    public static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");

    /** 千代田区, a second tenant for isolation tests. */
    public static final LocalGovernmentCode CHIYODA = LocalGovernmentCode.parse("131016");

    /** 葛 (U+845B) followed by the ideographic variation selector U+E0100: a variation sequence (異体字). */
    public static final String KATSURA_WITH_IVS = "葛\uDB40\uDD00";

    /** 𠮷 (U+20BB7, つちよし), outside the BMP: two UTF-16 units. */
    public static final String TSUCHIYOSHI = "\uD842\uDFB7";

    /** A character only an MJ id names, in the tagged form. */
    public static final String MJ_ONLY = "{MJ037229}";

    /** An unidentified vendor character (未同定外字), in the tagged form. */
    public static final String UNIDENTIFIED_VENDOR = "{VND:U+E012}";

    /** A fixed instant with microseconds, what stores keep exactly: 2026-04-01 09:15:30.123456 JST. */
    public static final Instant PREPARED_AT = Instant.parse("2026-04-01T00:15:30.123456Z");

    /** A syntactically valid SHA-256 (of nothing). */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final byte[] TINY_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    private Fixtures() {
    }

    /** A name holding every kind of printed character: a variation sequence, a non-BMP, an MJ-only and an unidentified vendor character. */
    public static PrintedText everyKindOfCharacter() {
        return PrintedText.parse(KATSURA_WITH_IVS + "城　" + TSUCHIYOSHI + "田" + MJ_ONLY + UNIDENTIFIED_VENDOR);
    }

    /** A valid 67-byte PNG (one grey pixel). */
    public static byte[] tinyPng() {
        return TINY_PNG.clone();
    }

    /** A seal impression (印影) of the tiny PNG, registered as 15 × 15 mm. */
    public static SealImage aSealImage() {
        return new SealImage(TINY_PNG, 15.0, 15.0);
    }

    public static ResidentBuilder aResident() {
        return new ResidentBuilder();
    }

    public static HouseholdBuilder aHousehold() {
        return new HouseholdBuilder();
    }

    public static SealRegistrationBuilder aSeal() {
        return new SealRegistrationBuilder();
    }

    public static TaxRecordBuilder aTaxRecord() {
        return new TaxRecordBuilder();
    }

    public static SuppressionFlagBuilder aSuppressionFlag() {
        return new SuppressionFlagBuilder();
    }

    public static CardholderLinkBuilder aCardholder() {
        return new CardholderLinkBuilder();
    }

    public static PreparedIssuanceBuilder aPreparedIssuance() {
        return new PreparedIssuanceBuilder();
    }

    /** Replica content (複製データ) assembled entity by entity; empty unless filled. */
    public static ReplicaContentBuilder replicaContent() {
        return new ReplicaContentBuilder();
    }

    /**
     * The manifest of a full batch (当初複製データ) of the source for the tenant; its single file lists no
     * records (stores do not look at files).
     */
    public static BatchManifest fullBatch(LocalGovernmentCode tenant, SourceSystem source, long sequence) {
        return new BatchManifest(tenant, source, sequence, BatchKind.FULL, PREPARED_AT,
                List.of(new BatchFile(source.wireName() + ".csv", source.wireName(), 0, EMPTY_SHA256)));
    }

    /** Kurume's settings as its specification describes them. */
    public static TenantSettings kurumeSettings() {
        return TenantSettings.kurume();
    }

    /**
     * Settings of the second tenant that differ from Kurume's in every field: closed over the new-year
     * holidays, different fees, no 個人番号 on 住民票, no minimum age, custom markers, the new tax year from 1 June,
     * a closed day and a day with longer hours, a maintenance window with its notice, and test mode on for two
     * test residents.
     */
    public static TenantSettings chiyodaSettings() {
        return new TenantSettings(
                CHIYODA,
                "千代田区",
                "千代田区長",
                KATSURA_WITH_IVS + "城　" + TSUCHIYOSHI + "郎",
                ZoneId.of("Asia/Tokyo"),
                new ServiceHours(LocalTime.of(6, 30), LocalTime.of(22, 45, 30),
                        Set.of(MonthDay.of(12, 29), MonthDay.of(1, 3))),
                Map.of(CertificateKind.JUMINHYO, 150L, CertificateKind.INKAN, 10L),
                Set.of(CertificateKind.JUMINHYO, CertificateKind.INKAN),
                false,
                Map.of(),
                "（空欄）",
                "",
                MonthDay.of(6, 1),
                List.of(CalendarException.closed(LocalDate.of(2026, 7, 5), "選挙のため休止します"),
                        CalendarException.hours(LocalDate.of(2027, 3, 28), LocalTime.of(6, 0), LocalTime.of(23, 30),
                                "繁忙期のため時間を延長します")),
                List.of(new MaintenanceWindow(LocalDateTime.of(2026, 11, 29, 1, 0), LocalDateTime.of(2026, 11, 29, 7, 0),
                        "定期保守のため 1:00〜7:00 は休止します")),
                TestMode.forResidents(Set.of(new PersonKey("T0001"), new PersonKey("T0002"))));
    }

    /** Today in the fixtures' world, for age and validity checks. */
    public static LocalDate today() {
        return LocalDate.of(2026, 4, 1);
    }
}
