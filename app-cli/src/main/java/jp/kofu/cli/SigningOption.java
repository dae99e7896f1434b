package jp.kofu.cli;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

import jp.kofu.server.wiring.SigningConfig;

/**
 * The {@code --signing DIR} option (電子署名の設定): the signing directory with the tenants' keystores and trust
 * anchors ({@code docs/signing.md}); else the directory named by {@code KOFU_SIGNING}; else no tenant signs.
 */
final class SigningOption {

    @Option(names = "--signing", paramLabel = "DIR",
            description = "Signing directory: <tenant>.p12 (+ .p12.password or $KOFU_SIGNING_PASSWORD) and <tenant>-anchor.pem "
                    + "(default: $KOFU_SIGNING, else no tenant signs).")
    Path directory;

    /** The signing configuration the option (or the environment) names. */
    SigningConfig config(String command, Map<String, String> env) {
        try {
            return directory != null ? SigningConfig.fromDirectory(Options.absolute(directory), env)
                    : SigningConfig.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(command + ": " + e.getMessage());
        }
    }
}
