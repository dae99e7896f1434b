package jp.kofu.server.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kofu.core.sync.domain.SourceSystem;

/**
 * The client side of the sync interface, used by the relay (連携用サーバ): signs each request with the tenant's
 * key and talks HTTPS to the server, trusting only the pinned certificates when given (the server's own or the
 * CA that issued it), else the JVM's trust store.
 */
public final class SyncClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer of the server: HTTP status and its JSON body (empty map when none could be read). */
    public record Response(int status, Map<String, Object> body) {
        /** The server's error code or outcome, for logs. */
        public String code() {
            Object code = body.containsKey("error") ? body.get("error") : body.get("outcome");
            return code == null ? "http-" + status : code.toString();
        }

        /** The server's message, or the status. */
        public String message() {
            Object m = body.get("message");
            return m == null ? "HTTP " + status : m.toString();
        }
    }

    private final URI server;
    private final SyncKey key;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    /**
     * @param server the base URL, e.g. {@code https://kofu.example.jp:8443}
     * @param pinned PEM/DER certificates to trust instead of the JVM's store, empty for the JVM's
     */
    public SyncClient(URI server, SyncKey key, Optional<Path> pinned, Clock clock, Duration timeout) throws IOException {
        this.server = server;
        this.key = key;
        this.clock = clock;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (pinned.isPresent()) {
            builder.sslContext(pinnedContext(pinned.get()));
        }
        this.http = builder.build();
    }

    /** Uploads one batch directory as a zip (packed into a temporary file, so large full batches stream). */
    public Response upload(Path batchDirectory) throws IOException, InterruptedException {
        Path zip = Files.createTempFile("kofu-batch-", ".zip");
        try {
            try (java.io.OutputStream out = Files.newOutputStream(zip)) {
                BatchArchive.pack(batchDirectory, out);
            }
            return send("POST", SyncServer.BATCHES, jp.kofu.core.sync.service.BatchFiles.sha256(zip),
                    HttpRequest.BodyPublishers.ofFile(zip), "application/zip");
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** Sends a heartbeat for the sources. */
    public Response heartbeat(Set<SourceSystem> sources) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("sources", sources.stream().map(SourceSystem::wireName).sorted().toList()));
        return send("POST", SyncServer.HEARTBEAT, SyncSignature.sha256Hex(body), HttpRequest.BodyPublishers.ofByteArray(body),
                "application/json");
    }

    private Response send(String method, String path, String digest, HttpRequest.BodyPublisher body, String type)
            throws IOException, InterruptedException {
        long at = clock.instant().getEpochSecond();
        String signature = SyncSignature.sign(key, SyncSignature.canonical(method, path, key.tenant().value(), at, digest));
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(timeout)
                .header("Content-Type", type)
                .header(SyncSignature.TENANT, key.tenant().value())
                .header(SyncSignature.TIMESTAMP, Long.toString(at))
                .header(SyncSignature.CONTENT_SHA256, digest)
                .header(SyncSignature.SIGNATURE, signature)
                .method(method, body)
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> doc;
        try {
            doc = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            doc = Map.of("message", new String(response.body(), StandardCharsets.UTF_8).strip());
        }
        return new Response(response.statusCode(), doc == null ? Map.of() : doc);
    }

    private static SSLContext pinnedContext(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(file + ": no certificate");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("pinned-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a usable certificate: " + e.getMessage());
        }
    }
}
