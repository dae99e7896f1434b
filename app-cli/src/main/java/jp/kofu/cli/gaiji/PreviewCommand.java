package jp.kofu.cli.gaiji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.gaiji.port.in.PreviewCertificateUseCase;
import jp.kofu.core.gaiji.service.PreviewCertificateService;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * {@code kofu gaiji preview}: a resident's actual certificate watermarked 確認用, to check its characters —
 * through the same suppression and rendering as an issuance, but nothing is recorded.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Render a resident's actual certificate watermarked 確認用 for checking its characters, "
                + "without recording an issuance.",
                "Exit 1 with the reasons when the certificate would be refused (e.g. 未同定外字)."})
public final class PreviewCommand extends GaijiSubcommand {

    @Option(names = "--resident", required = true, paramLabel = "KEY", description = "宛名番号 of the resident.")
    String resident;

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = GaijiOptions.KindConverter.class,
            description = "juminhyo, inkan or shotoku.")
    CertificateKind kind;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
    Path out;

    @Option(names = "--members", split = ",", paramLabel = "KEY", description = "住民票: chosen members (default: the whole household).")
    List<String> members = List.of();

    @Option(names = "--year", paramLabel = "YYYY", description = "所得: fiscal year (default: the latest offered).")
    Integer year;

    @Override
    public Integer call() throws IOException {
        PersonKey applicant;
        CertificateRequest request;
        try {
            applicant = new PersonKey(resident);
            request = request();
        } catch (IllegalArgumentException e) {
            return usage("preview", e.getMessage());
        }
        Injector kofu = kofu();
        if (kofu.getInstance(TenantSettingsPort.class).find(tenant).isEmpty()) {
            return usage("preview", "tenant " + tenant + " is not set up in this database (load it with kofu load)");
        }
        PreviewCertificateUseCase.Outcome outcome = kofu.getInstance(PreviewCertificateService.class)
                .preview(new PreviewCertificateUseCase.Command(tenant, applicant, request));
        if (outcome instanceof PreviewCertificateUseCase.Refused refused) {
            for (SuppressionDecision.Refused r : refused.reasons()) {
                // the staff's own terminal, not a log: the person concerned is shown beside the message
                environment.out().println("refused: " + r.reason().name() + " (" + r.reason().japanese() + ") "
                        + r.staffMessage() + r.person().map(p -> " (宛名番号 " + p.value() + ")").orElse(""));
            }
            return GaijiOptions.REFUSED;
        }
        byte[] pdf = ((PreviewCertificateUseCase.Preview) outcome).pdf();
        Path file = out.toAbsolutePath().normalize();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, pdf);
        environment.out().printf("preview (%s) of %s for 宛名番号 %s: %,d bytes, nothing recorded%n",
                PreviewCertificateUseCase.WATERMARK, kind.cliName(), applicant, pdf.length);
        environment.out().println(file);
        return GaijiOptions.OK;
    }

    private CertificateRequest request() {
        return switch (kind) {
            case JUMINHYO -> {
                Set<PersonKey> chosen = new LinkedHashSet<>();
                members.forEach(m -> chosen.add(new PersonKey(m.trim())));
                yield new CertificateRequest.Juminhyo(chosen, true, false, false, false, 1);
            }
            case INKAN -> new CertificateRequest.Inkan(1);
            case SHOTOKU -> new CertificateRequest.Shotoku(year == null ? OptionalInt.empty() : OptionalInt.of(year), 1);
        };
    }
}
