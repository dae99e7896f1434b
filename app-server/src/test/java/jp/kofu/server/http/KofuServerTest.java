package jp.kofu.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;
import jp.kofu.server.wiring.Kofu;
import jp.kofu.server.wiring.KofuConfig;

class KofuServerTest {

    @TempDir
    Path dir;

    @Test
    void servesHealthAndPrometheusMetricsOverARealSocket() throws Exception {
        Injector kofu = Kofu.injector(new KofuConfig("jdbc:h2:file:" + dir.resolve("db/kofu"), 0));
        kofu.getInstance(TenantSettingsPort.class).save(TenantSettings.kurume());
        try (KofuServer server = kofu.getInstance(KofuServer.class)) {
            int port = server.start();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"tenants\":1");

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("kofu_http_requests_total");
        }
    }
}
