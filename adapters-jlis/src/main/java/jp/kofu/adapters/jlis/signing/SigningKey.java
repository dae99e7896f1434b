package jp.kofu.adapters.jlis.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * A tenant's signing key (公印の電子版: the city's key and certificate chain), read once from a PKCS#12 keystore
 * and kept parsed for the life of the process. Holds what each signature needs precomputed: the size of the CMS
 * signature value and the secret of the verification codes (検証コード).
 *
 * <p>The key must be RSA (2048 bits or more): PKCS#1 v1.5 signatures are deterministic, which makes the
 * verification codes a function of the key (see {@link #codeSecret}).
 */
public final class SigningKey {

    private final LocalGovernmentCode tenant;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final byte[] codeSecret;

    SigningKey(LocalGovernmentCode tenant, PrivateKey key, List<X509Certificate> chain) {
        this.tenant = Objects.requireNonNull(tenant);
        this.key = Objects.requireNonNull(key);
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
        if (!"RSA".equals(key.getAlgorithm()) || !(key instanceof RSAKey rsa) || rsa.getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException("tenant " + tenant + ": the signing key must be RSA of at least 2048 bits");
        }
        this.codeSecret = deriveCodeSecret();
    }

    /**
     * Reads the first private-key entry of a PKCS#12 keystore. The password is cleared by the caller; it is
     * never part of a message.
     *
     * @throws IllegalArgumentException when the file is not a readable keystore with a private key
     */
    public static SigningKey fromPkcs12(LocalGovernmentCode tenant, Path keystore, char[] password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keystore);
        } catch (IOException e) {
            throw new IllegalArgumentException(keystore + ": the signing keystore cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new SigningKey(tenant, key, chain);
                }
            }
            throw new IllegalArgumentException(keystore + ": no private key in the signing keystore");
        } catch (IOException e) {
            // a wrong password shows here; say so without the password
            throw new IllegalArgumentException(keystore + ": not a PKCS#12 keystore or a wrong password ("
                    + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(keystore + ": the signing key cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public LocalGovernmentCode tenant() {
        return tenant;
    }

    PrivateKey privateKey() {
        return key;
    }

    /** The signer certificate first, then its CAs as the keystore holds them. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * The secret the verification codes are an HMAC with: SHA-256 of the key's own signature over a fixed label
     * and the tenant. Only the key's holder can compute it, and it is the same on every node that holds the key.
     */
    byte[] codeSecret() {
        return codeSecret.clone();
    }

    private byte[] deriveCodeSecret() {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(("kofu verification code v1|" + tenant.value()).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.getInstance("SHA-256").digest(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tenant " + tenant + ": the signing key cannot sign (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + tenant + " " + certificate().getSubjectX500Principal() + "]";
    }
}
