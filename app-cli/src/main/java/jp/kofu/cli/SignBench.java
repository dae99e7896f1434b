package jp.kofu.cli;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.adapters.jlis.PdfCertificateRenderer;
import jp.kofu.adapters.jlis.jpki.TestPki;
import jp.kofu.adapters.jlis.signing.PadesDocumentSigning;
import jp.kofu.adapters.jlis.signing.SigningKey;
import jp.kofu.adapters.jlis.signing.SigningSettings;
import jp.kofu.adapters.jlis.signing.TestSigningKeys;
import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.port.out.CertificateRendererPort;
import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * {@code kofu bench sign}: the cost signing adds to each issuance (電子署名の負荷), single thread, on the example
 * 住民票: PAdES signing ({@link PadesDocumentSigning#sign}) and inspection per document, against the baselines
 * measured in the same run — one raw RSA-2048 SHA256withRSA signature (the floor of any signature) and the
 * unsigned render; and, for comparison, signing the same document saved with a classic cross-reference table,
 * which goes through PDFBox's parse and incremental save. Prints medians, p99 and the bytes a signature adds.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Signing cost per certificate: PAdES sign and verify of the example 住民票, single thread,",
                "with a raw RSA-2048 signature and the unsigned render as baselines measured in the same run."})
final class SignBench implements Callable<Integer> {

    private static final LocalGovernmentCode KURUME = LocalGovernmentCode.parse("402036");

    @Option(names = "--documents", defaultValue = "200", paramLabel = "N", description = "Measured documents (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--warmup", defaultValue = "100", paramLabel = "N", description = "Warm-up documents (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    private final CliEnvironment environment;

    @Inject
    SignBench(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (documents < 10 || documents > 100_000 || warmup < 0) {
            throw new UsageException("kofu bench sign: --documents must be 10 to 100,000 and --warmup not negative");
        }
        Instant now = environment.clock().instant();
        TestSigningKeys ca = TestSigningKeys.create(now);
        SigningKey key = ca.issue(KURUME, now.minusSeconds(86400), now.plusSeconds(86400 * 365L));
        PadesDocumentSigning signing = new PadesDocumentSigning(new SigningSettings(Map.of(KURUME, key),
                Map.of(KURUME, List.of(ca.caCertificate())), List.of()));
        PdfCertificateRenderer renderer = PdfCertificateRenderer.withBundledFont();
        CertificateContent example = ExampleContent.of(CertificateKind.JUMINHYO);
        CertificateContent content = example instanceof CertificateContent.Juminhyo j
                ? new CertificateContent.Juminhyo(j.attestation().withVerificationCode(signing.verificationCode(KURUME, "402036-00000001")),
                j.address(), j.addressSupplement(), j.householdHead(), j.members(), j.blankMarker()) : example;
        byte[] unsigned = renderer.render(content, CertificateRendererPort.RenderOptions.plain());
        DocumentSigningPort.SignatureFacts facts = new DocumentSigningPort.SignatureFacts("402036-00000001",
                signing.verificationCode(KURUME, "402036-00000001"), now);
        byte[] signed = signing.sign(KURUME, unsigned, facts);
        if (!(signing.inspect(signed) instanceof DocumentSigningPort.Signed)) {
            throw new IllegalStateException("the benchmark's own signature does not verify");
        }
        // the same document saved with a classic cross-reference table: signed through PDFBox's incremental save
        byte[] classic;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(unsigned)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            classic = out.toByteArray();
        }
        byte[] digest = new byte[32];
        Signature raw = Signature.getInstance("SHA256withRSA");
        PrivateKey rawKey = TestPki.newKeyPair().getPrivate();
        long[] sink = new long[1];

        // interleaved, so that the machine's load affects every figure alike
        double[][] ms = new double[5][documents];
        IntConsumer[] ops = {
            i -> sink[0] += rawSignature(raw, rawKey, digest),
            i -> sink[0] += renderer.render(content, CertificateRendererPort.RenderOptions.plain()).length,
            i -> sink[0] += signing.sign(KURUME, unsigned, facts).length,
            i -> sink[0] += signing.inspect(signed) instanceof DocumentSigningPort.Signed ? 1 : 0,
            i -> sink[0] += signing.sign(KURUME, classic, facts).length,
        };
        for (int i = 0; i < warmup; i++) {
            for (IntConsumer op : ops) {
                op.accept(i);
            }
        }
        for (int i = 0; i < documents; i++) {
            for (int k = 0; k < ops.length; k++) {
                long t0 = System.nanoTime();
                ops[k].accept(i);
                ms[k][i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        String[] names = {"raw RSA-2048 signature (baseline)", "render unsigned 住民票 (baseline)", "PAdES sign",
            "PAdES verify", "PAdES sign, PDFBox re-parse path"};
        String[] keys = {"rawRsaSignature", "renderUnsigned", "padesSign", "padesVerify", "padesSignPdfboxPath"};
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("documents", documents);
            for (int k = 0; k < ops.length; k++) {
                doc.put(keys[k], Map.of("medianMs", percentile(ms[k], 50), "p99Ms", percentile(ms[k], 99)));
            }
            doc.put("unsignedBytes", unsigned.length);
            doc.put("signedBytes", signed.length);
            environment.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            environment.out().printf("kofu bench sign — %,d documents, single thread, after %,d warm-up%n", documents, warmup);
            for (int k = 0; k < ops.length; k++) {
                environment.out().printf("  %-36s median %6.2f ms   p99 %6.2f ms%n", names[k], percentile(ms[k], 50),
                        percentile(ms[k], 99));
            }
            environment.out().printf("  size: unsigned %,d bytes, signed %,d bytes (+%,d)%n", unsigned.length, signed.length,
                    signed.length - unsigned.length);
        }
        return sink[0] == Long.MIN_VALUE ? Cli.INFRASTRUCTURE : Cli.OK;
    }

    private static int rawSignature(Signature raw, PrivateKey key, byte[] data) {
        try {
            raw.initSign(key);
            raw.update(data);
            return raw.sign().length;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
