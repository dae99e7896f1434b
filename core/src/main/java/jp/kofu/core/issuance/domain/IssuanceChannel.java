package jp.kofu.core.issuance.domain;

import java.util.Objects;

/**
 * Where a certificate was requested (交付場所): a convenience store's kiosk (店舗コード and 都道府県), or a
 * direct request through the command line for staff and tests.
 *
 * @param storeCode 店舗コード of the store, or {@code cli}
 * @param prefecture 都道府県コード (01–47) of the store, or empty
 */
public record IssuanceChannel(String storeCode, String prefecture) {

    public IssuanceChannel {
        Objects.requireNonNull(storeCode, "storeCode");
        if (storeCode.isBlank() || storeCode.length() > 32) {
            throw new IllegalArgumentException("店舗コード must be 1-32 characters");
        }
        prefecture = prefecture == null ? "" : prefecture;
        if (!prefecture.isEmpty() && !prefecture.matches("0[1-9]|[1-3][0-9]|4[0-7]")) {
            throw new IllegalArgumentException("都道府県コード must be 01-47: " + prefecture);
        }
    }

    /** A direct request through {@code kofu issue} or {@code kofu demo}. */
    public static IssuanceChannel commandLine() {
        return new IssuanceChannel(COMMAND_LINE, "");
    }

    /** Whether the request comes from a store kiosk (everything but the command line). */
    public boolean isKiosk() {
        return !COMMAND_LINE.equals(storeCode);
    }

    private static final String COMMAND_LINE = "cli";
}
