package jp.kofu.server.wiring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import jp.kofu.adapters.jlis.jpki.Pem;
import jp.kofu.adapters.jlis.signing.SigningKey;
import jp.kofu.adapters.jlis.signing.SigningSettings;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * How certificates are signed and which signers are trusted (署名の設定), as one process is configured:
 * per tenant a PKCS#12 keystore with the password's source, and per tenant the trust anchors a signed
 * certificate must chain to; plus anchors trusted for every tenant ({@code kofu verify --tenant-cert}).
 *
 * <p>A signing directory ({@link #fromDirectory}) holds, per tenant code {@code NNNNNN}: {@code NNNNNN.p12} (the
 * key and its chain), {@code NNNNNN.p12.password} (the password on its first line, readable by kofu only) unless
 * the environment variable {@value #PASSWORD_ENV} gives it, and {@code NNNNNN-anchor.pem} (one or more trust
 * anchor certificates). A tenant with a keystore signs; a tenant without one issues unsigned certificates.
 * Passwords are read when the keys are loaded and never kept in this configuration nor printed.
 *
 * @param keys the keystores of the signing tenants
 * @param anchors the trust anchor files per tenant
 * @param anyTenantAnchors anchor files trusted for every tenant
 * @param source where this configuration came from, for messages (a directory, or none)
 */
public record SigningConfig(Map<LocalGovernmentCode, Keystore> keys, Map<LocalGovernmentCode, List<Path>> anchors,
                            List<Path> anyTenantAnchors, String source) {

    /** The environment variable that, when set, gives the password of every keystore of a signing directory. */
    public static final String PASSWORD_ENV = "KOFU_SIGNING_PASSWORD";
    /** The environment variable naming the signing directory when no option does. */
    public static final String DIRECTORY_ENV = "KOFU_SIGNING";

    public SigningConfig {
        keys = Map.copyOf(keys);
        anchors = Map.copyOf(anchors);
        anyTenantAnchors = List.copyOf(anyTenantAnchors);
        source = source == null ? "" : source;
    }

    /**
     * A tenant's keystore and where its password comes from.
     *
     * @param file the PKCS#12 file
     * @param password the password's source
     */
    public record Keystore(Path file, PasswordSource password) {
        public Keystore {
            Objects.requireNonNull(file);
            Objects.requireNonNull(password);
        }
    }

    /** Where a keystore password is read from; its description names the source, never the value. */
    public static final class PasswordSource {
        private final String description;
        private final Supplier<char[]> reader;

        private PasswordSource(String description, Supplier<char[]> reader) {
            this.description = description;
            this.reader = reader;
        }

        /** The first line of a file. */
        public static PasswordSource file(Path file) {
            return new PasswordSource("file " + file, () -> {
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    if (lines.isEmpty()) {
                        throw new IllegalArgumentException(file + ": the password file is empty");
                    }
                    return lines.get(0).toCharArray();
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ": the password file cannot be read (" + e.getMessage() + ")", e);
                }
            });
        }

        /** An environment variable. */
        public static PasswordSource environment(String name, Map<String, String> env) {
            return new PasswordSource("environment variable " + name, () -> {
                String value = env.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("the environment variable " + name + " is not set");
                }
                return value.toCharArray();
            });
        }

        char[] read() {
            return reader.get();
        }

        @Override
        public String toString() {
            return description;
        }

        /** Sources are equal when they name the same place (configurations are compared, not passwords). */
        @Override
        public boolean equals(Object o) {
            return o instanceof PasswordSource p && p.description.equals(description);
        }

        @Override
        public int hashCode() {
            return description.hashCode();
        }
    }

    /** No tenant signs and nothing is trusted. */
    public static SigningConfig none() {
        return new SigningConfig(Map.of(), Map.of(), List.of(), "");
    }

    /** The signing directory named by {@value #DIRECTORY_ENV}, or {@link #none()}. */
    public static SigningConfig fromEnvironment(Map<String, String> env) {
        String dir = env.get(DIRECTORY_ENV);
        return dir == null || dir.isBlank() ? none() : fromDirectory(Path.of(dir).toAbsolutePath(), env);
    }

    /**
     * The keystores and anchors of a signing directory (see the type's description).
     *
     * @throws IllegalArgumentException when the directory cannot be read or a file name is not a tenant code
     */
    public static SigningConfig fromDirectory(Path dir, Map<String, String> env) {
        Map<LocalGovernmentCode, Keystore> keys = new TreeMap<>(java.util.Comparator.comparing(LocalGovernmentCode::value));
        Map<LocalGovernmentCode, List<Path>> anchors = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a signing directory");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".p12")) {
                    LocalGovernmentCode tenant = tenant(file, name.substring(0, name.length() - 4));
                    PasswordSource password = env.containsKey(PASSWORD_ENV) ? PasswordSource.environment(PASSWORD_ENV, env)
                            : PasswordSource.file(dir.resolve(name + ".password"));
                    keys.put(tenant, new Keystore(file, password));
                } else if (name.endsWith("-anchor.pem")) {
                    anchors.computeIfAbsent(tenant(file, name.substring(0, name.length() - 11)), t -> new ArrayList<>()).add(file);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": the signing directory cannot be read (" + e.getMessage() + ")", e);
        }
        return new SigningConfig(keys, anchors, List.of(), dir.toString());
    }

    private static LocalGovernmentCode tenant(Path file, String code) {
        try {
            return LocalGovernmentCode.parse(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the file name must start with a tenant code (" + e.getMessage() + ")", e);
        }
    }

    /** This configuration also trusting these anchors for every tenant. */
    public SigningConfig trustingForEveryTenant(List<Path> files) {
        List<Path> all = new ArrayList<>(anyTenantAnchors);
        all.addAll(files);
        return new SigningConfig(keys, anchors, all, source);
    }

    /** The tenants that sign. */
    public List<LocalGovernmentCode> signingTenants() {
        return List.copyOf(keys.keySet());
    }

    /**
     * Reads the keys and anchors (the passwords are read and cleared here).
     *
     * @throws IllegalArgumentException when a keystore, password or anchor cannot be read
     */
    public SigningSettings load() {
        Map<LocalGovernmentCode, SigningKey> loaded = new HashMap<>();
        keys.forEach((tenant, keystore) -> {
            char[] password = keystore.password().read();
            try {
                loaded.put(tenant, SigningKey.fromPkcs12(tenant, keystore.file(), password));
            } finally {
                Arrays.fill(password, '\0');
            }
        });
        Map<LocalGovernmentCode, List<X509Certificate>> trusted = new HashMap<>();
        anchors.forEach((tenant, files) -> trusted.put(tenant, certificates(files)));
        return new SigningSettings(loaded, trusted, certificates(anyTenantAnchors));
    }

    private static List<X509Certificate> certificates(List<Path> files) {
        List<X509Certificate> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.addAll(Pem.certificates(f));
            } catch (java.io.UncheckedIOException e) {
                throw new IllegalArgumentException(f + ": the trust anchor cannot be read", e);
            }
        }
        return out;
    }

    /** The keystore of a tenant, if it signs. */
    public Optional<Keystore> keystore(LocalGovernmentCode tenant) {
        return Optional.ofNullable(keys.get(tenant));
    }
}
