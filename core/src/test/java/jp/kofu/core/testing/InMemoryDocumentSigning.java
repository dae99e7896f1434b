package jp.kofu.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.kofu.core.certificate.port.out.DocumentSigningPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * A {@link DocumentSigningPort} fake for core tests and vendors: each signing tenant has a random HMAC key, the
 * "signature" is a trailing line {@code %KOFU-SIG <number> <code> <epoch-second> <key-id> <hmac>} over every
 * byte before it and the line's fields. Only keys of this instance are trusted, so a document signed by another
 * instance is an untrusted signer. No PKI, but the same observable contract as the PAdES adapter.
 */
public final class InMemoryDocumentSigning implements DocumentSigningPort {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MARK = "\n%KOFU-SIG ".getBytes(StandardCharsets.US_ASCII);

    private final Map<LocalGovernmentCode, byte[]> keys = new ConcurrentHashMap<>();

    /** A fake signing for these tenants, each with a new random key. */
    public static InMemoryDocumentSigning forTenants(LocalGovernmentCode... tenants) {
        InMemoryDocumentSigning s = new InMemoryDocumentSigning();
        for (LocalGovernmentCode t : tenants) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            s.keys.put(t, key);
        }
        return s;
    }

    @Override
    public boolean signs(LocalGovernmentCode tenant) {
        return keys.containsKey(tenant);
    }

    @Override
    public String verificationCode(LocalGovernmentCode tenant, String certificateNumber) {
        byte[] mac = hmac(key(tenant), ("code|" + certificateNumber).getBytes(StandardCharsets.UTF_8));
        String b32 = base32(mac);
        return b32.substring(0, 4) + "-" + b32.substring(4, 8) + "-" + b32.substring(8, 12);
    }

    @Override
    public byte[] sign(LocalGovernmentCode tenant, byte[] pdf, SignatureFacts facts) {
        byte[] key = key(tenant);
        String fields = facts.certificateNumber() + " " + facts.verificationCode() + " " + facts.signedAt().getEpochSecond()
                + " " + keyId(key);
        byte[] head = concat(pdf, MARK, fields.getBytes(StandardCharsets.US_ASCII));
        return concat(head, (" " + HexFormat.of().formatHex(hmac(key, head)) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Inspection inspect(byte[] document) {
        if (!startsWith(document, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return new Invalid(Problem.NOT_A_PDF, "no PDF header");
        }
        int at = lastIndexOf(document, MARK);
        if (at < 0) {
            return new Invalid(Problem.NOT_SIGNED, "no signature");
        }
        String line = new String(document, at + MARK.length, document.length - at - MARK.length, StandardCharsets.US_ASCII);
        String[] f = line.split(" ", -1);
        if (f.length != 5 || !line.endsWith("\n")) {
            return new Invalid(Problem.TAMPERED, "the signature line is malformed");
        }
        byte[] key = keys.values().stream().filter(k -> keyId(k).equals(f[3])).findFirst().orElse(null);
        LocalGovernmentCode tenant;
        try {
            tenant = LocalGovernmentCode.parse(f[0].substring(0, Math.min(6, f[0].length())));
        } catch (IllegalArgumentException e) {
            return new Invalid(Problem.TAMPERED, "the certificate number names no tenant");
        }
        if (key == null || !Arrays.equals(key, keys.get(tenant))) {
            return new Invalid(Problem.UNTRUSTED_SIGNER, "the key is not the tenant's");
        }
        int fieldsEnd = document.length - f[4].length() - 1;
        byte[] head = Arrays.copyOfRange(document, 0, fieldsEnd);
        String expected = " " + HexFormat.of().formatHex(hmac(key, head)) + "\n";
        String actual = new String(document, fieldsEnd, document.length - fieldsEnd, StandardCharsets.US_ASCII);
        if (!expected.equals(actual)) {
            return new Invalid(Problem.TAMPERED, "the signature does not match the bytes");
        }
        try {
            return new Signed(tenant, new SignatureFacts(f[0], f[1], Instant.ofEpochSecond(Long.parseLong(f[2]))),
                    "CN=fake signer " + tenant);
        } catch (NumberFormatException e) {
            return new Invalid(Problem.TAMPERED, "the signing time is malformed");
        }
    }

    private byte[] key(LocalGovernmentCode tenant) {
        byte[] key = keys.get(tenant);
        if (key == null) {
            throw new SigningException("tenant " + tenant + " has no signing key");
        }
        return key;
    }

    private static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int lastIndexOf(byte[] a, byte[] needle) {
        for (int i = a.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(a, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
