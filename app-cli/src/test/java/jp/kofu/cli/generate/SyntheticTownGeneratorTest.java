package jp.kofu.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.TaxRecord;

class SyntheticTownGeneratorTest {

    private final SyntheticTownGenerator generator = new SyntheticTownGenerator();

    @Test
    void the_same_seed_gives_an_equal_town_every_time() {
        SyntheticTown first = generator.generate(Towns.KURUME, 1_500, 99L, Towns.REFERENCE_DATE);
        SyntheticTown second = generator.generate(Towns.KURUME, 1_500, 99L, Towns.REFERENCE_DATE);
        SyntheticTown third = new SyntheticTownGenerator().generate(Towns.KURUME, 1_500, 99L, Towns.REFERENCE_DATE);

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        // record by record, so a difference would name the first entity that differs
        assertThat(second.content().residents()).containsExactlyElementsOf(first.content().residents());
        assertThat(second.content().seals()).containsExactlyElementsOf(first.content().seals());
        assertThat(second.content().taxRecords()).containsExactlyElementsOf(first.content().taxRecords());
        assertThat(second.content().cardholders()).containsExactlyElementsOf(first.content().cardholders());
        assertThat(second.peopleByTrait()).isEqualTo(first.peopleByTrait());
        assertThat(second.vendorCharacters()).isEqualTo(first.vendorCharacters());
    }

    @Test
    void a_different_seed_gives_a_different_town() {
        SyntheticTown a = generator.generate(Towns.KURUME, 500, 1L, Towns.REFERENCE_DATE);
        SyntheticTown b = generator.generate(Towns.KURUME, 500, 2L, Towns.REFERENCE_DATE);

        assertThat(b).isNotEqualTo(a);
        assertThat(b.content().residents().get(0).name()).isNotEqualTo(a.content().residents().get(0).name());
    }

    @Test
    void the_default_locale_and_time_zone_do_not_change_the_town() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            SyntheticTown inJapan = generator.generate(Towns.KURUME, 300, 5L, Towns.REFERENCE_DATE);
            Locale.setDefault(new Locale("tr", "TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            SyntheticTown elsewhere = generator.generate(Towns.KURUME, 300, 5L, Towns.REFERENCE_DATE);

            assertThat(elsewhere).isEqualTo(inJapan);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void the_town_has_exactly_the_requested_number_of_residents_even_when_tiny() {
        for (int n : new int[] {1, 2, 7, 99, 101}) {
            SyntheticTown town = generator.generate(Towns.KURUME, n, 3L, Towns.REFERENCE_DATE);
            assertThat(town.content().residents()).hasSize(n);
            assertThat(town.content().households()).isNotEmpty();
        }
    }

    @Test
    void zero_residents_is_rejected() {
        assertThatThrownBy(() -> generator.generate(Towns.KURUME, 0, 1L, Towns.REFERENCE_DATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_latest_tax_year_switches_on_the_tenth_of_june() {
        assertThat(SyntheticTownGenerator.taxYear(LocalDate.of(2026, 6, 9))).isEqualTo(2025);
        assertThat(SyntheticTownGenerator.taxYear(LocalDate.of(2026, 6, 10))).isEqualTo(2026);
        assertThat(SyntheticTownGenerator.taxYear(LocalDate.of(2026, 11, 1))).isEqualTo(2026);
        assertThat(SyntheticTownGenerator.taxYear(LocalDate.of(2027, 1, 5))).isEqualTo(2026);
    }

    @Test
    void a_town_before_june_has_the_records_of_the_year_before_and_the_one_before_that() {
        SyntheticTown town = generator.generate(Towns.KURUME, 400, 8L, LocalDate.of(2026, 5, 1));

        assertThat(town.taxYear()).isEqualTo(2025);
        assertThat(town.content().taxRecords()).extracting(TaxRecord::fiscalYear).containsOnly(2024, 2025);
        for (Resident r : town.content().residents()) {
            assertThat(r.addressSetOn().orElseThrow()).isBeforeOrEqualTo(LocalDate.of(2026, 5, 1));
        }
    }

    @Test
    void the_issuer_constant_is_the_jpki_user_authentication_dn() {
        assertThat(SyntheticTownGenerator.JPKI_USER_AUTHENTICATION_ISSUER).isEqualTo(
                "C=JP,O=JPKI,OU=JPKI for user authentication,OU=Japan Agency for Local Authority Information Systems");
    }

    @Test
    void the_description_of_a_town_holds_counts_only() {
        SyntheticTown town = Towns.townOf2000();
        String text = town.toString();

        assertThat(text).contains("2000 residents");
        assertThat(text).doesNotContain(town.content().residents().get(0).name().toUnicode());
    }
}
