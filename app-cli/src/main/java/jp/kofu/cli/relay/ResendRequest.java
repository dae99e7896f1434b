package jp.kofu.cli.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * A resend request (再送依頼): {@code kofu sync resend} writes it into the outbox's {@code resend-requests/}
 * folder as JSON {@code {"tenant", "source", "from", "requestedAt"}}; the relay resends its kept batches of
 * the stream from that number on, in order, then moves the request to {@code done/}.
 */
public record ResendRequest(LocalGovernmentCode tenant, SourceSystem source, long from, Instant requestedAt) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ResendRequest {
        if (from < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + from);
        }
    }

    /** Writes the request atomically into the outbox; returns its file. */
    public Path write(Path outbox) throws IOException {
        Path dir = Files.createDirectories(outbox.resolve(Outbox.REQUESTS));
        String name = String.format("%s-%s-%06d-%d", tenant.value(), source.wireName(), from, requestedAt.toEpochMilli());
        Path tmp = dir.resolve("." + name + ".tmp");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenant", tenant.value());
        doc.put("source", source.wireName());
        doc.put("from", from);
        doc.put("requestedAt", requestedAt.toString());
        JSON.writeValue(tmp.toFile(), doc);
        return Files.move(tmp, dir.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a request file.
     *
     * @throws IllegalArgumentException naming the file when it is malformed
     */
    public static ResendRequest read(Path file) throws IOException {
        try {
            JsonNode doc = JSON.readTree(file.toFile());
            return new ResendRequest(LocalGovernmentCode.parse(doc.path("tenant").asText()),
                    SourceSystem.fromWireName(doc.path("source").asText()), doc.path("from").asLong(0),
                    Instant.parse(doc.path("requestedAt").asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(file.getFileName() + ": not a resend request: " + e.getMessage());
        }
    }
}
