package jp.kofu.cli.kiosk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kofu.adapters.jlis.jpki.TestPki;

/**
 * A simulated kiosk (キオスク端末のシミュレータ) speaking kofu's J-LIS interface over HTTP
 * ({@code docs/jlis-interface.md}): it holds a test card, signs challenges with it, and walks challenge →
 * authenticate → menu → prepare → complete. Thread-safe: one client may serve many simulated kiosks.
 */
public final class KioskClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String tenant;
    private final String store;
    private final String prefecture;

    /**
     * @param server e.g. http://127.0.0.1:8080
     * @param tenant 地方公共団体コード
     * @param store 店舗コード of the simulated store
     * @param prefecture 都道府県コード of the store
     */
    public KioskClient(HttpClient http, URI server, String tenant, String store, String prefecture) {
        this.http = http;
        this.base = server.toString().replaceAll("/+$", "") + "/jlis/v1/";
        this.tenant = tenant;
        this.store = store;
        this.prefecture = prefecture;
    }

    /** An HTTP/1.1 client suited to many concurrent kiosks. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same kiosk in another store. */
    public KioskClient atStore(String otherStore, String otherPrefecture) {
        return new KioskClient(http, URI.create(base.substring(0, base.length() - "/jlis/v1/".length())), tenant,
                otherStore, otherPrefecture);
    }

    /** A response: HTTP status and the JSON body. */
    public record Reply(int status, JsonNode json) {
        public String result() {
            return json.path("result").asText();
        }

        public String text(String field) {
            return json.path(field).asText();
        }
    }

    /** The body every call carries, plus the pairs given. */
    public Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", tenant);
        m.put("store", store);
        m.put("prefecture", prefecture);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Sends a call with a fresh idempotency key. */
    public Reply call(String operation, Map<String, Object> body) throws IOException, InterruptedException {
        return call(operation, body, UUID.randomUUID().toString());
    }

    /** Sends a call with the idempotency key (the same key and body again is a retry). */
    public Reply call(String operation, Map<String, Object> body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + operation))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), JSON.readTree(r.body()));
    }

    /**
     * Gets a challenge and answers it with the card. The reply is the challenge's when no challenge was
     * issued (e.g. out of hours), else the authentication's.
     */
    public Reply authenticate(TestPki.Card card) throws IOException, InterruptedException {
        Reply challenge = call("challenge", body());
        if (!"challenge".equals(challenge.result())) {
            return challenge;
        }
        String nonce = challenge.text("nonce");
        byte[] signature = card.sign(Base64.getUrlDecoder().decode(nonce));
        try {
            return call("authenticate", body("nonce", nonce,
                    "certificate", Base64.getEncoder().encodeToString(card.certificate().getEncoded()),
                    "signature", Base64.getEncoder().encodeToString(signature)));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PDF of a prepared reply. */
    public static byte[] pdf(Reply prepared) {
        return Base64.getDecoder().decode(prepared.text("pdf"));
    }
}
