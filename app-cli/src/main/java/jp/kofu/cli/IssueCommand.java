package jp.kofu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.port.in.PrepareCertificateUseCase;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.port.out.TenantSettingsPort;

/**
 * {@code kofu issue}: prepares one certificate directly through the use case, without a kiosk (for staff
 * checks and tests). Exit 1 when suppressed, with the reason for staff.
 */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Prepare a certificate for a resident through the use case, without a kiosk.")
final class IssueCommand implements Callable<Integer> {

    @Mixin
    Options.Database db;

    @Option(names = "--tenant", required = true, paramLabel = "CODE", converter = Options.TenantConverter.class,
            description = "地方公共団体コード with check digit.")
    LocalGovernmentCode tenant;

    @Option(names = "--resident", required = true, paramLabel = "KEY", description = "宛名番号 of the applicant.")
    String resident;

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = Options.KindConverter.class,
            description = "juminhyo, inkan or shotoku.")
    CertificateKind kind;

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "Where to write the PDF (default: kofu-out/<certificate number>.pdf).")
    Path out;

    @Option(names = "--members", split = ",", paramLabel = "KEY", description = "住民票: chosen members (default: the whole household).")
    List<String> members = List.of();

    @Option(names = "--without-household-head", description = "住民票: leave out 世帯主・続柄.")
    boolean withoutHouseholdHead;

    @Option(names = "--with-domicile", description = "住民票: print 本籍・筆頭者.")
    boolean withDomicile;

    @Option(names = "--with-individual-number", description = "住民票: print 個人番号 (where the tenant allows it).")
    boolean withIndividualNumber;

    @Option(names = "--with-foreign-items", description = "住民票: print the foreign-resident items.")
    boolean withForeignItems;

    @Option(names = "--year", paramLabel = "YYYY", description = "所得: fiscal year (default: the latest offered).")
    Integer year;

    @Option(names = "--copies", defaultValue = "1", description = "Number of copies (1-10).")
    int copies;

    private final CliEnvironment environment;

    @Inject
    IssueCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        PersonKey applicant = parse(() -> new PersonKey(resident));
        CertificateRequest request = parse(this::request);
        var kofu = environment.kofu(db.url);
        if (kofu.getInstance(TenantSettingsPort.class).find(tenant).isEmpty()) {
            throw new UsageException("kofu issue: tenant " + tenant + " is not set up in this database (load it with kofu load)");
        }
        PrepareCertificateUseCase.Outcome outcome = kofu.getInstance(PrepareCertificateUseCase.class)
                .prepare(new PrepareCertificateUseCase.Command(tenant, applicant, request,
                        IssuanceChannel.commandLine(), ""));
        if (outcome instanceof PrepareCertificateUseCase.Refused refused) {
            for (SuppressionDecision.Refused r : refused.reasons()) {
                // the staff's own terminal, not a log: the person concerned is shown beside the message
                environment.out().println("refused: " + r.reason().name() + " (" + r.reason().japanese() + ") "
                        + r.staffMessage() + r.person().map(p -> " (宛名番号 " + p.value() + ")").orElse(""));
            }
            return Cli.REFUSED;
        }
        PrepareCertificateUseCase.Ready ready = (PrepareCertificateUseCase.Ready) outcome;
        Path file = out != null ? out : Path.of("kofu-out", ready.issuance().facts().certificateNumber() + ".pdf");
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.write(file, ready.pdf());
        environment.out().printf("prepared %s for 宛名番号 %s: certificate %s, issuance %s, %,d bytes%n",
                kind.cliName(), applicant, ready.issuance().facts().certificateNumber(), ready.issuance().id(),
                ready.pdf().length);
        environment.out().println(file.toAbsolutePath().normalize());
        return Cli.OK;
    }

    private CertificateRequest request() {
        return switch (kind) {
            case JUMINHYO -> {
                Set<PersonKey> chosen = new LinkedHashSet<>();
                members.forEach(m -> chosen.add(new PersonKey(m.trim())));
                yield new CertificateRequest.Juminhyo(chosen, !withoutHouseholdHead, withDomicile, withIndividualNumber,
                        withForeignItems, copies);
            }
            case INKAN -> new CertificateRequest.Inkan(copies);
            case SHOTOKU -> new CertificateRequest.Shotoku(year == null ? OptionalInt.empty() : OptionalInt.of(year), copies);
        };
    }

    private static <T> T parse(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException("kofu issue: " + e.getMessage());
        }
    }
}
