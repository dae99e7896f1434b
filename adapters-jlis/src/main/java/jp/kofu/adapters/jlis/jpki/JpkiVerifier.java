package jp.kofu.adapters.jlis.jpki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

import jp.kofu.core.issuance.domain.CardCredential;
import jp.kofu.core.issuance.domain.CardRefusal;
import jp.kofu.core.issuance.port.out.CardAuthenticationPort;

/**
 * Verifies JPKI user-authentication certificates (利用者証明用電子証明書) with the JCA and BouncyCastle's ASN.1
 * parsers. The checks, in order, each with its own refusal code:
 * <ol>
 *   <li>the certificate parses ({@link CardRefusal#MALFORMED});</li>
 *   <li>it carries the user-authentication policy {@value JpkiPolicy#USER_AUTHENTICATION}: a signing
 *       certificate is refused ({@link CardRefusal#NOT_AUTHENTICATION_CERTIFICATE});</li>
 *   <li>its key is RSA-2048 and its key usage allows digital signatures ({@link CardRefusal#WRONG_KEY});</li>
 *   <li>its issuer is a pinned anchor, by DN <em>and</em> by key identifier: a CA that copies the JPKI DN
 *       with its own key is refused ({@link CardRefusal#UNTRUSTED_ISSUER});</li>
 *   <li>its sha256WithRSA signature verifies with the anchor's key ({@link CardRefusal#BAD_CERTIFICATE_SIGNATURE});</li>
 *   <li>the moment is within its validity ({@link CardRefusal#NOT_YET_VALID}, {@link CardRefusal#EXPIRED});</li>
 *   <li>the anchor's CRL is present and not older than the configured maximum age, else fail closed
 *       ({@link CardRefusal#REVOCATION_UNAVAILABLE}), and does not list the serial ({@link CardRefusal#REVOKED});</li>
 *   <li>the card's signature over the challenge verifies with the certificate's key
 *       ({@link CardRefusal#BAD_CHALLENGE_SIGNATURE}).</li>
 * </ol>
 * The policy is looked at before the chain so that staff see "signing certificate" rather than a chain
 * error for the commonest mistake; every check must pass either way. OCSP is not used: the CRL is the
 * revocation source (the J-LIS centre also checks with the JPKI centre before relaying).
 *
 * <p>Thread-safe and stateless per call, apart from the CRL store that swaps whole snapshots.
 */
public final class JpkiVerifier implements CardAuthenticationPort {

    private static final int RSA_BITS = 2048;

    private final List<X509Certificate> anchors;
    private final CrlStore crls;
    private final Duration maxCrlAge;

    @Inject
    public JpkiVerifier(JpkiSettings settings) {
        this.anchors = settings.anchors();
        this.crls = new CrlStore(settings.crlFiles(), settings.anchors());
        this.maxCrlAge = settings.maxCrlAge();
    }

    @Override
    public Verification verify(CardCredential credential, Instant at) {
        X509Certificate card;
        try {
            card = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(credential.certificate()));
        } catch (CertificateException | RuntimeException e) {
            return reject(CardRefusal.MALFORMED, "the certificate is not DER X.509");
        }
        Optional<Rejected> kind = checkKind(card);
        if (kind.isPresent()) {
            return kind.get();
        }
        List<X509Certificate> sameDn = anchors.stream()
                .filter(a -> a.getSubjectX500Principal().equals(card.getIssuerX500Principal())).toList();
        if (sameDn.isEmpty()) {
            return reject(CardRefusal.UNTRUSTED_ISSUER, "the issuer is not a pinned trust anchor");
        }
        byte[] authorityKeyId = authorityKeyId(card);
        List<X509Certificate> candidates = authorityKeyId == null ? sameDn : sameDn.stream()
                .filter(a -> Arrays.equals(authorityKeyId, subjectKeyId(a))).toList();
        if (candidates.isEmpty()) {
            return reject(CardRefusal.UNTRUSTED_ISSUER,
                    "the issuer copies a pinned anchor's DN but names another key (forged CA)");
        }
        Optional<X509Certificate> anchor = candidates.stream().filter(a -> signedBy(card, a)).findFirst();
        if (anchor.isEmpty()) {
            return reject(CardRefusal.BAD_CERTIFICATE_SIGNATURE, "the certificate's signature does not verify");
        }
        if (at.isBefore(card.getNotBefore().toInstant())) {
            return reject(CardRefusal.NOT_YET_VALID, "valid from " + card.getNotBefore().toInstant());
        }
        if (at.isAfter(card.getNotAfter().toInstant())) {
            return reject(CardRefusal.EXPIRED, "expired " + card.getNotAfter().toInstant());
        }
        Optional<X509CRL> crl = crls.of(anchor.get().getSubjectX500Principal());
        if (crl.isEmpty()) {
            return reject(CardRefusal.REVOCATION_UNAVAILABLE, "no valid CRL of the issuer");
        }
        Instant thisUpdate = crl.get().getThisUpdate().toInstant();
        if (thisUpdate.plus(maxCrlAge).isBefore(at)
                || (crl.get().getNextUpdate() != null && crl.get().getNextUpdate().toInstant().isBefore(at))) {
            return reject(CardRefusal.REVOCATION_UNAVAILABLE, "the CRL of " + thisUpdate + " is stale");
        }
        X509CRLEntry revoked = crl.get().getRevokedCertificate(card.getSerialNumber());
        if (revoked != null && !revoked.getRevocationDate().toInstant().isAfter(at)) {
            return reject(CardRefusal.REVOKED, "revoked " + revoked.getRevocationDate().toInstant());
        }
        if (!signatureVerifies(card, credential)) {
            return reject(CardRefusal.BAD_CHALLENGE_SIGNATURE, "the signature over the challenge does not verify");
        }
        return new Verified(issuerNames(card), card.getSerialNumber());
    }

    private static Optional<Rejected> checkKind(X509Certificate card) {
        List<String> policies = policies(card);
        if (!policies.contains(JpkiPolicy.USER_AUTHENTICATION)) {
            String what = policies.contains(JpkiPolicy.SIGNING) ? "a signing certificate (署名用)" : "no user-authentication policy";
            return Optional.of(reject(CardRefusal.NOT_AUTHENTICATION_CERTIFICATE, what));
        }
        if (!(card.getPublicKey() instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() != RSA_BITS) {
            return Optional.of(reject(CardRefusal.WRONG_KEY, "the key is not RSA-2048"));
        }
        boolean[] usage = card.getKeyUsage();
        if (usage == null || !usage[0]) {
            return Optional.of(reject(CardRefusal.WRONG_KEY, "the key usage does not include digitalSignature"));
        }
        if (!JpkiPolicy.SHA256_WITH_RSA.equals(card.getSigAlgOID())) {
            return Optional.of(reject(CardRefusal.BAD_CERTIFICATE_SIGNATURE, "signature algorithm " + card.getSigAlgOID()));
        }
        return Optional.empty();
    }

    private static List<String> policies(X509Certificate card) {
        byte[] ext = card.getExtensionValue(Extension.certificatePolicies.getId());
        if (ext == null) {
            return List.of();
        }
        try {
            CertificatePolicies policies = CertificatePolicies.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets()));
            return Arrays.stream(policies.getPolicyInformation())
                    .map(PolicyInformation::getPolicyIdentifier).map(Object::toString).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static byte[] authorityKeyId(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (ext == null) {
            return null;
        }
        try {
            return AuthorityKeyIdentifier.getInstance(ASN1Primitive.fromByteArray(
                    ASN1OctetString.getInstance(ext).getOctets())).getKeyIdentifier();
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static byte[] subjectKeyId(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ext == null) {
            return null;
        }
        try {
            return SubjectKeyIdentifier.getInstance(ASN1Primitive.fromByteArray(
                    ASN1OctetString.getInstance(ext).getOctets())).getKeyIdentifier();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean signedBy(X509Certificate card, X509Certificate anchor) {
        try {
            card.verify(anchor.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signatureVerifies(X509Certificate card, CardCredential credential) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(card.getPublicKey());
            verifier.update(credential.challenge());
            return verifier.verify(credential.signature());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The issuer DN in certificate order (how the sync's cardholder table writes it), then RFC 4514's. */
    static List<String> issuerNames(X509Certificate card) {
        String certificateOrder = X500Name.getInstance(card.getIssuerX500Principal().getEncoded()).toString();
        String rfc4514 = card.getIssuerX500Principal().getName();
        return certificateOrder.equals(rfc4514) ? List.of(certificateOrder) : List.of(certificateOrder, rfc4514);
    }

    private static Rejected reject(CardRefusal reason, String detail) {
        return new Rejected(reason, detail);
    }
}
