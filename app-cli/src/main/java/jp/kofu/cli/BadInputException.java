package jp.kofu.cli;

/** An input file is bad (exit 3); the message is {@code file:line:column reason}. */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
