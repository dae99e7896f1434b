package jp.kofu.cli.generate;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The synthetic town generator (合成住民データ生成器): a whole municipality's worth of plausible residents,
 * households, seal registrations, suppression flags, My Number card links and tax records, for tests,
 * benchmarks and the demo. Nothing in it is real; it is modelled on Kurume (福岡県久留米市) whatever the
 * tenant code.
 *
 * <p>Deterministic: the same tenant, size, seed and reference date always give an equal town, whatever the
 * locale or time zone (one seeded {@link java.util.SplittableRandom}, no hash-order iteration, no clock).
 * The reference date is "today" for ages, periods and statuses. The seal images are rasterised by Java2D,
 * so their bytes are only promised equal on the same JDK build and font.
 *
 * <p>The latest tax year is the reference date's calendar year from 10 June on (when the new 年度's
 * assessments are out; Asahikawa switched on 2024-06-10), the year before until then; the records of the
 * year before that are generated too. See {@link TaxRules} for the simplified tax arithmetic.
 *
 * <p>Seal impressions (印影) use IPAmj Mincho when adapters-jlis puts it on the classpath, else a logical
 * font; the font is loaded once per JVM and images are cached per engraved text.
 */
public final class SyntheticTownGenerator {

    /** The issuer DN of JPKI user-authentication certificates (利用者証明用電子証明書), RFC 4514 form. */
    public static final String JPKI_USER_AUTHENTICATION_ISSUER =
            "C=JP,O=JPKI,OU=JPKI for user authentication,OU=Japan Agency for Local Authority Information Systems";

    /** From this day of the year on, the new fiscal year's tax records are the latest. */
    public static final MonthDay TAX_YEAR_SWITCH = MonthDay.of(6, 10);

    private final TownTables tables;
    private final SealImages sealImages;

    public SyntheticTownGenerator() {
        this.tables = TownTables.get();
        this.sealImages = new SealImages();
    }

    /**
     * Generates a town.
     *
     * @param tenant the municipality the records belong to
     * @param residents how many people (including removed ones), at least 1
     * @param seed the seed; equal seeds give equal towns
     * @param referenceDate "today" in the town
     */
    public SyntheticTown generate(LocalGovernmentCode tenant, int residents, long seed, LocalDate referenceDate) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(referenceDate, "referenceDate");
        if (residents < 1) {
            throw new IllegalArgumentException("a town needs at least one resident: " + residents);
        }
        int taxYear = taxYear(referenceDate);
        TownBuilder builder = new TownBuilder(tables, residents, seed, referenceDate, taxYear);
        builder.build();
        ReplicaContent content = new ReplicaAssembler(builder, sealImages, JPKI_USER_AUTHENTICATION_ISSUER).assemble();
        return new SyntheticTown(tenant, seed, referenceDate, taxYear, content,
                TraitIndex.of(content, referenceDate, taxYear, tables.variantUcsCodePoints), builder.vendorUsed);
    }

    /** The latest fiscal year (年度) whose tax records exist on the day. */
    public static int taxYear(LocalDate day) {
        return MonthDay.from(day).isBefore(TAX_YEAR_SWITCH) ? day.getYear() - 1 : day.getYear();
    }

    /** Whether seal images are drawn with IPAmj Mincho (else with a logical font lacking most kanji). */
    public static boolean sealsUseIpamjFont() {
        return SealImages.hasEmbeddedFont();
    }
}
