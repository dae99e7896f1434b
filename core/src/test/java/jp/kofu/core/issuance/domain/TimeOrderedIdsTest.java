package jp.kofu.core.issuance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant AT = Instant.parse("2027-01-04T06:30:00.123Z");

    @Test
    void bytesStartWithTheMillisecondsBigEndianAndEndWithFreshRandomBytes() {
        byte[] a = TimeOrderedIds.bytes(AT, 32);
        byte[] b = TimeOrderedIds.bytes(AT, 32);

        assertThat(a).hasSize(38);
        long millis = 0;
        for (int i = 0; i < 6; i++) {
            millis = millis << 8 | (a[i] & 0xFF);
        }
        assertThat(millis).isEqualTo(AT.toEpochMilli());
        assertThat(Arrays.copyOf(b, 6)).isEqualTo(Arrays.copyOf(a, 6));
        assertThat(Arrays.copyOfRange(b, 6, 38)).isNotEqualTo(Arrays.copyOfRange(a, 6, 38));
    }

    @Test
    void laterIdsSortAfterEarlierOnesBytewise() {
        byte[] earlier = TimeOrderedIds.bytes(AT, 32);
        byte[] later = TimeOrderedIds.bytes(AT.plusMillis(1), 32);

        assertThat(Arrays.compareUnsigned(earlier, later)).isNegative();
    }

    @Test
    void uuidV7CarriesTheTimeTheVersionAndTheVariantAndSortsByTime() {
        UUID id = TimeOrderedIds.uuidV7(AT);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());

        List<UUID> ids = new ArrayList<>();
        Set<UUID> distinct = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            UUID next = TimeOrderedIds.uuidV7(AT.plusMillis(i));
            ids.add(next);
            distinct.add(TimeOrderedIds.uuidV7(AT));
        }
        assertThat(ids).isSorted();
        assertThat(distinct).hasSize(1_000);
        assertThat(IssuanceId.timeOrdered(AT).value().version()).isEqualTo(7);
    }
}
