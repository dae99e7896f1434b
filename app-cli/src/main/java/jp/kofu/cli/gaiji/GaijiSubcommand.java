package jp.kofu.cli.gaiji;

import java.util.concurrent.Callable;

import com.google.inject.Injector;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** What every {@code kofu gaiji} subcommand takes: the database and the tenant. */
abstract class GaijiSubcommand implements Callable<Integer> {

    @ParentCommand
    GaijiEnvironment environment;

    @Mixin
    GaijiOptions.Database db;

    @Option(names = "--tenant", required = true, paramLabel = "CODE", converter = GaijiOptions.TenantConverter.class,
            description = "地方公共団体コード with check digit (Kurume: 402036).")
    LocalGovernmentCode tenant;

    Injector kofu() {
        return environment.kofu(db.url);
    }

    /** Prints a usage error in the command line's form and returns its exit code. */
    int usage(String command, String message) {
        environment.err().println("kofu gaiji " + command + ": " + message);
        return GaijiOptions.USAGE;
    }
}
