package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Certificates.aJuminhyo;
import static jp.kofu.adapters.jlis.Certificates.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;

import jp.kofu.adapters.jlis.signing.PadesDocumentSigning;
import jp.kofu.adapters.jlis.signing.SigningKey;
import jp.kofu.adapters.jlis.signing.SigningSettings;
import jp.kofu.adapters.jlis.signing.TestSigningKeys;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.port.out.CertificateRendererPort.RenderOptions;
import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.testing.DocumentSigningPortContract;
import jp.kofu.core.testing.Fixtures;

/**
 * The PAdES adapter through the real renderer: the port contract on a rendered 住民票, the signature as PDFBox
 * and BouncyCastle read it back, and the trust cases (forged CA with a copied DN, pinned certificate, no anchor,
 * expired key).
 */
class PadesDocumentSigningTest extends DocumentSigningPortContract {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
    private static final TestSigningKeys CA = TestSigningKeys.create(NOW);
    private static final SigningKey KEY = CA.issue(Fixtures.KURUME, NOW.minusSeconds(86400 * 365L), NOW.plusSeconds(86400 * 365L * 3));
    /** An attacker's CA copying the real CA's DN, and a key it issued for Kurume. */
    private static final TestSigningKeys FORGED_CA = TestSigningKeys.create(NOW, TestSigningKeys.CA_DN);
    private static final SigningKey FORGED = FORGED_CA.issue(Fixtures.KURUME, NOW.minusSeconds(86400 * 365L), NOW.plusSeconds(86400 * 365L * 3));
    private static final PdfCertificateRenderer RENDERER = new PdfCertificateRenderer(IpamjFont.shared(),
            new IpamjGlyphResolver(IpamjFont.shared()));
    private static byte[] unsigned;

    private static PadesDocumentSigning signing(SigningKey key, List<X509Certificate> anchors) {
        return new PadesDocumentSigning(new SigningSettings(Map.of(Fixtures.KURUME, key), Map.of(Fixtures.KURUME, anchors), List.of()));
    }

    @Override
    protected DocumentSigningPort newPort() {
        return signing(KEY, List.of(CA.caCertificate()));
    }

    @Override
    protected DocumentSigningPort newPortWithAnotherKey() {
        return signing(FORGED, List.of(FORGED_CA.caCertificate()));
    }

    @Override
    protected synchronized byte[] unsignedPdf() {
        if (unsigned == null) {
            CertificateContent.Juminhyo content = aJuminhyo(household(2).toArray(new CertificateContent.Member[0]));
            unsigned = RENDERER.render(content, RenderOptions.plain());
        }
        return unsigned.clone();
    }

    @Test
    void the_signed_pdf_is_an_incremental_pades_b_b_signature_that_pdfbox_reads_back() throws Exception {
        byte[] before = unsignedPdf();
        byte[] signed = signed();

        assertThat(Arrays.copyOf(signed, before.length)).as("the rendered bytes are kept, the signature is appended")
                .isEqualTo(before);
        try (PDDocument doc = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature s = signatures.get(0);
            assertThat(s.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(s.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(s.getSignDate().toInstant()).isEqualTo(SIGNED_AT);
            assertThat(s.getCOSObject().getString(PadesDocumentSigning.NUMBER_KEY)).isEqualTo(NUMBER);
            int[] range = s.getByteRange();
            assertThat(range[0]).isZero();
            assertThat((long) range[2] + range[3]).isEqualTo(signed.length);
            // the value is the DER object followed by the zero padding of the reserved space
            ContentInfo value;
            try (ASN1InputStream in = new ASN1InputStream(s.getContents(signed))) {
                value = ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(s.getSignedContent(signed)), value);
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(info.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).as("PAdES B-B has no CMS signing-time").isNull();
            assertThat(cms.isDetachedSignature()).isTrue();
            assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
        }
    }

    @Test
    void the_verification_code_is_printed_on_the_signed_certificate() throws IOException {
        DocumentSigningPort port = newPort();
        String code = port.verificationCode(Fixtures.KURUME, NUMBER);
        CertificateContent.Juminhyo plain = aJuminhyo(household(1).toArray(new CertificateContent.Member[0]));
        CertificateContent.Juminhyo withCode = new CertificateContent.Juminhyo(plain.attestation().withVerificationCode(code),
                plain.address(), plain.addressSupplement(), plain.householdHead(), plain.members(), plain.blankMarker());
        byte[] signed = port.sign(Fixtures.KURUME, RENDERER.render(withCode, RenderOptions.plain()),
                new DocumentSigningPort.SignatureFacts(NUMBER, code, SIGNED_AT));

        try (PDDocument doc = Loader.loadPDF(signed)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(code);
        }
        assertThat(port.inspect(signed)).isInstanceOf(DocumentSigningPort.Signed.class);
    }

    @Test
    void changes_in_the_signature_value_its_padding_its_case_and_the_byte_range_fail() throws IOException {
        byte[] signed = signed();
        int[] range;
        try (PDDocument doc = Loader.loadPDF(signed)) {
            range = doc.getSignatureDictionaries().get(0).getByteRange();
        }
        DocumentSigningPort port = newPort();
        int hexStart = range[1] + 1;
        int hexEnd = range[2] - 1;
        int lastNonZero = hexEnd - 1;
        while (signed[lastNonZero] == '0') {
            lastNonZero--;
        }
        int byteRangeAt = indexOf(signed, "/ByteRange".getBytes(StandardCharsets.US_ASCII)) + 12;
        int[] positions = {hexStart, hexStart + 1, hexStart + 100, (hexStart + lastNonZero) / 2, lastNonZero,
                lastNonZero + 2, hexEnd - 1, range[1], range[2] - 1, byteRangeAt, byteRangeAt + 3, range[1] - 1, range[2]};
        for (int at : positions) {
            byte[] changed = signed.clone();
            changed[at] = (byte) (changed[at] == '0' ? '1' : changed[at] == '1' ? '0' : changed[at] ^ 1);
            assertThat(port.inspect(changed)).as("byte %d", at).isInstanceOf(DocumentSigningPort.Invalid.class);
        }
        // every 13th hex digit of the value: signed attributes, signature, embedded certificates, unsigned fields
        for (int at = hexStart; at < lastNonZero; at += 13) {
            byte[] changed = signed.clone();
            changed[at] = (byte) (changed[at] == 'F' ? 'E' : changed[at] == '9' ? 'A' : changed[at] + 1);
            assertThat(port.inspect(changed)).as("hex digit at %d", at).isInstanceOf(DocumentSigningPort.Invalid.class);
        }
        // the same value in lower-case hex decodes to the same bytes: still refused (only kofu's writing is accepted)
        for (int at = hexStart; at < lastNonZero; at++) {
            if (signed[at] >= 'A' && signed[at] <= 'F') {
                byte[] lower = signed.clone();
                lower[at] = (byte) (signed[at] + 32);
                assertThat(port.inspect(lower)).isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                        i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.TAMPERED));
                break;
            }
        }
    }

    @Test
    void a_pinned_signing_certificate_is_trusted_and_a_tenant_without_anchor_trusts_nothing() {
        byte[] signed = signed();

        assertThat(new PadesDocumentSigning(new SigningSettings(Map.of(), Map.of(Fixtures.KURUME, List.of(KEY.certificate())),
                List.of())).inspect(signed)).isInstanceOf(DocumentSigningPort.Signed.class);
        assertThat(new PadesDocumentSigning(new SigningSettings(Map.of(), Map.of(), List.of(CA.caCertificate())))
                .inspect(signed)).as("--tenant-cert").isInstanceOf(DocumentSigningPort.Signed.class);
        assertThat(new PadesDocumentSigning(SigningSettings.none()).inspect(signed))
                .isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                        i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.UNTRUSTED_SIGNER));
        assertThat(new PadesDocumentSigning(new SigningSettings(Map.of(), Map.of(Fixtures.KURUME,
                List.of(FORGED_CA.caCertificate())), List.of())).inspect(signed))
                .as("the forged CA does not vouch for the real key either")
                .isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                        i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.UNTRUSTED_SIGNER));
    }

    @Test
    void a_key_outside_its_validity_refuses_to_sign() {
        SigningKey expired = CA.issue(Fixtures.KURUME, NOW.minusSeconds(86400 * 800L), NOW.minusSeconds(86400 * 400L));
        DocumentSigningPort port = signing(expired, List.of(CA.caCertificate()));

        assertThatThrownBy(() -> port.sign(Fixtures.KURUME, unsignedPdf(),
                new DocumentSigningPort.SignatureFacts(NUMBER, "AAAA-AAAA-AAAA", NOW)))
                .isInstanceOf(DocumentSigningPort.SigningException.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void the_renderers_pdf_is_signed_by_the_direct_update_which_a_strict_parser_reads() throws IOException {
        byte[] unsignedBytes = unsignedPdf();
        byte[] signed = signed();

        assertThat(new String(signed, StandardCharsets.ISO_8859_1)).contains("/T (kofu-signature)");
        try (PDDocument strict = new PDFParser(new RandomAccessReadBuffer(signed)).parse(false);
             PDDocument before = Loader.loadPDF(unsignedBytes)) {
            assertThat(strict.getNumberOfPages()).isEqualTo(before.getNumberOfPages());
            assertThat(strict.getDocumentInformation().getProducer()).isEqualTo(before.getDocumentInformation().getProducer());
            assertThat(strict.getDocumentCatalog().getAcroForm().getFields()).hasSize(1);
            PDSignature s = strict.getSignatureDictionaries().get(0);
            assertThat(s.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(s.getName()).isEqualTo(KEY.certificate().getSubjectX500Principal().getName());
            assertThat(s.getReason()).isEqualTo("証明書の交付 (kofu)");
            assertThat(s.getSignDate().toInstant()).isEqualTo(SIGNED_AT);
        }
    }

    @Test
    void another_pdf_shape_is_signed_through_pdfbox_and_inspects_alike() throws IOException {
        byte[] classic;
        try (PDDocument doc = Loader.loadPDF(unsignedPdf())) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            classic = out.toByteArray();
        }
        assertThat(new String(classic, StandardCharsets.ISO_8859_1)).contains("\nxref\n");
        DocumentSigningPort port = newPort();

        byte[] signed = port.sign(Fixtures.KURUME, classic,
                new DocumentSigningPort.SignatureFacts(NUMBER, port.verificationCode(Fixtures.KURUME, NUMBER), SIGNED_AT));

        assertThat(new String(signed, StandardCharsets.ISO_8859_1)).doesNotContain("/T (kofu-signature)");
        assertThat(port.inspect(signed)).isInstanceOf(DocumentSigningPort.Signed.class);
        byte[] changed = signed.clone();
        changed[classic.length / 2] ^= 1;
        assertThat(port.inspect(changed)).isInstanceOf(DocumentSigningPort.Invalid.class);
    }

    @Test
    void a_chain_not_valid_at_the_signing_time_is_refused() {
        // a CA whose validity ended a year before the signing, that issued a signing certificate valid at it
        TestSigningKeys oldCa = TestSigningKeys.create(NOW.minusSeconds(86400 * 365L * 11));
        SigningKey key = oldCa.issue(Fixtures.KURUME, NOW.minusSeconds(86400), NOW.plusSeconds(86400 * 365L));
        DocumentSigningPort port = signing(key, List.of(oldCa.caCertificate()));

        byte[] signed = port.sign(Fixtures.KURUME, unsignedPdf(),
                new DocumentSigningPort.SignatureFacts(NUMBER, port.verificationCode(Fixtures.KURUME, NUMBER), SIGNED_AT));

        assertThat(port.inspect(signed)).isInstanceOfSatisfying(DocumentSigningPort.Invalid.class,
                i -> assertThat(i.problem()).isEqualTo(DocumentSigningPort.Problem.CERTIFICATE_NOT_VALID));
    }

    private static int indexOf(byte[] a, byte[] needle) {
        for (int i = 0; i <= a.length - needle.length; i++) {
            if (Arrays.equals(a, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
