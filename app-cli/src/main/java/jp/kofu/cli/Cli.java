package jp.kofu.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;

import picocli.CommandLine;

import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;

/**
 * Builds and runs the {@code kofu} command line. Commands are created through a Guice-backed factory
 * and never exit the process; exit codes follow {@code docs/cli.md}: 0 done, 1 refused or verification
 * failed, 2 usage error, 3 bad input, 4 infrastructure failure.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int INFRASTRUCTURE = 4;

    private Cli() {
    }

    /** Runs one command line and returns its exit code. */
    public static int execute(CliEnvironment environment, String... args) {
        CommandLine cmd = commandLine(environment);
        return cmd.execute(args);
    }

    static CommandLine commandLine(CliEnvironment environment) {
        Injector commands = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(CliEnvironment.class).toInstance(environment);
            }
        });
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    return commands.getInstance(cls);
                } catch (com.google.inject.ConfigurationException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
        CommandLine cmd = new CommandLine(new KofuCommand(), factory);
        cmd.setOut(environment.out());
        cmd.setErr(environment.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            String path = ex.getCommandLine().getCommandSpec().qualifiedName();
            environment.err().println(path + ": " + ex.getMessage() + " (see '" + path + " --help')");
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failures.handle(environment, commandLine.getCommandSpec().qualifiedName(), ex);
            return exitCodeOf(ex);
        });
        return cmd;
    }

    static int exitCodeOf(Throwable ex) {
        Throwable t = rootOfInterest(ex);
        if (t instanceof BatchRejectedException || t instanceof BadInputException) {
            return BAD_INPUT;
        }
        if (t instanceof UsageException) {
            return USAGE;
        }
        return INFRASTRUCTURE;
    }

    /** Unwraps Guice's and picocli's wrappers down to our own exception types, if any. */
    static Throwable rootOfInterest(Throwable ex) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(ex);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof BatchRejectedException || t instanceof BadInputException || t instanceof UsageException) {
                return t;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof com.google.inject.ProvisionException pe) {
                pe.getErrorMessages().forEach(m -> {
                    if (m.getCause() != null) {
                        todo.add(m.getCause());
                    }
                });
            }
        }
        return ex;
    }

    /** Prints failures without personal data: problems for bad input, the root cause otherwise. */
    static final class Failures {
        private Failures() {
        }

        static void handle(CliEnvironment environment, String command, Throwable ex) {
            Throwable t = rootOfInterest(ex);
            if (t instanceof BatchRejectedException rejected) {
                for (InputProblem p : rejected.problems()) {
                    environment.err().println(p);
                }
                environment.err().println(command + ": rejected, nothing was loaded ("
                        + rejected.problems().size() + " problem" + (rejected.problems().size() == 1 ? "" : "s") + ")");
                return;
            }
            if (t instanceof BadInputException || t instanceof UsageException) {
                environment.err().println(t.getMessage());
                return;
            }
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
            if (message.length() > 240) {
                message = message.substring(0, 240) + "…";
            }
            environment.err().println(command + ": infrastructure failure: " + root.getClass().getSimpleName()
                    + (message.isEmpty() ? "" : ": " + message));
            if (environment.env().containsKey("KOFU_DEBUG")) {
                ex.printStackTrace(environment.err());
            }
        }
    }
}
