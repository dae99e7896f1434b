package jp.kofu.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

import jakarta.inject.Inject;

import com.google.inject.Injector;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import jp.kofu.cli.gaiji.ApplyCommand;
import jp.kofu.cli.gaiji.GaijiEnvironment;
import jp.kofu.cli.gaiji.PreviewCommand;
import jp.kofu.cli.gaiji.ProposeCommand;
import jp.kofu.cli.gaiji.ScanCommand;
import jp.kofu.cli.gaiji.SheetCommand;

/**
 * {@code kofu gaiji}: the 文字同定 workflow — scan, propose, apply, sheet, and the 確認用 preview. The
 * subcommands live in {@code jp.kofu.cli.gaiji}; this command hands them the command line's environment.
 */
@Command(name = "gaiji", mixinStandardHelpOptions = true,
        description = "scan | propose | apply | sheet | preview: 文字同定 of vendor 外字 (docs/cli.md).",
        subcommands = {ScanCommand.class, ProposeCommand.class, ApplyCommand.class, SheetCommand.class,
                PreviewCommand.class})
final class GaijiCommand implements Runnable, GaijiEnvironment {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliEnvironment environment;

    @Inject
    GaijiCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: scan, propose, apply, sheet or preview");
    }

    @Override
    public PrintWriter out() {
        return environment.out();
    }

    @Override
    public PrintWriter err() {
        return environment.err();
    }

    @Override
    public Map<String, String> env() {
        return environment.env();
    }

    @Override
    public Clock clock() {
        return environment.clock();
    }

    @Override
    public Injector kofu(String dbOption) {
        return environment.kofu(dbOption);
    }
}
