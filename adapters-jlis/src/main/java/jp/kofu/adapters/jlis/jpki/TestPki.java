package jp.kofu.adapters.jlis.jpki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Objects;

import javax.crypto.spec.PBEParameterSpec;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A JPKI-like test PKI (試験用認証局): a self-signed CA with the JPKI user-authentication issuer DN, card
 * certificates of the same shape as the real ones (opaque subject, RSA-2048, sha256WithRSA, the
 * user-authentication policy, digitalSignature only), CRLs, and PKCS#12 files for the kiosk simulator.
 * For tests, benchmarks and J-LIS connection rehearsals only: its keys are made on the spot and it
 * proves nothing to anyone but a kofu configured to pin its CA.
 */
public final class TestPki {

    /** The password of every PKCS#12 file the test PKI writes (a test card's "PIN"). */
    public static final String PKCS12_PASSWORD = "kofu";

    /** Card certificate profiles. */
    public enum Profile {
        /** 利用者証明用: what a kiosk must present. */
        AUTHENTICATION,
        /** 署名用: the card's other certificate, which must be refused for authentication. */
        SIGNING
    }

    /** A card's certificate and private key. */
    public record Card(X509Certificate certificate, PrivateKey key) {
        public Card {
            Objects.requireNonNull(certificate);
            Objects.requireNonNull(key);
        }

        /** Signs a challenge as the card does: SHA256withRSA (PKCS#1 v1.5). */
        public byte[] sign(byte[] challenge) {
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key);
                s.update(challenge);
                return s.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
            }
        }

        public BigInteger serial() {
            return certificate.getSerialNumber();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    private TestPki(KeyPair caKeys, X509Certificate caCertificate) {
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
    }

    /** A new CA with the JPKI user-authentication DN, valid ten years either side of the moment. */
    public static TestPki create(Instant now) {
        return create(now, JpkiPolicy.USER_AUTHENTICATION_ISSUER);
    }

    /** A new CA with that DN (certificate order, e.g. {@link JpkiPolicy#SIGNING_ISSUER}). */
    public static TestPki create(Instant now, String dn) {
        KeyPair keys = newKeyPair();
        X500Name name = name(dn);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minusSeconds(3650L * 86400)), Date.from(now.plusSeconds(3650L * 86400)), name,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new TestPki(keys, certificate(b.build(signer(keys.getPrivate()))));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the test CA cannot be made", e);
        }
    }

    /** A new RSA-2048 key pair (about 50–200 ms: share them across test cards). */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /**
     * Issues a card certificate.
     *
     * @param serial the serial (as in the cardholder table)
     * @param keys the card's key pair (may be shared by test cards)
     * @param notBefore start of validity
     * @param notAfter end of validity
     * @param profile authentication or signing
     */
    public Card issue(BigInteger serial, KeyPair keys, Instant notBefore, Instant notAfter, Profile profile) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            // the real subject is an opaque identifier with C=JP: no personal data
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                    .addRDN(BCStyle.CN, "TEST" + serial.toString(16).toUpperCase(java.util.Locale.ROOT)).build();
            String policy = profile == Profile.AUTHENTICATION ? JpkiPolicy.USER_AUTHENTICATION : JpkiPolicy.SIGNING;
            int usage = profile == Profile.AUTHENTICATION ? KeyUsage.digitalSignature
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), serial,
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.certificatePolicies, true,
                            new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy))))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(caCertificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Card(certificate(b.build(signer(caKeys.getPrivate()))), keys.getPrivate());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("a test card cannot be made", e);
        }
    }

    /** A CRL of this CA listing the serials as revoked (key compromise) a day before {@code thisUpdate}. */
    public X509CRL crl(Instant thisUpdate, Instant nextUpdate, Collection<BigInteger> revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (BigInteger serial : revoked) {
                b.addCRLEntry(serial, Date.from(thisUpdate.minusSeconds(86400)), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
            X509CRLHolder holder = b.build(signer(caKeys.getPrivate()));
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the test CRL cannot be made", e);
        }
    }

    /** The card as a PKCS#12 file protected by {@link #PKCS12_PASSWORD}, with the CA certificate in its chain. */
    public byte[] pkcs12(Card card) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = PKCS12_PASSWORD.toCharArray();
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            // a low iteration count keeps writing thousands of test cards fast; these are test keys
            store.setEntry("card", new KeyStore.PrivateKeyEntry(card.key(),
                            new Certificate[] {card.certificate(), caCertificate}),
                    new KeyStore.PasswordProtection(password, "PBEWithHmacSHA256AndAES_256",
                            new PBEParameterSpec(salt, 1024)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PKCS#12 file cannot be written", e);
        }
    }

    /** Reads a card from a PKCS#12 file written by {@link #pkcs12}. */
    public static Card readPkcs12(byte[] bytes) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new java.io.ByteArrayInputStream(bytes), PKCS12_PASSWORD.toCharArray());
            String alias = store.aliases().nextElement();
            return new Card((X509Certificate) store.getCertificate(alias),
                    (PrivateKey) store.getKey(alias, PKCS12_PASSWORD.toCharArray()));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a test card PKCS#12 file (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the test card cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static X500Name name(String certificateOrderDn) {
        // BCStyle parses "C=JP,O=JPKI,..." keeping the order given, which is the certificate (ASN.1) order
        return new X500Name(BCStyle.INSTANCE, certificateOrderDn);
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
