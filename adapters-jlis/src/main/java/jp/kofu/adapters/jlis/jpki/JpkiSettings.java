package jp.kofu.adapters.jlis.jpki;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the JPKI verifier trusts (JPKI検証設定), from configuration: the pinned trust anchors (the JPKI
 * user-authentication CA certificates, 利用者証明用認証局), the CRL files of those CAs, and how old a CRL may be
 * before verification fails closed.
 *
 * @param anchors the pinned CA certificates; a card must be issued directly by one of them
 * @param crlFiles CRL files (DER or PEM), re-read when they change
 * @param maxCrlAge a CRL whose thisUpdate is older than this is stale: every card of its CA is refused
 */
public record JpkiSettings(List<X509Certificate> anchors, List<Path> crlFiles, Duration maxCrlAge) {

    public JpkiSettings {
        anchors = List.copyOf(anchors);
        crlFiles = List.copyOf(crlFiles);
        Objects.requireNonNull(maxCrlAge, "maxCrlAge");
        if (maxCrlAge.isNegative() || maxCrlAge.isZero()) {
            throw new IllegalArgumentException("the maximum CRL age must be positive");
        }
    }

    /** No anchor: every card is refused as untrusted (fail closed when nothing is configured). */
    public static JpkiSettings none() {
        return new JpkiSettings(List.of(), List.of(), Duration.ofHours(48));
    }

    /** Anchors and CRLs read from files (PEM or DER). */
    public static JpkiSettings fromFiles(List<Path> anchorFiles, List<Path> crlFiles, Duration maxCrlAge) {
        return new JpkiSettings(anchorFiles.stream().flatMap(f -> Pem.certificates(f).stream()).toList(), crlFiles,
                maxCrlAge);
    }
}
