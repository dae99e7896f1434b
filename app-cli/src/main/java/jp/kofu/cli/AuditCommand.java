package jp.kofu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import jp.kofu.core.issuance.port.in.VerifyHistoryChainUseCase;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** {@code kofu audit}: checks of the issuance history (発行履歴の監査). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit the issuance history (verify: recompute the hash chain).",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (verify)");
    }

    /** {@code kofu audit verify}: recomputes the tenant's chain and names the first broken entry. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute the tenant's issuance-history hash chain from its first entry.",
                    "Exit 0 intact; 1 broken (the first broken entry is named)."})
    static final class Verify implements Callable<Integer> {

        @Mixin
        Options.Database db;

        @Option(names = "--tenant", required = true, paramLabel = "CODE", converter = Options.TenantConverter.class,
                description = "地方公共団体コード with check digit.")
        LocalGovernmentCode tenant;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        private final CliEnvironment environment;

        @Inject
        Verify(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            VerifyHistoryChainUseCase.Report report = environment.kofu(db.url).getInstance(VerifyHistoryChainUseCase.class)
                    .verify(tenant);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("tenant", tenant.value());
                doc.put("entries", report.entries());
                if (report instanceof VerifyHistoryChainUseCase.Intact intact) {
                    doc.put("intact", true);
                    doc.put("headHash", intact.headHash());
                } else {
                    VerifyHistoryChainUseCase.Broken broken = (VerifyHistoryChainUseCase.Broken) report;
                    doc.put("intact", false);
                    doc.put("firstBrokenEntry", broken.sequence());
                    doc.put("problem", broken.problem().name());
                }
                environment.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            } else if (report instanceof VerifyHistoryChainUseCase.Intact intact) {
                environment.out().printf("history chain of tenant %s intact: %,d entries, head %s%n", tenant,
                        intact.entries(), intact.headHash());
            } else {
                VerifyHistoryChainUseCase.Broken broken = (VerifyHistoryChainUseCase.Broken) report;
                environment.out().printf("history chain of tenant %s BROKEN at entry #%d: %s (%,d entries checked)%n",
                        tenant, broken.sequence(), describe(broken.problem()), broken.entries());
            }
            return report instanceof VerifyHistoryChainUseCase.Intact ? Cli.OK : Cli.REFUSED;
        }

        private static String describe(VerifyHistoryChainUseCase.Problem problem) {
            return switch (problem) {
                case CONTENT_CHANGED -> "its content was changed (CONTENT_CHANGED)";
                case LINK_BROKEN -> "it does not follow the entry before (LINK_BROKEN)";
                case ENTRY_MISSING -> "it is missing (ENTRY_MISSING)";
                case TRUNCATED -> "the chain ends before its recorded head (TRUNCATED)";
            };
        }
    }
}
