package jp.kofu.server.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * A tenant's sync key (連携鍵): the shared secret the relay signs its requests with (HMAC-SHA256). Key files
 * hold lines {@code TENANT BASE64-SECRET}; {@code #} starts a comment. The server reads all its tenants' keys
 * from one file; the relay reads its own tenant's line. The secret is never printed.
 *
 * @param tenant the tenant the key belongs to
 * @param secret at least 32 bytes
 */
public record SyncKey(LocalGovernmentCode tenant, byte[] secret) {

    /** The shortest accepted secret, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;

    public SyncKey {
        Objects.requireNonNull(tenant, "tenant");
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a sync key needs a secret of at least " + MIN_SECRET_BYTES + " bytes");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "SyncKey[" + tenant + "]";
    }

    /** The file's line for this key. */
    public String line() {
        return tenant.value() + " " + Base64.getEncoder().encodeToString(secret);
    }

    /**
     * Reads every key of a key file.
     *
     * @throws IllegalArgumentException naming the file and line when a line is malformed or a tenant repeats
     */
    public static Map<LocalGovernmentCode, SyncKey> readAll(Path file) throws IOException {
        Map<LocalGovernmentCode, SyncKey> keys = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": a key line is 'TENANT BASE64-SECRET'");
            }
            SyncKey key;
            try {
                key = new SyncKey(LocalGovernmentCode.parse(parts[0]), Base64.getDecoder().decode(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            if (keys.put(key.tenant(), key) != null) {
                throw new IllegalArgumentException(where + ": tenant " + key.tenant() + " has two keys");
            }
        }
        return keys;
    }

    /** Reads a relay's key file: exactly one key. */
    public static SyncKey readOne(Path file) throws IOException {
        Map<LocalGovernmentCode, SyncKey> keys = readAll(file);
        if (keys.size() != 1) {
            throw new IllegalArgumentException(file.getFileName() + ": a relay key file holds exactly one key, found "
                    + keys.size());
        }
        return keys.values().iterator().next();
    }
}
