package jp.kofu.cli;

import picocli.CommandLine.Command;

/** The top-level {@code kofu} command: lists the commands of the contract in {@code docs/cli.md}. */
@Command(name = "kofu",
        mixinStandardHelpOptions = true,
        versionProvider = KofuCommand.Version.class,
        description = {
                "kofu (交付): certificate issuance server for convenience-store delivery (コンビニ交付).",
                "Exit codes: 0 done, 1 refused or verification failed, 2 usage error, 3 bad input, 4 infrastructure failure."},
        subcommands = {
                DemoCommand.class,
                GenerateCommand.class,
                LoadCommand.class,
                IssueCommand.class,
                RenderCommand.class,
                ServerCommand.class,
                SyncCommand.class,
                RelayCommand.class,
                GaijiCommand.class,
                VerifyCommand.class,
                KioskCommand.class,
                BenchCommand.class,
                AuditCommand.class,
                picocli.CommandLine.HelpCommand.class})
public final class KofuCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The version from the jar's manifest, or "development". */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KofuCommand.class.getPackage().getImplementationVersion();
            return new String[] {"kofu " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
