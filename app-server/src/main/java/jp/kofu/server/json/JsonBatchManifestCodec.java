package jp.kofu.server.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The batch manifest ({@code manifest.json}, see {@code docs/formats/README.md}) as JSON: an object with
 * the keys {@code tenant, source, sequence, kind, createdAt, files} and, for a batch not in the CSV layout,
 * {@code format} ({@code csv} by default, or {@code fixed}) and {@code layout} (the fixed-length layout's id),
 * each file an object with {@code name, entity, records, sha256}. Every problem names the field.
 */
public final class JsonBatchManifestCodec implements BatchManifestPort {

    private static final Set<String> KEYS = Set.of("tenant", "source", "sequence", "kind", "createdAt", "files",
            "format", "layout");
    private static final Set<String> FILE_KEYS = Set.of("name", "entity", "records", "sha256");

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public BatchManifest read(Path batchDirectory) throws BatchRejectedException {
        Path file = batchDirectory.resolve(BatchManifest.FILE_NAME);
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BatchRejectedException(InputProblem.ofFile(BatchManifest.FILE_NAME, "is missing"));
        } catch (JsonParseException e) {
            throw new BatchRejectedException(new InputProblem(BatchManifest.FILE_NAME,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "", "is not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BatchRejectedException(InputProblem.ofFile(BatchManifest.FILE_NAME, "cannot be read: " + e.getMessage()));
        }
        List<InputProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new BatchRejectedException(InputProblem.ofFile(BatchManifest.FILE_NAME, "must hold a JSON object"));
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                problems.add(problem(k, "is not a manifest field"));
            }
        });
        LocalGovernmentCode tenant = field(problems, "tenant", () -> LocalGovernmentCode.parse(text(root, "tenant")));
        SourceSystem source = field(problems, "source", () -> SourceSystem.fromWireName(text(root, "source")));
        Long sequence = field(problems, "sequence", () -> number(root, "sequence"));
        BatchKind kind = field(problems, "kind", () -> BatchKind.fromWireName(text(root, "kind")));
        Instant createdAt = field(problems, "createdAt", () -> Instant.parse(text(root, "createdAt")));
        BatchFormat format = field(problems, "format", () -> format(root));
        List<BatchFile> files = new ArrayList<>();
        JsonNode list = root.get("files");
        if (list == null || !list.isArray()) {
            problems.add(problem("files", "must be a list of files"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode f = list.get(i);
                String where = "files[" + i + "]";
                if (!f.isObject()) {
                    problems.add(problem(where, "must be an object"));
                    continue;
                }
                f.fieldNames().forEachRemaining(k -> {
                    if (!FILE_KEYS.contains(k)) {
                        problems.add(problem(where + "." + k, "is not a file field"));
                    }
                });
                BatchFile bf = field(problems, where, () -> new BatchFile(text(f, "name"), text(f, "entity"),
                        number(f, "records"), text(f, "sha256")));
                if (bf != null) {
                    files.add(bf);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        try {
            return new BatchManifest(tenant, source, sequence, kind, createdAt, files, format);
        } catch (IllegalArgumentException e) {
            throw new BatchRejectedException(problem("", e.getMessage()));
        }
    }

    @Override
    public void write(Path batchDirectory, BatchManifest manifest) {
        ObjectNode root = mapper.createObjectNode();
        root.put("tenant", manifest.tenant().value());
        root.put("source", manifest.source().wireName());
        root.put("sequence", manifest.sequence());
        root.put("kind", manifest.kind().wireName());
        root.put("createdAt", manifest.createdAt().toString());
        if (!manifest.format().isCsv()) {
            root.put("format", manifest.format().name());
            manifest.format().layout().ifPresent(id -> root.put("layout", id));
        }
        ArrayNode files = root.putArray("files");
        for (BatchFile f : manifest.files()) {
            files.addObject()
                    .put("name", f.name())
                    .put("entity", f.entity())
                    .put("records", f.records())
                    .put("sha256", f.sha256());
        }
        try {
            Files.createDirectories(batchDirectory);
            mapper.writeValue(batchDirectory.resolve(BatchManifest.FILE_NAME).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T field(List<InputProblem> problems, String name, Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(problem(name, e.getMessage()));
            return null;
        }
    }

    /** {@code format} (default csv) and {@code layout}. */
    private static BatchFormat format(JsonNode root) {
        String name = root.has("format") ? text(root, "format") : BatchFormat.CSV_NAME;
        java.util.Optional<String> layout = root.has("layout") ? java.util.Optional.of(text(root, "layout"))
                : java.util.Optional.empty();
        return new BatchFormat(name, layout);
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number");
        }
        return v.asLong();
    }

    private static InputProblem problem(String field, String reason) {
        return new InputProblem(BatchManifest.FILE_NAME, 0, field, reason);
    }
}
