package jp.kofu.core.sync.domain.digest;

import static jp.kofu.core.testing.Fixtures.aCardholder;
import static jp.kofu.core.testing.Fixtures.aHousehold;
import static jp.kofu.core.testing.Fixtures.aResident;
import static jp.kofu.core.testing.Fixtures.aSeal;
import static jp.kofu.core.testing.Fixtures.aSuppressionFlag;
import static jp.kofu.core.testing.Fixtures.aTaxRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.testing.Fixtures;

/** The canonical form of records, their hashes and the order-independent hash sum. */
class CanonicalFormTest {

    private final CanonicalForm form = new CanonicalForm();

    private <R> String hash(ReplicaEntity<R> entity, R record) {
        return HexFormat.of().formatHex(form.hash(entity, record));
    }

    @Test
    void equal_records_hash_equal_and_a_change_of_any_one_field_changes_the_hash() {
        Resident base = aResident().withKey("P0001").named("山田　太郎").version(3).build();
        assertThat(hash(ReplicaEntity.RESIDENTS, base))
                .isEqualTo(hash(ReplicaEntity.RESIDENTS, aResident().withKey("P0001").named("山田　太郎").version(3).build()));
        assertThat(List.of(
                aResident().withKey("P0001").named("山田　太朗").version(3).build(),
                aResident().withKey("P0001").named("山田　太郎").version(4).build(),
                aResident().withKey("P0002").named("山田　太郎").version(3).build(),
                aResident().withKey("P0001").named("山田　太郎").withRelationship("子").version(3).build()))
                .extracting(r -> hash(ReplicaEntity.RESIDENTS, r))
                .doesNotContain(hash(ReplicaEntity.RESIDENTS, base))
                .doesNotHaveDuplicates();
    }

    @Test
    void a_seal_hashes_its_image_bytes_and_size() {
        byte[] png = Fixtures.tinyPng();
        byte[] other = png.clone();
        other[other.length - 1] ^= 1;
        String h = hash(ReplicaEntity.SEALS, aSeal().withImage(new SealImage(png, 15, 15)).build());
        assertThat(hash(ReplicaEntity.SEALS, aSeal().withImage(new SealImage(png, 15.0, 15.00)).build())).isEqualTo(h);
        assertThat(hash(ReplicaEntity.SEALS, aSeal().withImage(new SealImage(other, 15, 15)).build())).isNotEqualTo(h);
        assertThat(hash(ReplicaEntity.SEALS, aSeal().withImage(new SealImage(png, 15, 15.5)).build())).isNotEqualTo(h);
        assertThat(CanonicalForm.millimetres(15.0)).isEqualTo("15");
        assertThat(CanonicalForm.millimetres(15.50)).isEqualTo("15.5");
        assertThat(CanonicalForm.millimetres(20)).isEqualTo("20");
    }

    @Test
    void income_lines_and_deductions_are_canonical_in_any_order_but_the_dependants_order_counts() {
        TaxRecord a = aTaxRecord().of("P0001").forFiscalYear(2026).withoutIncomes().withoutDeductions()
                .withIncome(TaxRecord.IncomeKind.PENSION, 2_000_000, 900_000)
                .withIncome(TaxRecord.IncomeKind.SALARY, 3_000_000, 2_000_000)
                .withDeduction(TaxRecord.DeductionKind.BASIC, 430_000)
                .withDeduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 100_000)
                .withDependant("山田　花子", "妻", true).withDependant("山田　一郎", "子", false).build();
        TaxRecord b = aTaxRecord().of("P0001").forFiscalYear(2026).withoutIncomes().withoutDeductions()
                .withIncome(TaxRecord.IncomeKind.SALARY, 3_000_000, 2_000_000)
                .withIncome(TaxRecord.IncomeKind.PENSION, 2_000_000, 900_000)
                .withDeduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 100_000)
                .withDeduction(TaxRecord.DeductionKind.BASIC, 430_000)
                .withDependant("山田　花子", "妻", true).withDependant("山田　一郎", "子", false).build();
        TaxRecord swappedDependants = aTaxRecord().of("P0001").forFiscalYear(2026).withoutIncomes().withoutDeductions()
                .withIncome(TaxRecord.IncomeKind.SALARY, 3_000_000, 2_000_000)
                .withIncome(TaxRecord.IncomeKind.PENSION, 2_000_000, 900_000)
                .withDeduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 100_000)
                .withDeduction(TaxRecord.DeductionKind.BASIC, 430_000)
                .withDependant("山田　一郎", "子", false).withDependant("山田　花子", "妻", true).build();

        assertThat(a).isEqualTo(b);
        assertThat(a.incomes()).extracting(TaxRecord.Income::kind)
                .containsExactly(TaxRecord.IncomeKind.SALARY, TaxRecord.IncomeKind.PENSION);
        assertThat(hash(ReplicaEntity.TAX_RECORDS, a)).isEqualTo(hash(ReplicaEntity.TAX_RECORDS, b));
        assertThat(hash(ReplicaEntity.TAX_RECORDS, swappedDependants)).isNotEqualTo(hash(ReplicaEntity.TAX_RECORDS, a));
        TaxRecord unfiledDependant = aTaxRecord().of("P0001").forFiscalYear(2026).withoutIncomes().withoutDeductions()
                .withIncome(TaxRecord.IncomeKind.SALARY, 3_000_000, 2_000_000)
                .withIncome(TaxRecord.IncomeKind.PENSION, 2_000_000, 900_000)
                .withDeduction(TaxRecord.DeductionKind.SOCIAL_INSURANCE, 100_000)
                .withDeduction(TaxRecord.DeductionKind.BASIC, 430_000)
                .withDependant("山田　花子", "妻", false).withDependant("山田　一郎", "子", false).build();
        assertThat(hash(ReplicaEntity.TAX_RECORDS, unfiledDependant)).isNotEqualTo(hash(ReplicaEntity.TAX_RECORDS, a));
    }

    @Test
    void field_boundaries_are_unambiguous() {
        // the same characters split differently between two fields give different forms
        Resident a = aResident().withKey("P0001").named("山田").withRelationship("太郎").build();
        Resident b = aResident().withKey("P0001").named("山田太").withRelationship("郎").build();
        assertThat(hash(ReplicaEntity.RESIDENTS, a)).isNotEqualTo(hash(ReplicaEntity.RESIDENTS, b));
    }

    @Test
    void every_entity_has_a_form_and_a_record_of_another_entity_is_refused() {
        assertThat(List.of(
                hash(ReplicaEntity.HOUSEHOLDS, aHousehold().build()),
                hash(ReplicaEntity.SUPPRESSION_FLAGS, aSuppressionFlag().from(LocalDate.of(2025, 1, 1)).build()),
                hash(ReplicaEntity.SUPPRESSION_FLAGS, aSuppressionFlag().from(LocalDate.of(2025, 1, 1))
                        .until(LocalDate.of(2025, 2, 1)).build()),
                hash(ReplicaEntity.CARDHOLDERS, aCardholder().withSerial(7).build()),
                hash(ReplicaEntity.CARDHOLDERS, aCardholder().withSerial(8).build())))
                .doesNotHaveDuplicates();
        @SuppressWarnings({"unchecked", "rawtypes"})
        ReplicaEntity<Object> households = (ReplicaEntity) ReplicaEntity.HOUSEHOLDS;
        assertThatThrownBy(() -> form.hash(households, aResident().build())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_hash_sum_does_not_depend_on_order_and_duplicates_do_not_cancel() {
        Random random = new Random(42);
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] h = new byte[32];
            random.nextBytes(h);
            hashes.add(h);
        }
        HashSum forward = new HashSum();
        hashes.forEach(forward::add);
        List<byte[]> shuffled = new ArrayList<>(hashes);
        Collections.shuffle(shuffled, random);
        HashSum any = new HashSum();
        shuffled.forEach(any::add);
        assertThat(any.hex()).isEqualTo(forward.hex());
        assertThat(any.count()).isEqualTo(1000);

        HashSum once = new HashSum();
        once.add(hashes.get(0));
        HashSum twice = new HashSum();
        twice.add(hashes.get(0));
        twice.add(hashes.get(0));
        assertThat(twice.hex()).isNotEqualTo(HashSum.zero()).isNotEqualTo(once.hex());
        assertThat(new HashSum().hex()).isEqualTo(HashSum.zero());
    }

    @Test
    void the_hash_sum_carries_across_all_256_bits_and_wraps() {
        byte[] max = new byte[32];
        Arrays.fill(max, (byte) 0xFF);
        byte[] one = new byte[32];
        one[31] = 1;
        HashSum sum = new HashSum();
        sum.add(max);
        sum.add(one);
        assertThat(sum.hex()).isEqualTo(HashSum.zero());

        byte[] lowLimbFull = new byte[32];
        Arrays.fill(lowLimbFull, 24, 32, (byte) 0xFF);
        HashSum carry = new HashSum();
        carry.add(lowLimbFull);
        carry.add(one);
        assertThat(carry.hex()).isEqualTo("0".repeat(47) + "1" + "0".repeat(16));
    }
}
