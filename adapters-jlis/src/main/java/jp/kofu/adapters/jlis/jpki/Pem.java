package jp.kofu.adapters.jlis.jpki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads and writes certificates and CRLs as PEM (or reads DER) files (証明書・失効リストのファイル). */
public final class Pem {

    private Pem() {
    }

    /** The certificates in a PEM or DER file. */
    public static List<X509Certificate> certificates(Path file) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(file + ": no certificate");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + ": not a certificate (" + e.getMessage() + ")", e);
        }
    }

    /** The CRL in a PEM or DER file. */
    public static X509CRL crl(Path file) {
        try {
            return crl(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
    }

    static X509CRL crl(byte[] bytes) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
        } catch (CertificateException | CRLException e) {
            throw new IllegalArgumentException("not a CRL (" + e.getMessage() + ")", e);
        }
    }

    /** PEM text of a certificate. */
    public static String pem(X509Certificate certificate) {
        try {
            return armour("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM text of a CRL. */
    public static String pem(X509CRL crl) {
        try {
            return armour("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String armour(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
