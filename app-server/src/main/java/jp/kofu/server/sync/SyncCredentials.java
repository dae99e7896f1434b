package jp.kofu.server.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Test credentials for the sync interface (テスト用連携資格情報), written by {@code kofu generate} and the tests:
 * a self-signed TLS server certificate for {@code localhost}/{@code 127.0.0.1} in a PKCS#12 keystore with its
 * password file and PEM (the relay pins it), the server's key file and one relay key file per tenant. Never
 * for production: a city uses its own certificate and keys (docs/sync-interface.md).
 */
public final class SyncCredentials {

    /** The keystore's file name. */
    public static final String KEYSTORE = "server.p12";
    /** The keystore password's file name. */
    public static final String KEYSTORE_PASSWORD = "server.p12.password";
    /** The server certificate (PEM) the relay pins. */
    public static final String SERVER_CERT = "server.pem";
    /** The server's key file (every tenant). */
    public static final String SERVER_KEYS = "keys.txt";

    private SyncCredentials() {
    }

    /** The relay key file's name for a tenant. */
    public static String relayKey(LocalGovernmentCode tenant) {
        return "relay-" + tenant.value() + ".key";
    }

    /**
     * Writes the test credentials into the directory.
     *
     * @param hosts extra DNS names for the certificate besides localhost
     * @return a one-line summary
     */
    public static String write(Path directory, List<LocalGovernmentCode> tenants, List<String> hosts, Instant now,
                               SecureRandom random) throws IOException {
        Files.createDirectories(directory);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, random);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=kofu sync test server,O=kofu test");
            List<GeneralName> names = new ArrayList<>();
            names.add(new GeneralName(GeneralName.dNSName, "localhost"));
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            hosts.forEach(h -> names.add(new GeneralName(GeneralName.dNSName, h)));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, random).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(825))), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            byte[] pw = new byte[18];
            random.nextBytes(pw);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(pw);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", pair.getPrivate(), password.toCharArray(), new X509Certificate[] {cert});
            try (OutputStream out = Files.newOutputStream(directory.resolve(KEYSTORE))) {
                store.store(out, password.toCharArray());
            }
            Files.writeString(directory.resolve(KEYSTORE_PASSWORD), password + "\n");
            Files.writeString(directory.resolve(SERVER_CERT), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the test server certificate", e);
        }
        StringBuilder serverKeys = new StringBuilder("# kofu sync keys (TEST ONLY): TENANT BASE64-SECRET\n");
        for (LocalGovernmentCode tenant : tenants) {
            byte[] secret = new byte[SyncKey.MIN_SECRET_BYTES];
            random.nextBytes(secret);
            SyncKey key = new SyncKey(tenant, secret);
            serverKeys.append(key.line()).append('\n');
            Files.writeString(directory.resolve(relayKey(tenant)), "# kofu relay key (TEST ONLY)\n" + key.line() + "\n");
        }
        Files.writeString(directory.resolve(SERVER_KEYS), serverKeys.toString());
        return "sync test credentials in " + directory + " (" + KEYSTORE + ", " + SERVER_CERT + ", " + SERVER_KEYS
                + ", " + tenants.size() + " relay key(s))";
    }
}
