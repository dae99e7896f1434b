package jp.kofu.cli.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmupGaugeTest {

    /** A 20 s slice at 300 certificates/s costing {@code perCertificate} ms each, {@code jitShare} of it compiling. */
    private static WarmupGauge.Slice slice(double perCertificate, double jitShare) {
        long prepared = 6_000;
        return new WarmupGauge.Slice(20, prepared, perCertificate * prepared, jitShare * perCertificate * prepared);
    }

    private static WarmupGauge gauge(WarmupGauge.Slice... slices) {
        WarmupGauge g = new WarmupGauge();
        for (WarmupGauge.Slice s : slices) {
            g.add(s);
        }
        return g;
    }

    @Test
    void aColdServerGettingCheaperIsNotSettledUntilItsCostStopsFalling() {
        assertThat(gauge(slice(6.7, 0.02), slice(5.1, 0.02), slice(4.3, 0.02)).settled()).isFalse();
        assertThat(gauge(slice(6.7, 0.02), slice(5.1, 0.02), slice(4.3, 0.02), slice(3.6, 0.02)).settled()).isFalse();
        // within 3 % of the lower of the two before: settled, also when a little dearer (noise)
        assertThat(gauge(slice(5.1, 0.02), slice(4.3, 0.02), slice(3.6, 0.02), slice(3.55, 0.02)).settled()).isTrue();
        assertThat(gauge(slice(4.3, 0.02), slice(3.6, 0.02), slice(3.55, 0.02), slice(3.7, 0.02)).settled()).isTrue();
    }

    @Test
    void aBusyJitCompilerMeansNotSettledEvenAtAFlatCost() {
        assertThat(gauge(slice(3.5, 0.10), slice(3.5, 0.10), slice(3.5, 0.10)).settled()).isFalse();
        assertThat(gauge(slice(3.5, 0.10), slice(3.5, 0.05), slice(3.5, 0.03)).settled()).isTrue();
    }

    @Test
    void fewerThanThreeSlicesOrASliceWithoutCertificatesIsNotSettled() {
        assertThat(gauge().settled()).isFalse();
        assertThat(gauge(slice(3.5, 0), slice(3.5, 0)).settled()).isFalse();
        WarmupGauge.Slice empty = new WarmupGauge.Slice(20, 0, 100, 0);
        assertThat(gauge(slice(3.5, 0), slice(3.5, 0), empty).settled()).isFalse();
        assertThat(gauge(empty, slice(3.5, 0), slice(3.5, 0)).settled()).as("the slice before had no cost per certificate")
                .isFalse();
        assertThat(empty.cpuMillisPerCertificate()).isNaN();
    }

    @Test
    void aSliceTellsItsThroughputCostAndCompilerShare() {
        WarmupGauge.Slice s = new WarmupGauge.Slice(20, 6_000, 21_000, 630);
        assertThat(s.throughput()).isEqualTo(300.0);
        assertThat(s.cpuMillisPerCertificate()).isEqualTo(3.5);
        assertThat(s.compilerShare()).isEqualTo(0.03);
    }
}
