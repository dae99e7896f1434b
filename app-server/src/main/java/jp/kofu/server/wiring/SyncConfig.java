package jp.kofu.server.wiring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.sync.domain.MonitoringPolicy;

/**
 * How the sync endpoint (異動データ受信口) of {@code kofu server} is configured: its TLS listener (a PKCS#12
 * keystore and its password, a port), the tenants' keys, where received batches are kept, and the monitoring.
 * Without a keystore and a key file the endpoint is off; the monitoring runs anyway.
 *
 * @param keystore the server's certificate and private key (PKCS#12)
 * @param keystorePassword its password
 * @param port the HTTPS port (0 picks a free one)
 * @param keys the key file: one line {@code TENANT BASE64-SECRET} per tenant
 * @param dataDir where received batches are stored durably
 * @param policy when a stream is silent
 * @param checkInterval how often the streams are checked and alarms raised or cleared
 * @param maxBatchBytes the largest accepted upload (and unpacked batch)
 */
public record SyncConfig(Optional<Path> keystore, String keystorePassword, int port, Optional<Path> keys,
                         Path dataDir, MonitoringPolicy policy, Duration checkInterval, long maxBatchBytes) {

    public SyncConfig {
        Objects.requireNonNull(keystore, "keystore");
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("sync port must be 0-65535: " + port);
        }
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(policy, "policy");
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("the sync check interval must be positive");
        }
        if (maxBatchBytes <= 0) {
            throw new IllegalArgumentException("the largest batch must be positive");
        }
        if (keystore.isPresent() != keys.isPresent()) {
            throw new IllegalArgumentException("the sync endpoint needs both a keystore and a key file");
        }
    }

    /** Endpoint off, data under {@code ./kofu-data/sync}, default monitoring checked every minute, 1 GiB batches. */
    public static SyncConfig defaults() {
        return new SyncConfig(Optional.empty(), "", 8443, Optional.empty(), Path.of("kofu-data", "sync"),
                MonitoringPolicy.DEFAULT, Duration.ofMinutes(1), 1L << 30);
    }

    /** Whether the HTTPS endpoint is configured. */
    public boolean endpointEnabled() {
        return keystore.isPresent();
    }
}
