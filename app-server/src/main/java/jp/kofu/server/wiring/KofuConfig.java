package jp.kofu.server.wiring;

import java.util.Map;
import java.util.Objects;

/**
 * How one kofu process is configured (設定): which database it uses, which port the server listens on and
 * how its kiosk interface is set up.
 *
 * @param jdbcUrl the database; {@link #DEFAULT_DB} when none is given
 * @param port the HTTP port of {@code kofu server} (0 picks a free one)
 * @param kiosk trust anchors, CRLs and timings of the kiosk interface
 * @param sync the sync endpoint (TLS, keys, data directory) and its monitoring
 * @param signing the tenants' signing keys and the trust anchors of signed certificates (電子署名)
 */
public record KofuConfig(String jdbcUrl, int port, KioskConfig kiosk, SyncConfig sync, SigningConfig signing) {

    /** The embedded default database, relative to the working directory. */
    public static final String DEFAULT_DB = "jdbc:h2:file:./kofu-data/kofu";

    public KofuConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        kiosk = kiosk == null ? KioskConfig.defaults() : kiosk;
        sync = sync == null ? SyncConfig.defaults() : sync;
        signing = signing == null ? SigningConfig.none() : signing;
    }

    /** The database, port and kiosk configuration: sync endpoint off, no tenant signs. */
    public KofuConfig(String jdbcUrl, int port, KioskConfig kiosk) {
        this(jdbcUrl, port, kiosk, SyncConfig.defaults(), SigningConfig.none());
    }

    /** The database, port, kiosk and sync configuration, without signing (no tenant signs). */
    public KofuConfig(String jdbcUrl, int port, KioskConfig kiosk, SyncConfig sync) {
        this(jdbcUrl, port, kiosk, sync, SigningConfig.none());
    }

    /** The database, port, kiosk and signing configuration, with the sync endpoint off. */
    public KofuConfig(String jdbcUrl, int port, KioskConfig kiosk, SigningConfig signing) {
        this(jdbcUrl, port, kiosk, SyncConfig.defaults(), signing);
    }

    /** The same configuration with this signing configuration. */
    public KofuConfig withSigning(SigningConfig signingConfig) {
        return new KofuConfig(jdbcUrl, port, kiosk, sync, signingConfig);
    }

    /** The database and port, with the default kiosk configuration (no trust anchor). */
    public KofuConfig(String jdbcUrl, int port) {
        this(jdbcUrl, port, KioskConfig.defaults());
    }

    /** The database from the option, else {@code KOFU_DB}, else the embedded default. */
    public static String resolveDb(String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String fromEnv = env.get("KOFU_DB");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_DB;
    }
}
