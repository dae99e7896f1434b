package jp.kofu.cli;

import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * Commands of the contract ({@code docs/cli.md}) that are not built yet: each says so in one line and
 * exits 2, whatever its arguments, so integrators' scripts fail clearly rather than silently.
 */
abstract class NotBuiltCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", hidden = true)
    List<String> arguments;

    @Unmatched
    List<String> unmatched;

    private final CliEnvironment environment;

    NotBuiltCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    abstract String name();

    abstract String comesWith();

    @Override
    public Integer call() {
        environment.err().println("kofu " + name() + ": not built yet (comes with " + comesWith() + ")");
        return Cli.USAGE;
    }

    @Command(name = "relay", description = "The city-hall relay (連携用サーバ) (not built yet).")
    static final class Relay extends NotBuiltCommand {
        @Inject
        Relay(CliEnvironment e) {
            super(e);
        }

        @Override
        String name() {
            return "relay";
        }

        @Override
        String comesWith() {
            return "the data-sync issue";
        }
    }




}
