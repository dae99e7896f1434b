package jp.kofu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import jp.kofu.core.issuance.port.in.VerifyCertificateUseCase;
import jp.kofu.server.wiring.KofuConfig;
import jp.kofu.server.wiring.SigningConfig;

/**
 * {@code kofu verify FILE.pdf}: checks a certificate PDF (証明書の真正性確認) — its PAdES signature over the whole
 * file, the signer's chain to the tenant's trust anchor, and the issuance record of its certificate number
 * (same document hash and 検証コード). Exit 0 valid; 1 failed; 3 unreadable or not a PDF; 4 infrastructure.
 * Prints the certificate number, tenant, kind and time of issue, never personal data. Reads no private key.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a certificate PDF: its signature, the tenant's certificate and its issuance record.",
                "Trust: --tenant-cert FILE (the CA or signing certificate to trust), else the anchors of the signing",
                "directory (--signing DIR or $KOFU_SIGNING). Exit 0 valid; 1 verification failed; 3 not a PDF."})
final class VerifyCommand implements Callable<Integer> {

    /** PDFBox reports what it repairs while parsing a tampered file; the verdict says what matters. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    @Parameters(index = "0", paramLabel = "FILE.pdf", description = "The certificate PDF.")
    Path file;

    @Mixin
    Options.Database db;

    @Mixin
    SigningOption signing;

    @Option(names = "--tenant-cert", paramLabel = "FILE",
            description = "PEM/DER certificate to trust for the signer (the tenant's CA or its signing certificate; repeatable).")
    List<Path> tenantCerts = List.of();

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    private final CliEnvironment environment;

    @Inject
    VerifyCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        byte[] document;
        try {
            document = Files.readAllBytes(Options.absolute(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException("kofu verify: " + file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException("kofu verify: " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        // only anchors are needed to verify: no keystore (and no password) is read
        SigningConfig configured = signing.config("kofu verify", environment.env());
        SigningConfig trust = tenantCerts.isEmpty()
                ? new SigningConfig(Map.of(), configured.anchors(), List.of(), configured.source())
                : SigningConfig.none().trustingForEveryTenant(tenantCerts.stream().map(Options::absolute).toList());
        for (Path anchor : trust.anyTenantAnchors()) {
            if (!Files.isReadable(anchor)) {
                throw new BadInputException("kofu verify: " + anchor + ": the trust anchor cannot be read");
            }
        }
        KofuConfig config = new KofuConfig(KofuConfig.resolveDb(db.url, environment.env()), 0, null, trust);
        Level before = PDFBOX_LOG.getLevel();
        PDFBOX_LOG.setLevel(Level.SEVERE);
        VerifyCertificateUseCase.Result result;
        try {
            result = environment.kofu(config).getInstance(VerifyCertificateUseCase.class).verify(document);
        } finally {
            PDFBOX_LOG.setLevel(before);
        }
        print(result);
        if (result instanceof VerifyCertificateUseCase.Valid) {
            return Cli.OK;
        }
        VerifyCertificateUseCase.Failed failed = (VerifyCertificateUseCase.Failed) result;
        return failed.reason() == VerifyCertificateUseCase.Reason.NOT_A_PDF ? Cli.BAD_INPUT : Cli.REFUSED;
    }

    private void print(VerifyCertificateUseCase.Result result) throws IOException {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            if (result instanceof VerifyCertificateUseCase.Valid v) {
                doc.put("valid", true);
                doc.put("tenant", v.tenant().value());
                doc.put("certificateNumber", v.certificateNumber());
                doc.put("verificationCode", v.verificationCode());
                doc.put("kind", v.kind().cliName());
                doc.put("issuedAt", v.issuedAt().toString());
                doc.put("state", v.state());
                doc.put("signer", v.signer());
            } else {
                VerifyCertificateUseCase.Failed f = (VerifyCertificateUseCase.Failed) result;
                doc.put("valid", false);
                doc.put("reason", f.reason().name());
                doc.put("detail", f.detail());
            }
            environment.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            return;
        }
        if (result instanceof VerifyCertificateUseCase.Valid v) {
            environment.out().printf("VALID: %s %s (%s), tenant %s, issued %s, 検証コード %s, state %s%n",
                    v.kind().cliName(), v.certificateNumber(), v.kind().title(), v.tenant(), v.issuedAt(),
                    v.verificationCode(), v.state());
            environment.out().println("  signed by " + v.signer());
        } else {
            VerifyCertificateUseCase.Failed f = (VerifyCertificateUseCase.Failed) result;
            environment.out().printf("FAILED (%s): %s%n", f.reason().name(), f.detail());
        }
    }
}
