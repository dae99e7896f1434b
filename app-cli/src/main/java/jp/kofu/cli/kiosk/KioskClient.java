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
        this(server, tenant, store, prefecture, java.util.Objects.requireNonNull(http, "http"));
    }

    /** With {@code http} null, the kiosk calls through {@link java.net.HttpURLConnection} ({@link #blocking}). */
    private KioskClient(URI server, String tenant, String store, String prefecture, HttpClient http) {
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

    /**
     * A kiosk on the JDK's blocking HTTP client ({@link java.net.HttpURLConnection}) instead of
     * {@link HttpClient}: the load generator's choice, as it costs less CPU per call. Keeps up to
     * {@code keepAlive} idle connections to the server open (the JDK's default is 5, too few for many kiosks:
     * the others would reconnect for every call); this sets the process-wide {@code http.maxConnections}
     * unless it is set already, so call it before any other use of that client.
     */
    public static KioskClient blocking(URI server, String tenant, String store, String prefecture, int keepAlive) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, keepAlive)));
        }
        return new KioskClient(server, tenant, store, prefecture, null);
    }

    /** The same kiosk in another store. */
    public KioskClient atStore(String otherStore, String otherPrefecture) {
        return new KioskClient(URI.create(base.substring(0, base.length() - "/jlis/v1/".length())), tenant,
                otherStore, otherPrefecture, http);
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
        byte[] request = JSON.writeValueAsBytes(body);
        if (http != null) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + operation))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", idempotencyKey)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), JSON.readTree(r.body()));
        }
        // the JDK's blocking client: a persistent connection per calling thread, less CPU than java.net.http's
        // selector and executor hand-offs, which matters when the load generator shares the cores with the server
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(base + operation).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Idempotency-Key", idempotencyKey);
        c.setFixedLengthStreamingMode(request.length);
        try (java.io.OutputStream out = c.getOutputStream()) {
            out.write(request);
        }
        int status = c.getResponseCode();
        java.io.InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] answer;
        try (in) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        return new Reply(status, answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer));
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
