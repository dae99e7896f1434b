package jp.kofu.cli;

/** The command was used wrongly in a way picocli cannot see (exit 2); the message is one line. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
