package jp.kofu.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.TaxRecord;

/** The 2,000-person town is internally consistent: the rules a real register and tax system keep. */
class SyntheticTownContentTest {

    private final SyntheticTown town = Towns.townOf2000();
    private final LocalDate today = town.referenceDate();
    private final List<Resident> residents = town.content().residents();

    private Map<HouseholdId, List<Resident>> byHousehold() {
        Map<HouseholdId, List<Resident>> m = new LinkedHashMap<>();
        residents.forEach(r -> m.computeIfAbsent(r.household(), k -> new ArrayList<>()).add(r));
        return m;
    }

    private static String text(PrintedText t) {
        return t.toUnicode();
    }

    @Test
    void every_household_lists_exactly_one_head_and_lists_it_first() {
        Map<HouseholdId, Household> households = new HashMap<>();
        town.content().households().forEach(h -> households.put(h.id(), h));
        byHousehold().forEach((id, members) -> {
            assertThat(text(members.get(0).relationship())).as(id.value()).isEqualTo("世帯主");
            assertThat(members.stream().filter(m -> text(m.relationship()).equals("世帯主"))).hasSize(1);
            assertThat(households.get(id).headName()).isEqualTo(members.get(0).name());
            assertThat(members).extracting(Resident::address).containsOnly(members.get(0).address());
            assertThat(members).extracting(Resident::addressSupplement).containsOnly(members.get(0).addressSupplement());
        });
    }

    @Test
    void relationships_agree_with_sex_and_age() {
        byHousehold().forEach((id, members) -> {
            Resident head = members.get(0);
            int headAge = head.ageOn(today);
            for (Resident m : members) {
                String rel = text(m.relationship());
                int age = m.ageOn(today);
                switch (rel) {
                    case "妻", "母", "子の妻", "妻（未届）" -> assertThat(m.sex()).as(rel).isEqualTo(Sex.FEMALE);
                    case "夫", "父", "夫（未届）" -> assertThat(m.sex()).as(rel).isEqualTo(Sex.MALE);
                    default -> {
                    }
                }
                switch (rel) {
                    case "子" -> assertThat(headAge - age).as("子 of " + id).isGreaterThanOrEqualTo(16);
                    case "孫" -> assertThat(headAge - age).as("孫 of " + id).isGreaterThanOrEqualTo(36);
                    case "父", "母" -> assertThat(age - headAge).as(rel + " of " + id).isGreaterThanOrEqualTo(16);
                    case "妻", "夫", "子の妻" -> assertThat(age).as(rel).isGreaterThanOrEqualTo(18);
                    case "世帯主", "同居人", "妻（未届）", "夫（未届）" -> {
                    }
                    default -> throw new AssertionError("unexpected 続柄 " + rel);
                }
                if (!m.isForeignResident() && !rel.equals("同居人") && !rel.endsWith("（未届）")
                        && !head.isForeignResident()) {
                    assertThat(surname(m)).as("surname of " + rel).isEqualTo(surname(head));
                }
            }
        });
    }

    private static String surname(Resident r) {
        String name = r.name().toTagged();
        return name.substring(0, name.indexOf('\u3000'));
    }

    @Test
    void names_have_katakana_readings_and_japanese_residents_have_a_domicile() {
        for (Resident r : residents) {
            assertThat(text(r.nameKana())).matches("[\\u30A0-\\u30FF\\u3000]+");
            if (!r.formerSurname().isEmpty()) {
                assertThat(text(r.formerSurnameKana())).matches("[\\u30A0-\\u30FF]+");
                assertThat(r.formerSurname()).isNotEqualTo(PrintedText.plain(surname(r)));
            }
            if (r.isForeignResident()) {
                assertThat(r.domicile()).isEqualTo(PrintedText.EMPTY);
            } else {
                assertThat(text(r.domicile())).matches("(北海道|東京都|大阪府|京都府|.{2,3}県).+番地");
                assertThat(r.domicileHead().isEmpty()).isFalse();
            }
        }
    }

    @Test
    void dates_follow_one_another() {
        for (Resident r : residents) {
            LocalDate became = r.becameResidentOn().orElseThrow();
            LocalDate set = r.addressSetOn().orElseThrow();
            LocalDate notified = r.notifiedOn().orElseThrow();
            assertThat(became).as(r.key().value()).isAfterOrEqualTo(r.birthDate());
            assertThat(set).isAfterOrEqualTo(became);
            assertThat(notified).isAfterOrEqualTo(set).isBeforeOrEqualTo(today);
            String reason = text(r.entryReason());
            assertThat(reason).isIn("出生", "転入", "国外転入", "転居", "世帯変更", "職権記載");
            if (reason.equals("出生")) {
                assertThat(became).isEqualTo(r.birthDate());
            }
            if (reason.equals("転入") || reason.equals("国外転入")) {
                assertThat(r.addressBeforeMoveIn().isEmpty()).isFalse();
            }
            if (reason.equals("転居")) {
                assertThat(set).isAfter(became);
                assertThat(text(r.addressBeforeChange())).startsWith("福岡県久留米市");
            }
        }
    }

    @Test
    void addresses_are_in_kurume_with_full_width_numbers() {
        for (Resident r : residents) {
            assertThat(text(r.address())).startsWith("福岡県久留米市").doesNotContainPattern("[0-9]");
            assertThat(text(r.addressSupplement())).doesNotContainPattern("[0-9]");
        }
        assertThat(town.people(Trait.VERY_LONG_ADDRESS)).allSatisfy(k -> {
            Resident r = town.resident(k).orElseThrow();
            assertThat(r.address().length() + r.addressSupplement().length()).isGreaterThanOrEqualTo(100);
        });
    }

    @Test
    void foreign_residents_have_complete_items_and_residence_card_numbers_in_the_real_format() {
        Set<String> cardNumbers = new HashSet<>();
        for (Resident r : residents) {
            r.foreign().ifPresent(f -> {
                assertThat(f.article30_45Category()).isIn("中長期在留者", "特別永住者");
                assertThat(f.residenceCardNumber()).matches("[A-Z]{2}[0-9]{8}[A-Z]{2}");
                assertThat(cardNumbers.add(f.residenceCardNumber())).isTrue();
                assertThat(f.becameForeignResidentOn()).isAfterOrEqualTo(r.birthDate());
                if (f.article30_45Category().equals("特別永住者")) {
                    assertThat(f.residenceStatus()).isEqualTo(PrintedText.EMPTY);
                    assertThat(f.stayExpiresOn()).isEmpty();
                } else {
                    assertThat(f.residenceStatus().isEmpty()).isFalse();
                    if (!f.periodOfStay().isEmpty()) {
                        assertThat(f.stayExpiresOn()).get().matches(d -> d.isAfter(today), "after today");
                    }
                }
            });
        }
    }

    @Test
    void every_individual_number_and_resident_record_code_has_a_valid_check_digit() {
        Set<String> numbers = new HashSet<>();
        long withNumber = 0;
        for (Resident r : residents) {
            if (r.individualNumber().isPresent()) {
                String v = r.individualNumber().get().value();
                assertThat(v).hasSize(12);
                assertThat(v.charAt(11) - '0').isEqualTo(individualNumberCheckDigit(v.substring(0, 11)));
                assertThat(numbers.add(v)).isTrue();
                withNumber++;
            }
            assertThat(r.residentRecordCode()).isPresent();
            assertThat(numbers.add("R" + r.residentRecordCode().get().value())).isTrue();
        }
        assertThat((double) withNumber / residents.size()).isGreaterThan(0.98);
    }

    /** 番号法施行令 第8条, written out again here so the test does not trust the code under test. */
    private static int individualNumberCheckDigit(String eleven) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = eleven.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    @Test
    void every_variation_sequence_is_one_listed_with_its_mj_id_and_every_mj_only_character_has_no_code_point() {
        Set<String> listedSequences = new HashSet<>();
        Set<MjId> mjOnly = new HashSet<>();
        for (String[] row : Towns.resourceRows("mj-variants.tsv")) {
            if (row[1].equals("IVS")) {
                listedSequences.add(row[2]);
                assertThat(row[2]).matches("U\\+[0-9A-F]{4,5} U\\+E01[0-9A-E][0-9A-F]");
            } else if (row[1].equals("MJONLY")) {
                mjOnly.add(MjId.parse(row[3]));
            }
        }
        int sequences = 0;
        for (Resident r : residents) {
            for (PrintedText t : List.of(r.name(), r.formerSurname(), r.alias(), r.domicileHead())) {
                for (PrintedChar c : t.chars()) {
                    if (c instanceof PrintedChar.VariationSequence v) {
                        sequences++;
                        assertThat(listedSequences).contains(
                                String.format("U+%04X U+%04X", v.base(), v.selector()));
                    } else if (c instanceof PrintedChar.MjOnly m) {
                        assertThat(mjOnly).contains(m.id());
                    }
                }
            }
        }
        assertThat(sequences).isPositive();
    }

    @Test
    void vendor_characters_are_unidentified_private_use_codes_with_their_intended_mj_character() {
        Map<String, MjId> listed = new HashMap<>();
        for (String[] row : Towns.resourceRows("vendor-gaiji.tsv")) {
            listed.put(row[0], MjId.parse(row[2]));
        }
        Set<String> used = new HashSet<>();
        for (PersonKey k : town.people(Trait.UNIDENTIFIED_VENDOR_NAME)) {
            Resident r = town.resident(k).orElseThrow();
            assertThat(r.hasUnidentifiedCharacters()).isTrue();
            r.name().chars().stream()
                    .filter(c -> c instanceof PrintedChar.UnidentifiedVendor)
                    .map(c -> ((PrintedChar.UnidentifiedVendor) c).vendorCode())
                    .forEach(used::add);
        }
        assertThat(used).allSatisfy(code -> assertThat(code).matches("U\\+E0[0-9A-F]{2}"));
        assertThat(town.vendorCharacters().keySet()).isEqualTo(used);
        town.vendorCharacters().forEach((code, mj) -> assertThat(listed.get(code)).isEqualTo(mj));
        assertThat(used.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void seals_belong_to_people_of_fifteen_or_more_and_their_images_decode() throws IOException {
        Map<PersonKey, Resident> byKey = new HashMap<>();
        residents.forEach(r -> byKey.put(r.key(), r));
        Set<String> numbers = new HashSet<>();
        Map<Integer, Boolean> decoded = new HashMap<>();
        for (SealRegistration s : town.content().seals()) {
            Resident r = byKey.get(s.person());
            assertThat(Period15.ageOn(r, s.registeredOn())).isGreaterThanOrEqualTo(15);
            assertThat(s.registeredOn()).isBefore(today);
            assertThat(numbers.add(s.registrationNumber())).isTrue();
            assertThat(s.image().widthMm()).isBetween(10.0, 18.0);
            assertThat(s.registeredName().isEmpty()).isFalse();
            if (r.status() == ResidentStatus.REMOVED) {
                assertThat(s.status()).isNotEqualTo(SealStatus.REGISTERED);
            }
            byte[] png = s.image().png();
            assertThat(png.length).isLessThan(2_500);
            if (decoded.putIfAbsent(java.util.Arrays.hashCode(png), Boolean.TRUE) == null) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
                assertThat(img).isNotNull();
                assertThat(img.getWidth()).isEqualTo(96);
                assertThat(img.getHeight()).isEqualTo(96);
            }
        }
        assertThat(decoded.size()).isLessThan(town.content().seals().size() / 2);
    }

    /** Age on a day, for readability above. */
    private static final class Period15 {
        static int ageOn(Resident r, LocalDate day) {
            return java.time.Period.between(r.birthDate(), day).getYears();
        }
    }

    @Test
    void cards_are_held_by_people_of_fifteen_or_more_in_the_register_with_unique_positive_serials() {
        Set<BigInteger> serials = new HashSet<>();
        for (CardholderLink c : town.content().cardholders()) {
            Resident r = town.resident(c.person()).orElseThrow();
            assertThat(c.issuer()).isEqualTo(SyntheticTownGenerator.JPKI_USER_AUTHENTICATION_ISSUER);
            assertThat(c.serial().signum()).isPositive();
            assertThat(serials.add(c.serial())).isTrue();
            assertThat(r.ageOn(today)).isGreaterThanOrEqualTo(15);
            assertThat(r.status()).isNotEqualTo(ResidentStatus.REMOVED);
            assertThat(town.cardOf(c.person())).contains(c);
        }
    }

    @Test
    void tax_records_follow_the_documented_arithmetic() {
        for (TaxRecord t : town.content().taxRecords()) {
            assertThat(t.fiscalYear()).isIn(town.taxYear(), town.taxYear() - 1);
            if (!t.residentOnJanuary1() || !t.filed()) {
                assertThat(t.incomes()).isEmpty();
                assertThat(t.totalTax()).isZero();
                continue;
            }
            long expectedTaxable = Math.max(0, t.totalIncome() - t.totalDeductions()) / 1000 * 1000;
            assertThat(t.taxableIncome()).isEqualTo(expectedTaxable);
            if (t.nonTaxable()) {
                assertThat(t.incomeLevy()).isZero();
            } else {
                assertThat(t.perCapitaLevy()).isEqualTo(5_000);
                assertThat(t.incomeLevy()).isEqualTo(Math.max(0, t.taxableIncome() / 10 - 2_500) / 100 * 100);
            }
            assertThat(t.deductions()).anySatisfy(d -> {
                assertThat(d.kind()).isEqualTo(TaxRecord.DeductionKind.BASIC);
                assertThat(d.amount()).isEqualTo(430_000);
            });
        }
    }

    @Test
    void people_who_moved_in_this_year_have_their_previous_address_as_the_address_on_the_first_of_january() {
        LocalDate january1 = LocalDate.of(town.taxYear(), 1, 1);
        assertThat(town.people(Trait.NOT_RESIDENT_ON_JANUARY_1)).allSatisfy(k -> {
            Resident r = town.resident(k).orElseThrow();
            assertThat(r.becameResidentOn().orElseThrow()).isAfter(january1);
            TaxRecord latest = town.content().taxRecords().stream()
                    .filter(t -> t.person().equals(k) && t.fiscalYear() == town.taxYear()).findFirst().orElseThrow();
            assertThat(latest.addressOnJanuary1()).isEqualTo(r.addressBeforeMoveIn());
        });
    }

    @Test
    void dependants_are_household_members_and_those_who_did_not_file_are_marked() {
        Map<HouseholdId, Set<PrintedText>> namesByHousehold = new HashMap<>();
        residents.forEach(r -> namesByHousehold.computeIfAbsent(r.household(), k -> new HashSet<>()).add(r.name()));
        int unfiled = 0;
        for (TaxRecord t : town.content().taxRecords()) {
            Resident payer = town.resident(t.person()).orElseThrow();
            for (TaxRecord.Dependant d : t.dependants()) {
                assertThat(namesByHousehold.get(payer.household())).contains(d.name());
                assertThat(d.name()).isNotEqualTo(payer.name());
                if (!d.filed()) {
                    unfiled++;
                }
            }
        }
        assertThat(unfiled).isPositive();
    }

    @Test
    void suppression_flags_concern_people_of_the_town_and_end_after_they_start() {
        town.content().suppressionFlags().forEach(f -> {
            assertThat(town.resident(f.person())).isPresent();
            f.until().ifPresent(u -> assertThat(u).isAfterOrEqualTo(f.from()));
        });
        assertThat(town.people(Trait.SUPPORT_MEASURE)).allSatisfy(k -> assertThat(
                town.content().suppressionFlags().stream().anyMatch(f -> f.person().equals(k) && f.inForceOn(today)))
                .isTrue());
    }

    @Test
    void nobody_under_fifteen_has_a_seal_or_a_card_and_removed_people_stay_in_their_household() {
        for (PersonKey k : town.people(Trait.UNDER_15)) {
            assertThat(town.has(k, Trait.SEAL_REGISTERED)).isFalse();
            assertThat(town.has(k, Trait.CARDHOLDER)).isFalse();
        }
        Set<HouseholdId> households = new HashSet<>();
        town.content().households().forEach(h -> households.add(h.id()));
        assertThat(town.people(Trait.REMOVED)).allSatisfy(
                k -> assertThat(households).contains(town.resident(k).orElseThrow().household()));
    }

    @Test
    void all_records_are_at_version_one() {
        assertThat(residents).extracting(Resident::version).containsOnly(1L);
        assertThat(town.content().households()).extracting(Household::version).containsOnly(1L);
        assertThat(town.content().seals()).extracting(SealRegistration::version).containsOnly(1L);
        assertThat(town.content().taxRecords()).extracting(TaxRecord::version).containsOnly(1L);
        assertThat(town.content().cardholders()).extracting(CardholderLink::version).containsOnly(1L);
    }

    @Test
    void the_resident_record_and_tax_exports_split_the_content() {
        assertThat(town.residentRecordContent().taxRecords()).isEmpty();
        assertThat(town.taxContent().residents()).isEmpty();
        assertThat(town.residentRecordContent().plus(town.taxContent()).size()).isEqualTo(town.content().size());
    }
}
