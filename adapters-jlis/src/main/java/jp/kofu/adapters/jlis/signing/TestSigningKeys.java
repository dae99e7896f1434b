package jp.kofu.adapters.jlis.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import jp.kofu.adapters.jlis.jpki.Pem;
import jp.kofu.adapters.jlis.jpki.TestPki;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Test signing keys of a tenant (試験用の署名鍵): a test signing CA standing in for the LGPKI organisation CA, and
 * a tenant signing certificate it issues, with its RSA-2048 key. For tests, demos and rehearsals only; a city
 * configures its real key ({@code docs/signing.md}).
 *
 * <p>{@link #write} lays them out as a signing directory: {@code <tenant>.p12} (the key and chain, password
 * {@value #PASSWORD}), {@code <tenant>.p12.password} (the password file) and {@code <tenant>-anchor.pem} (the
 * test CA certificate, the trust anchor).
 */
public final class TestSigningKeys {

    /** The password of the test keystores. */
    public static final String PASSWORD = "kofu-test-signing";

    /** The test CA's DN (certificate order). */
    public static final String CA_DN = "C=JP,O=kofu TEST,OU=TEST signing CA (not LGPKI),CN=kofu TEST organisation CA";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestSigningKeys(KeyPair caKeys, X509Certificate ca) {
        this.caKeys = caKeys;
        this.ca = ca;
    }

    /** A new test signing CA with {@link #CA_DN}, valid ten years either side of the moment. */
    public static TestSigningKeys create(Instant now) {
        return create(now, CA_DN);
    }

    /** A new test signing CA with this DN (an attacker's CA copying the DN, in tests). */
    public static TestSigningKeys create(Instant now, String dn) {
        KeyPair keys = TestPki.newKeyPair();
        X500Name name = new X500Name(BCStyle.INSTANCE, dn);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minusSeconds(3650L * 86400)), Date.from(now.plusSeconds(3650L * 86400)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new TestSigningKeys(keys, new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the test signing CA cannot be made", e);
        }
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    /** A tenant signing certificate and key valid from {@code notBefore} to {@code notAfter}. */
    public SigningKey issue(LocalGovernmentCode tenant, Instant notBefore, Instant notAfter) {
        KeyPair keys = TestPki.newKeyPair();
        X500Name subject = new X500Name(BCStyle.INSTANCE,
                "C=JP,O=kofu TEST tenant " + tenant.value() + ",CN=" + tenant.value() + " TEST certificate signing");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    new BigInteger(63, RANDOM), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
            return new SigningKey(tenant, keys.getPrivate(), List.of(cert, ca));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the test signing certificate cannot be made", e);
        }
    }

    /** The key and chain as a PKCS#12 keystore protected by {@value #PASSWORD}. */
    public static byte[] pkcs12(SigningKey key) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signing", key.privateKey(), PASSWORD.toCharArray(),
                    key.chain().toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the test signing keystore cannot be written", e);
        }
    }

    /**
     * Writes a signing directory for the tenant: a new test CA and a tenant certificate valid ten years around
     * the moment.
     *
     * @return the keystore written
     */
    public static Path write(Path dir, LocalGovernmentCode tenant, Instant now) throws IOException {
        Files.createDirectories(dir);
        TestSigningKeys ca = create(now);
        SigningKey key = ca.issue(tenant, now.minusSeconds(365L * 86400), now.plusSeconds(5 * 365L * 86400));
        Path keystore = dir.resolve(tenant.value() + ".p12");
        Files.write(keystore, pkcs12(key));
        Files.writeString(dir.resolve(tenant.value() + ".p12.password"), PASSWORD + "\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(tenant.value() + "-anchor.pem"), Pem.pem(ca.caCertificate()), StandardCharsets.US_ASCII);
        return keystore;
    }
}
