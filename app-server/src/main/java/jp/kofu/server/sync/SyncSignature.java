package jp.kofu.server.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of the sync interface (連携要求の署名): HMAC-SHA256 with the tenant's key over
 * {@code METHOD \n PATH \n TENANT \n TIMESTAMP \n SHA256-OF-BODY-HEX}, sent in {@link #SIGNATURE} as base64
 * with the other three headers. The server accepts a timestamp within {@link #WINDOW_SECONDS} of its clock.
 */
public final class SyncSignature {

    /** The tenant (地方公共団体コード) whose key signed. */
    public static final String TENANT = "X-Kofu-Tenant";
    /** Seconds since the epoch when the request was signed. */
    public static final String TIMESTAMP = "X-Kofu-Timestamp";
    /** SHA-256 of the body, lower-case hex. */
    public static final String CONTENT_SHA256 = "X-Kofu-Content-SHA256";
    /** The HMAC, base64. */
    public static final String SIGNATURE = "X-Kofu-Signature";
    /** How far the timestamp may be from the server's clock, either way. */
    public static final long WINDOW_SECONDS = 300;

    private SyncSignature() {
    }

    /** The string that is signed. */
    public static String canonical(String method, String path, String tenant, long timestamp, String bodySha256Hex) {
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + path + "\n" + tenant + "\n" + timestamp + "\n"
                + bodySha256Hex;
    }

    /** The base64 HMAC-SHA256 of the canonical string. */
    public static String sign(SyncKey key, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether the signature is the key's for the canonical string (constant time). */
    public static boolean matches(SyncKey key, String canonical, String signature) {
        byte[] expected = sign(key, canonical).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** SHA-256 of bytes, lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
