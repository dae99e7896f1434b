package jp.kofu.adapters.jlis.jpki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

/**
 * The CRLs (失効リスト) of the pinned CAs, read from files and re-read when a file changes (a fetch job
 * outside kofu replaces them). Only a CRL whose signature verifies with a pinned anchor's key is used; a
 * missing, unreadable or forged one leaves its CA without a CRL, and the verifier then fails closed.
 *
 * <p>Thread-safe: readers see an immutable map swapped in whole.
 */
final class CrlStore {

    /** How often the files' modification times are looked at. */
    private static final long RECHECK_NANOS = 2_000_000_000L;

    private final List<Path> files;
    private final List<X509Certificate> anchors;
    private volatile Map<X500Principal, X509CRL> byIssuer = Map.of();
    private volatile Map<Path, FileTime> seen = Map.of();
    private volatile long checkedAt = System.nanoTime();

    CrlStore(List<Path> files, List<X509Certificate> anchors) {
        this.files = List.copyOf(files);
        this.anchors = List.copyOf(anchors);
        reload();
    }

    /** The current CRL of the CA with this subject, if a valid one was read. */
    Optional<X509CRL> of(X500Principal issuer) {
        long now = System.nanoTime();
        if (now - checkedAt >= RECHECK_NANOS) {
            synchronized (this) {
                if (now - checkedAt >= RECHECK_NANOS) {
                    checkedAt = now;
                    if (changed()) {
                        reload();
                    }
                }
            }
        }
        return Optional.ofNullable(byIssuer.get(issuer));
    }

    private boolean changed() {
        for (Path f : files) {
            if (!java.util.Objects.equals(modified(f), seen.get(f))) {
                return true;
            }
        }
        return false;
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return null;
        }
    }

    private synchronized void reload() {
        Map<X500Principal, X509CRL> crls = new HashMap<>();
        Map<Path, FileTime> times = new HashMap<>();
        for (Path f : files) {
            FileTime t = modified(f);
            if (t != null) {
                times.put(f, t);
            }
            X509CRL crl;
            try {
                crl = Pem.crl(f);
            } catch (RuntimeException e) {
                continue;
            }
            for (X509Certificate anchor : anchors) {
                if (anchor.getSubjectX500Principal().equals(crl.getIssuerX500Principal()) && signedBy(crl, anchor)) {
                    X509CRL current = crls.get(crl.getIssuerX500Principal());
                    if (current == null || crl.getThisUpdate().after(current.getThisUpdate())) {
                        crls.put(crl.getIssuerX500Principal(), crl);
                    }
                }
            }
        }
        byIssuer = Map.copyOf(crls);
        seen = times;
    }

    private static boolean signedBy(X509CRL crl, X509Certificate anchor) {
        try {
            crl.verify(anchor.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
