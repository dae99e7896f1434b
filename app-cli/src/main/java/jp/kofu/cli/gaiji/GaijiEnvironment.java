package jp.kofu.cli.gaiji;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

import com.google.inject.Injector;

/**
 * What the {@code kofu gaiji} subcommands run in: output streams, the process environment, the clock and
 * the application graph for a database. The {@code gaiji} command itself provides it (picocli hands it to
 * each subcommand as its parent), so this package never depends on the command line's main package.
 */
public interface GaijiEnvironment {

    PrintWriter out();

    PrintWriter err();

    Map<String, String> env();

    Clock clock();

    /** The application graph for the {@code --db} option (else {@code KOFU_DB}, else the embedded default). */
    Injector kofu(String dbOption);
}
