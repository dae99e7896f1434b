package jp.kofu.server.wiring;

import java.util.function.Supplier;

/**
 * What one kiosk call ({@code JlisInterface}) runs in: the wiring binds it to the database's {@code onOneConnection}, so that the
 * dozen store calls of a step share one pooled connection instead of taking and returning one each. It
 * changes no transaction boundary: every store call still commits on its own.
 */
@FunctionalInterface
public interface CallScope {

    /** No scope: each store call takes its own connection. */
    CallScope NONE = Supplier::get;

    <T> T run(Supplier<T> work);
}
