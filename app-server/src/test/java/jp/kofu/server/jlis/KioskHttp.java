package jp.kofu.server.jlis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kofu.adapters.jlis.jpki.TestPki;

/** A minimal kiosk for the server's tests: JSON calls over a real socket, one idempotency key per call. */
final class KioskHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String tenant;
    private final String store;
    private final String prefecture;

    KioskHttp(int port, String tenant, String store, String prefecture) {
        this.base = "http://127.0.0.1:" + port + JlisInterface.BASE + "/";
        this.tenant = tenant;
        this.store = store;
        this.prefecture = prefecture;
    }

    /** A response: status, raw body, parsed body. */
    record Reply(int status, byte[] raw, JsonNode json) {
        String result() {
            return json.path("result").asText();
        }
    }

    Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", tenant);
        m.put("store", store);
        m.put("prefecture", prefecture);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    Reply call(String operation, Map<String, Object> body) throws IOException, InterruptedException {
        return call(operation, body, UUID.randomUUID().toString());
    }

    Reply call(String operation, Map<String, Object> body, String key) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + operation))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.body(), JSON.readTree(r.body()));
    }

    /** challenge → authenticate with the card; returns the authenticate reply. */
    Reply authenticate(TestPki.Card card) throws Exception {
        Reply challenge = call("challenge", body());
        String nonce = challenge.json().path("nonce").asText();
        byte[] signature = card.sign(Base64.getUrlDecoder().decode(nonce));
        return call("authenticate", body("nonce", nonce,
                "certificate", Base64.getEncoder().encodeToString(card.certificate().getEncoded()),
                "signature", Base64.getEncoder().encodeToString(signature)));
    }
}
