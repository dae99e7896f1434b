package jp.kofu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code kofu bench issue} end to end on its own small town: rounds, medians, and the oracle's verdict. */
class BenchIssueTest {

    @TempDir
    Path dir;

    @Test
    void twoRoundsInProcessReportEachRoundAndTheirMediansWithNoMisissuance() throws Exception {
        CliRun run = CliRun.run("bench", "issue", "--in-process", "--kiosks", "3", "--duration", "2s", "--warmup", "1s",
                "--repeat", "2", "--render-duration", "1s", "--residents", "300", "--card-count", "20",
                "--work", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("rounds").asInt()).isEqualTo(2);
        assertThat(doc.path("perRound")).hasSize(2);
        assertThat(doc.path("prepared").asLong()).isPositive();
        assertThat(doc.path("misissued").asLong()).isZero();
        assertThat(doc.path("errors").asLong()).isZero();
        double a = doc.path("perRound").get(0).path("throughputPerSecond").asDouble();
        double b = doc.path("perRound").get(1).path("throughputPerSecond").asDouble();
        assertThat(a).isPositive();
        assertThat(b).isPositive();
        assertThat(doc.path("throughputPerSecond").asDouble()).isCloseTo((a + b) / 2, org.assertj.core.data.Offset.offset(0.11));
        assertThat(doc.path("renderOnlyPerSecond").asDouble()).isPositive();
        assertThat(doc.path("prepareMillis").path("p99").asDouble()).isPositive();
        assertThat(doc.has("jitSecondsWhileMeasuring")).isTrue();
        // the simulated kiosks' own CPU (JPKI signing, HTTP client) is measured apart from the server's
        double kiosk = doc.path("kioskCpuMillisPerCertificate").asDouble();
        assertThat(kiosk).isPositive().isLessThan(doc.path("cpuMillisPerCertificate").asDouble());
        assertThat(doc.path("serverCpuMillisPerCertificate").asDouble()).isPositive();
        assertThat(doc.path("perRound").get(0).path("kioskCpuMillisPerCertificate").asDouble()).isPositive();
        assertThat(doc.has("isolated")).as("in one process").isFalse();
        assertThat(doc.path("warmup").path("automatic").asBoolean()).isFalse();
        assertThat(doc.path("warmup").path("prepared").asLong()).isPositive();
        assertThat(doc.path("warmup").path("misissued").asLong()).isZero();
    }

    @Test
    void theAutomaticWarmUpStopsAtItsLimitAndSaysItDidNotSettle() throws Exception {
        CliRun run = CliRun.run("bench", "issue", "--in-process", "--kiosks", "3", "--duration", "1s", "--warmup-limit", "2s",
                "--render-duration", "1s", "--residents", "300", "--card-count", "20", "--work", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // one slice, cut to the limit, then the measured run
        assertThat(run.err()).contains("until the server's CPU per certificate settles").contains("warm-up slice 1: ")
                .doesNotContain("warm-up slice 2");
        assertThat(run.out()).containsPattern("warm-up: \\d+ s in 1 slice, NOT settled at \\d+\\.\\d\\d ms");
    }

    @Test
    void aServerElsewhereIsWarmedUpByItsThroughputSinceItsCpuIsNotSeenFromHere() throws Exception {
        Path town = dir.resolve("town");
        String db = "jdbc:h2:file:" + dir.resolve("db/kofu");
        CliRun.generatedAndLoaded(town, db, "--residents", "300", "--seed", "5", "--reference-date", "2026-11-26",
                "--cards", "20");
        Path pki = town.resolve("pki");
        com.google.inject.Injector kofu = jp.kofu.server.wiring.Kofu.injector(new jp.kofu.server.wiring.KofuConfig(db, 0,
                jp.kofu.server.wiring.KioskConfig.defaults().trusting(java.util.List.of(pki.resolve("test-ca.pem")),
                        java.util.List.of(pki.resolve("test-ca.crl")))), CliRun.CLOCK);
        var tenant = jp.kofu.core.tenant.domain.LocalGovernmentCode.parse("402036");
        kofu.getInstance(jp.kofu.core.tenant.port.out.TenantSettingsPort.class).save(
                jp.kofu.core.tenant.domain.TenantSettings.defaultsFor(tenant).withHours(new jp.kofu.core.tenant.domain.ServiceHours(
                        java.time.LocalTime.MIN, java.time.LocalTime.MAX, java.util.Set.of())));
        try (jp.kofu.server.http.KofuServer server = kofu.getInstance(jp.kofu.server.http.KofuServer.class)) {
            String url = "http://127.0.0.1:" + server.start();
            CliRun run = CliRun.run("bench", "issue", "--server", url, "--cards", pki.toString(), "--kiosks", "3",
                    "--duration", "1s", "--warmup-limit", "2s", "--render-duration", "1s", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode doc = new ObjectMapper().readTree(run.out());
            assertThat(doc.path("prepared").asLong()).isPositive();
            assertThat(doc.path("misissued").asLong()).isZero();
            assertThat(doc.has("isolated")).isFalse();
            assertThat(doc.path("warmup").path("settledOn").asText()).isEqualTo("throughput");
            assertThat(doc.path("warmup").path("slices").asInt()).isEqualTo(1);
            assertThat(doc.path("warmup").path("lastSliceThroughputPerSecond").asDouble()).isPositive();
            assertThat(doc.path("warmup").has("lastSliceServerCpuMillisPerCertificate")).isFalse();
            assertThat(run.err()).contains("until the server's throughput (a server elsewhere");
        }
    }

    @Test
    void isolatedTheServerRunsInItsOwnJvmOnItsOwnCoresAndThisProcessGetsItsCoresBack() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(jp.kofu.cli.kiosk.IsolatedServer.unavailableBecause().isEmpty(),
                "taskset and two cores");
        int cores = Runtime.getRuntime().availableProcessors();
        // isolated is the default where the machine allows it; so is the automatic warm-up (here cut to one slice)
        CliRun run = CliRun.run("bench", "issue", "--kiosks", "3", "--duration", "2s", "--warmup-limit", "2s",
                "--render-duration", "1s", "--residents", "300", "--card-count", "20", "--work", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.path("prepared").asLong()).isPositive();
        assertThat(doc.path("misissued").asLong()).isZero();
        assertThat(doc.path("errors").asLong()).isZero();
        // the certificates were rendered by the other JVM: its CPU is measured, and this one rendered none of them
        assertThat(doc.path("isolated").path("serverJvmCpuMillisPerCertificate").asDouble()).isPositive();
        assertThat(doc.path("isolated").has("serverJitCpuMillisPerCertificate")).isTrue();
        assertThat(doc.path("isolated").path("serverJitCpuMillisPerCertificate").asDouble()).isNotNegative()
                .isLessThanOrEqualTo(doc.path("isolated").path("serverJvmCpuMillisPerCertificate").asDouble());
        // the warm-up's slice is measured by the server's JVM too
        assertThat(doc.path("warmup").path("automatic").asBoolean()).isTrue();
        assertThat(doc.path("warmup").path("slices").asInt()).isEqualTo(1);
        assertThat(doc.path("warmup").path("lastSliceServerCpuMillisPerCertificate").asDouble()).isPositive();
        assertThat(doc.path("warmup").path("settledOn").asText()).isEqualTo("serverCpu");
        assertThat(doc.path("cores").asInt()).as("the machine's cores, not the half this process had").isEqualTo(cores);
        assertThat(doc.path("isolated").path("serverCpus").asText()).as("the first half of the cores")
                .isEqualTo(cores / 2 == 1 ? "0" : "0-" + (cores / 2 - 1));
        assertThat(java.nio.file.Files.readString(dir.resolve("server.log"))).contains("402036");
        assertThat(Runtime.getRuntime().availableProcessors()).as("this JVM has its cores back").isEqualTo(cores);
    }

    @Test
    void isolateExcludesAnotherServerAndTheChurns() {
        CliRun run = CliRun.run("bench", "issue", "--isolate", "--delta-interval", "5s", "--work", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--isolate");
    }

    @Test
    void isolateAndInProcessExcludeEachOtherAndInProcessExcludesAnotherServer() {
        CliRun both = CliRun.run("bench", "issue", "--isolate", "--in-process", "--work", dir.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--isolate and --in-process");
        CliRun other = CliRun.run("bench", "issue", "--in-process", "--server", "http://127.0.0.1:1", "--cards",
                dir.toString());
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("--in-process");
    }

    @Test
    void aWarmUpThatIsNeitherADurationNorAutoIsAUsageError() {
        CliRun run = CliRun.run("bench", "issue", "--warmup", "soon", "--work", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("soon");
    }

    @Test
    void aRepeatOutOfRangeIsAUsageError() {
        CliRun run = CliRun.run("bench", "issue", "--repeat", "0", "--work", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--repeat");
    }
}
