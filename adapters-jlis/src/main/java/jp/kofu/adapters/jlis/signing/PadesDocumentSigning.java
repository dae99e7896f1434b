package jp.kofu.adapters.jlis.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * {@link DocumentSigningPort} as PAdES baseline B-B signatures (PAdES署名) made with PDFBox's external signing and
 * BouncyCastle's CMS: SubFilter {@code ETSI.CAdES.detached}, a detached CMS SignedData with SHA-256 and
 * sha256WithRSA, the signed attributes content-type, message-digest and signing-certificate-v2 (no CMS
 * signing-time: the PDF's {@code /M} states the time), the signer's certificate chain embedded. The signature is
 * added as an incremental update, so the rendered bytes stay as they are and the renderer's determinism is kept.
 *
 * <p>For the files kofu's renderer writes, the update is written directly ({@code IncrementalUpdate}) without
 * parsing the PDF; any other PDF goes through PDFBox's {@code saveIncrementalForExternalSigning}.
 *
 * <p>The signature dictionary also carries the certificate number and the verification code under
 * {@value #NUMBER_KEY} and {@value #CODE_KEY}; the dictionary lies in the signed bytes.
 *
 * <p>Inspection accepts exactly one signature whose byte range covers the whole file except the signature value,
 * written as kofu writes it (upper-case hex, the DER value followed by zero padding), so no byte of the file can
 * change without failing.
 */
public final class PadesDocumentSigning implements DocumentSigningPort {

    /** The signature dictionary entry holding the certificate number (証明書番号). */
    public static final String NUMBER_KEY = "KofuCertificateNumber";
    /** The signature dictionary entry holding the verification code (検証コード). */
    public static final String CODE_KEY = "KofuVerificationCode";

    /** The encodings kofu's CMS uses (and other writers of the same algorithms): with absent or NULL parameters. */
    private static final List<AlgorithmIdentifier> SHA256 = List.of(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE));
    private static final List<AlgorithmIdentifier> RSA = List.of(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE),
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption),
            new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption));
    private static final String REASON = "証明書の交付 (kofu)";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int PADDING = 64;

    private final SigningSettings settings;
    /** The size of the CMS value per tenant, measured once (an RSA signature's length does not vary). */
    private final Map<LocalGovernmentCode, Integer> cmsSizes;

    @Inject
    public PadesDocumentSigning(SigningSettings settings) {
        this.settings = settings;
        Map<LocalGovernmentCode, Integer> sizes = new java.util.HashMap<>();
        settings.keys().forEach((tenant, key) -> sizes.put(tenant, cms(key, new byte[32]).length + PADDING));
        this.cmsSizes = Map.copyOf(sizes);
    }

    @Override
    public boolean signs(LocalGovernmentCode tenant) {
        return settings.keys().containsKey(tenant);
    }

    @Override
    public String verificationCode(LocalGovernmentCode tenant, String certificateNumber) {
        SigningKey key = key(tenant);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.codeSecret(), "HmacSHA256"));
            byte[] h = mac.doFinal(certificateNumber.getBytes(StandardCharsets.UTF_8));
            // 12 base32 characters = 60 bits of the HMAC
            StringBuilder code = new StringBuilder(14);
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (h[i] & 0xff);
            }
            for (int i = 0; i < 12; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(BASE32.charAt((int) ((bits >>> (59 - 5 * i)) & 31)));
            }
            return code.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public byte[] sign(LocalGovernmentCode tenant, byte[] pdf, SignatureFacts facts) {
        SigningKey key = key(tenant);
        Date at = Date.from(facts.signedAt());
        try {
            key.certificate().checkValidity(at);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SigningException("tenant " + tenant + ": the signing certificate is not valid at " + facts.signedAt()
                    + " (valid " + key.certificate().getNotBefore().toInstant() + " to "
                    + key.certificate().getNotAfter().toInstant() + ")", e);
        }
        String signer = key.certificate().getSubjectX500Principal().getName();
        // the fast path: the update written directly, without parsing the PDF into objects
        java.util.Optional<IncrementalUpdate.Prepared> prepared = IncrementalUpdate.prepare(pdf,
                facts.signedAt().truncatedTo(ChronoUnit.SECONDS), signer, REASON, facts.certificateNumber(),
                facts.verificationCode(), cmsSizes.get(tenant));
        if (prepared.isPresent()) {
            return prepared.get().withSignature(cms(key, prepared.get().signedContent()));
        }
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signer);
            signature.setReason(REASON);
            Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            calendar.setTimeInMillis(facts.signedAt().truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
            signature.setSignDate(calendar);
            signature.getCOSObject().setString(COSName.getPDFName(NUMBER_KEY), facts.certificateNumber());
            signature.getCOSObject().setString(COSName.getPDFName(CODE_KEY), facts.verificationCode());
            options.setPreferredSignatureSize(cmsSizes.get(tenant));
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * cmsSizes.get(tenant) + 4096);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(key, external.getContent().readAllBytes()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("tenant " + tenant + ": the PDF cannot be signed (" + e.getMessage() + ")", e);
        }
    }

    /** A detached CMS SignedData over the content, PAdES B-B attributes. */
    private static byte[] cms(SigningKey key, byte[] content) {
        try {
            X509Certificate cert = key.certificate();
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()),
                    new IssuerSerial(new GeneralNames(new GeneralName(
                            X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber()));
            AttributeTable signed = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new WithoutSigningTime(signed))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), cert));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new SigningException("tenant " + key.tenant() + ": the CMS signature cannot be made (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard signed attributes without signing-time, which PAdES baseline signatures must not carry. */
    private static final class WithoutSigningTime extends DefaultSignedAttributeTableGenerator {
        WithoutSigningTime(AttributeTable attributes) {
            super(attributes);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            table.remove(CMSAttributes.signingTime);
            return table;
        }
    }

    private SigningKey key(LocalGovernmentCode tenant) {
        return settings.key(tenant).orElseThrow(() -> new SigningException("tenant " + tenant + " has no signing key"));
    }

    @Override
    public Inspection inspect(byte[] document) {
        if (document.length < 5 || !new String(document, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            return new Invalid(Problem.NOT_A_PDF, "the file does not start with %PDF-");
        }
        PDSignature signature;
        try (PDDocument doc = Loader.loadPDF(document)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new Invalid(Problem.NOT_SIGNED, "the PDF has no signature");
            }
            if (signatures.size() > 1) {
                return new Invalid(Problem.TAMPERED, "the PDF has " + signatures.size() + " signatures; kofu signs once");
            }
            signature = signatures.get(0);
        } catch (IOException | RuntimeException e) {
            return new Invalid(Problem.TAMPERED, "the PDF cannot be parsed (" + e.getMessage() + ")");
        }
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(signature.getSubFilter())) {
            return new Invalid(Problem.NOT_SIGNED, "the signature is not a PAdES (ETSI.CAdES.detached) signature");
        }
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1
                || range[3] < 0 || (long) range[2] + range[3] != document.length
                || document[range[1]] != '<' || document[range[2] - 1] != '>') {
            return new Invalid(Problem.TAMPERED, "the signed byte range does not cover the whole file but the signature");
        }
        byte[] value = canonicalValue(document, range[1] + 1, range[2] - 1);
        if (value == null) {
            return new Invalid(Problem.TAMPERED, "the signature value is not as written");
        }
        byte[] signedContent = new byte[range[1] + range[3]];
        System.arraycopy(document, 0, signedContent, 0, range[1]);
        System.arraycopy(document, range[2], signedContent, range[1], range[3]);
        X509Certificate signer;
        List<X509Certificate> embedded = new ArrayList<>();
        CMSSignedData cmsData;
        SignerInformation signerInfo;
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), ContentInfo.getInstance(value));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Invalid(Problem.TAMPERED, "the CMS value has " + signers.size() + " signers");
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certificates = cms.getCertificates();
            Collection<X509CertificateHolder> matches = certificates.getMatches(info.getSID());
            if (matches.size() != 1) {
                return new Invalid(Problem.TAMPERED, "the signer certificate is not in the signature");
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            signer = converter.getCertificate(matches.iterator().next());
            for (X509CertificateHolder h : certificates.getMatches(null)) {
                embedded.add(converter.getCertificate(h));
            }
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))) {
                return new Invalid(Problem.TAMPERED, "the signature does not match the signed bytes");
            }
            if (!signingCertificateMatches(info, signer)) {
                return new Invalid(Problem.TAMPERED, "the signing-certificate-v2 attribute does not name the signer");
            }
            cmsData = cms;
            signerInfo = info;
        } catch (CMSException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            return new Invalid(Problem.TAMPERED, "the signature does not verify (" + e.getMessage() + ")");
        }
        String number = signature.getCOSObject().getString(COSName.getPDFName(NUMBER_KEY));
        String code = signature.getCOSObject().getString(COSName.getPDFName(CODE_KEY));
        Calendar signDate = signature.getSignDate();
        if (number == null || code == null || signDate == null) {
            return new Invalid(Problem.NOT_SIGNED, "the signature is not a kofu certificate signature");
        }
        LocalGovernmentCode tenant;
        try {
            tenant = LocalGovernmentCode.parse(number.length() >= 6 ? number.substring(0, 6) : number);
        } catch (IllegalArgumentException e) {
            return new Invalid(Problem.UNTRUSTED_SIGNER, "the certificate number " + number + " names no tenant");
        }
        String unexpected;
        try {
            unexpected = unsignedPartsAsWritten(cmsData, signerInfo, embedded, settings.anchorsFor(tenant));
        } catch (RuntimeException e) {
            unexpected = "the CMS value cannot be read (" + e.getMessage() + ")";
        }
        if (unexpected != null) {
            return new Invalid(Problem.TAMPERED, unexpected);
        }
        Instant signedAt = signDate.toInstant();
        List<X509Certificate> path = pathToAnchor(signer, embedded, settings.anchorsFor(tenant));
        if (path.isEmpty()) {
            return new Invalid(Problem.UNTRUSTED_SIGNER, "the signer " + signer.getSubjectX500Principal().getName()
                    + " does not chain to a trust anchor of tenant " + tenant);
        }
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            return new Invalid(Problem.UNTRUSTED_SIGNER, "the signer certificate is not for signatures");
        }
        for (X509Certificate c : path) {
            try {
                c.checkValidity(Date.from(signedAt));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return new Invalid(Problem.CERTIFICATE_NOT_VALID, c.getSubjectX500Principal().getName()
                        + " was not valid at the signing time " + signedAt);
            }
        }
        return new Signed(tenant, new SignatureFacts(number, code, signedAt), signer.getSubjectX500Principal().getName());
    }

    /**
     * The DER value of the hex signature contents, or null unless they are exactly as kofu writes them:
     * upper-case hex of one DER object followed by zero bytes.
     */
    private static byte[] canonicalValue(byte[] document, int from, int to) {
        int length = to - from;
        if (length % 2 != 0) {
            return null;
        }
        byte[] decoded = new byte[length / 2];
        for (int i = 0; i < decoded.length; i++) {
            int hi = hex(document[from + 2 * i]);
            int lo = hex(document[from + 2 * i + 1]);
            if (hi < 0 || lo < 0) {
                return null;
            }
            decoded[i] = (byte) (hi << 4 | lo);
        }
        try (ASN1InputStream in = new ASN1InputStream(decoded)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                return null;
            }
            int derLength = object.getEncoded("DER").length;
            if (derLength > decoded.length || !Arrays.equals(object.getEncoded("DER"), 0, derLength, decoded, 0, derLength)) {
                return null;
            }
            for (int i = derLength; i < decoded.length; i++) {
                if (decoded[i] != 0) {
                    return null;
                }
            }
            return Arrays.copyOf(decoded, derLength);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The parts of the CMS value no signature covers must be as kofu writes them, so that changing one of their
     * bytes fails too: version 1, exactly the SHA-256 digest algorithm, detached id-data content, no CRLs, no
     * unsigned attributes, and every embedded certificate's own signature verifying by an issuer among the embedded
     * certificates and the anchors. Returns what is wrong, or null.
     */
    private static String unsignedPartsAsWritten(CMSSignedData cms, SignerInformation info, List<X509Certificate> embedded,
                                                 List<X509Certificate> anchors) {
        if (!CMSObjectIdentifiers.signedData.equals(cms.toASN1Structure().getContentType())) {
            return "the CMS value is not SignedData";
        }
        if (cms.getVersion() != 1 || info.getVersion() != 1) {
            return "unexpected CMS version";
        }
        if (cms.getDigestAlgorithmIDs().size() != 1 || !SHA256.contains(cms.getDigestAlgorithmIDs().iterator().next())
                || !SHA256.contains(info.getDigestAlgorithmID())) {
            return "unexpected digest algorithms";
        }
        if (!RSA.contains(info.toASN1Structure().getDigestEncryptionAlgorithm())) {
            return "unexpected signature algorithm";
        }
        if (!PKCSObjectIdentifiers.data.equals(cms.getSignedContentType()) || !cms.isDetachedSignature()) {
            return "unexpected encapsulated content";
        }
        if (!cms.getCRLs().getMatches(null).isEmpty() || !cms.getAttributeCertificates().getMatches(null).isEmpty()
                || info.getUnsignedAttributes() != null) {
            return "unexpected CRLs, attribute certificates or unsigned attributes";
        }
        // the signer identifier must name the signer byte for byte (matching itself compares names leniently)
        try {
            org.bouncycastle.asn1.cms.IssuerAndSerialNumber sid = org.bouncycastle.asn1.cms.IssuerAndSerialNumber.getInstance(
                    info.toASN1Structure().getSID().getId());
            X509Certificate signer = null;
            for (X509Certificate c : embedded) {
                if (c.getSerialNumber().equals(sid.getSerialNumber().getValue())) {
                    signer = c;
                }
            }
            if (signer == null || !Arrays.equals(sid.getName().getEncoded("DER"), signer.getIssuerX500Principal().getEncoded())) {
                return "the signer identifier does not name the signer exactly";
            }
        } catch (IOException | IllegalArgumentException e) {
            return "the signer identifier cannot be read";
        }
        List<X509Certificate> issuers = new ArrayList<>(embedded);
        issuers.addAll(anchors);
        for (X509Certificate c : embedded) {
            try {
                // the signature BIT STRING's unused-bits byte lies outside what the certificate's signature covers
                if (org.bouncycastle.asn1.x509.Certificate.getInstance(c.getEncoded()).getSignature().getPadBits() != 0) {
                    return "an embedded certificate's signature is not as written";
                }
            } catch (java.security.cert.CertificateEncodingException | IllegalArgumentException e) {
                return "an embedded certificate cannot be read";
            }
            boolean vouched = false;
            for (X509Certificate issuer : issuers) {
                if (issuedBy(c, issuer)) {
                    vouched = true;
                    break;
                }
            }
            if (!vouched) {
                return "an embedded certificate (" + c.getSubjectX500Principal().getName() + ") does not verify";
            }
        }
        return null;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static boolean signingCertificateMatches(SignerInformation info, X509Certificate signer)
            throws GeneralSecurityException {
        AttributeTable attributes = info.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return false;
        }
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
        if (ids.length == 0 || !NISTObjectIdentifiers.id_sha256.equals(ids[0].getHashAlgorithm().getAlgorithm())) {
            return false;
        }
        return MessageDigest.isEqual(ids[0].getCertHash(), MessageDigest.getInstance("SHA-256").digest(signer.getEncoded()));
    }

    /**
     * The certificates from the signer up to a trust anchor (the anchor included), each signed by the next;
     * intermediates may come from the signature. Empty when no anchor is reached. The signer itself may be an
     * anchor (a pinned certificate).
     */
    private static List<X509Certificate> pathToAnchor(X509Certificate signer, List<X509Certificate> embedded,
                                                      List<X509Certificate> anchors) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = signer;
        for (int depth = 0; depth < 5; depth++) {
            path.add(current);
            for (X509Certificate anchor : anchors) {
                if (anchor.equals(current)) {
                    return path;
                }
            }
            for (X509Certificate anchor : anchors) {
                if (issuedBy(current, anchor)) {
                    path.add(anchor);
                    return path;
                }
            }
            X509Certificate next = null;
            for (X509Certificate candidate : embedded) {
                if (!candidate.equals(current) && candidate.getBasicConstraints() >= 0 && issuedBy(current, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return List.of();
            }
            current = next;
        }
        return List.of();
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
