package jp.kofu.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.Resident;

/** The 2,000-person town looks like a town: shares of households and traits in plausible ranges. */
class SyntheticTownStatisticsTest {

    private final SyntheticTown town = Towns.townOf2000();
    private final List<Resident> residents = town.content().residents();
    private final int n = residents.size();

    private double share(Trait trait) {
        return (double) town.people(trait).size() / n;
    }

    private long adults() {
        return residents.stream().filter(r -> r.ageOn(town.referenceDate()) >= 18).count();
    }

    private long aged15OrMore() {
        return residents.stream().filter(r -> r.ageOn(town.referenceDate()) >= 15).count();
    }

    @Test
    void every_trait_is_present_in_a_town_of_two_thousand() {
        for (Trait t : Trait.values()) {
            assertThat(town.people(t)).as(t.name()).isNotEmpty();
        }
    }

    @Test
    void households_have_one_to_eight_people_mostly_small_some_big() {
        Map<HouseholdId, Integer> sizes = new HashMap<>();
        residents.forEach(r -> sizes.merge(r.household(), 1, Integer::sum));
        long singles = sizes.values().stream().filter(s -> s == 1).count();
        long big = sizes.values().stream().filter(s -> s > 4).count();
        double average = (double) n / sizes.size();

        assertThat(sizes.values()).allSatisfy(s -> assertThat(s).isBetween(1, 8));
        assertThat((double) singles / sizes.size()).isBetween(0.28, 0.48);
        assertThat(big).isGreaterThanOrEqualTo(10);
        assertThat(average).isBetween(1.9, 2.6);
        assertThat(town.content().households()).hasSize(sizes.size());
    }

    @Test
    void the_age_structure_is_that_of_an_ageing_japanese_city() {
        assertThat(share(Trait.UNDER_15)).isBetween(0.09, 0.19);
        long elderly = residents.stream().filter(r -> r.ageOn(town.referenceDate()) >= 65).count();
        assertThat((double) elderly / n).isBetween(0.20, 0.38);
        assertThat(residents).allSatisfy(r -> assertThat(r.ageOn(town.referenceDate())).isBetween(0, 105));
    }

    @Test
    void foreign_residents_are_two_to_three_percent_some_with_an_alias_or_a_long_name() {
        assertThat(share(Trait.FOREIGN)).isBetween(0.01, 0.045);
        assertThat(town.people(Trait.FOREIGN_WITH_ALIAS)).isNotEmpty();
        assertThat(town.people(Trait.SPECIAL_PERMANENT_RESIDENT)).isNotEmpty();
        assertThat(town.anyWith(Trait.FOREIGN_WITH_ALIAS, Trait.VERY_LONG_NAME)).isPresent();
    }

    @Test
    void about_three_percent_have_mj_variant_characters_and_a_few_have_rarer_ones() {
        assertThat(share(Trait.MJ_VARIANT_NAME)).isBetween(0.02, 0.045);
        assertThat(town.people(Trait.IVS_NAME).size()).isGreaterThanOrEqualTo(5);
        assertThat(town.people(Trait.NON_BMP_NAME)).isNotEmpty();
        assertThat(town.people(Trait.MJ_ONLY_NAME).size()).isBetween(2, 10);
        assertThat(town.people(Trait.UNIDENTIFIED_VENDOR_NAME).size()).isBetween(4, 12);
    }

    @Test
    void statuses_and_flags_have_their_expected_shares() {
        assertThat(share(Trait.REMOVED)).isBetween(0.005, 0.02);
        assertThat(share(Trait.MOVE_OUT_PLANNED)).isBetween(0.003, 0.012);
        assertThat(share(Trait.SUPPORT_MEASURE)).isBetween(0.002, 0.008);
        assertThat(town.people(Trait.SUPPORT_MEASURE_ENDED)).isNotEmpty();
        assertThat(town.people(Trait.STAFF_STOP).size()).isBetween(1, 10);
    }

    @Test
    void about_five_percent_of_married_adults_have_a_former_surname() {
        long married = residents.stream().filter(r -> isMarried(r)).count();
        double share = (double) town.people(Trait.FORMER_SURNAME).size() / married;

        assertThat(share).isBetween(0.025, 0.09);
    }

    private boolean isMarried(Resident r) {
        String rel = r.relationship().toUnicode();
        if (rel.equals("妻") || rel.equals("夫") || rel.equals("子の妻")) {
            return true;
        }
        return rel.equals("世帯主") && residents.stream().anyMatch(o -> o.household().equals(r.household())
                && (o.relationship().toUnicode().equals("妻") || o.relationship().toUnicode().equals("夫")));
    }

    @Test
    void most_adults_hold_a_card_and_about_sixty_percent_registered_a_seal() {
        double cards = (double) town.people(Trait.CARDHOLDER).size() / aged15OrMore();
        long withSeal = aged15OrMore() - town.people(Trait.NO_SEAL).size();

        assertThat(cards).isBetween(0.6, 0.8);
        assertThat((double) withSeal / aged15OrMore()).isBetween(0.5, 0.7);
        assertThat(town.people(Trait.SEAL_ABOLISHED)).isNotEmpty();
        assertThat(town.people(Trait.SEAL_LOST)).isNotEmpty();
    }

    @Test
    void a_fifth_to_a_quarter_of_adults_are_not_taxed_and_a_few_did_not_file() {
        double nonTaxable = (double) town.people(Trait.NON_TAXABLE).size() / adults();
        double notFiled = (double) town.people(Trait.NOT_FILED).size() / adults();
        double newcomers = (double) town.people(Trait.NOT_RESIDENT_ON_JANUARY_1).size() / adults();

        assertThat(nonTaxable).isBetween(0.15, 0.32);
        assertThat(notFiled).isBetween(0.015, 0.05);
        assertThat(newcomers).isBetween(0.008, 0.04);
        assertThat(town.people(Trait.HAS_UNFILED_DEPENDANT)).isNotEmpty();
    }

    @Test
    void a_few_addresses_are_a_hundred_characters_or_more() {
        assertThat(town.people(Trait.VERY_LONG_ADDRESS)).isNotEmpty();
        assertThat(share(Trait.VERY_LONG_ADDRESS)).isLessThan(0.01);
    }

    @Test
    void the_ground_truth_lists_are_sorted_and_within_the_town() {
        for (Trait t : Trait.values()) {
            assertThat(town.people(t)).isSorted().doesNotHaveDuplicates();
            assertThat(town.people(t)).allSatisfy(k -> assertThat(town.resident(k)).isPresent());
        }
    }
}
