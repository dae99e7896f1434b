package jp.kofu.core.sync.domain.digest;

import java.util.HexFormat;

/**
 * The order-independent combination of record hashes (ハッシュ合計): the record count and the sum of the
 * 256-bit record hashes, read as unsigned big-endian integers, modulo 2<sup>256</sup>. Unlike XOR, a sum
 * does not cancel a record that occurs twice. Mutable; not thread-safe.
 */
public final class HashSum {

    /** Four 64-bit limbs, most significant first. */
    private final long[] limbs = new long[4];
    private long count;

    /** Adds one record hash (32 bytes). */
    public void add(byte[] hash) {
        if (hash.length != 32) {
            throw new IllegalArgumentException("a record hash has 32 bytes, not " + hash.length);
        }
        long carry = 0;
        for (int limb = 3; limb >= 0; limb--) {
            long v = 0;
            for (int b = 0; b < 8; b++) {
                v = (v << 8) | (hash[limb * 8 + b] & 0xFF);
            }
            long sum = limbs[limb] + v;
            long carryOut = Long.compareUnsigned(sum, limbs[limb]) < 0 ? 1 : 0;
            long withCarry = sum + carry;
            if (carry == 1 && withCarry == 0) {
                carryOut = 1;
            }
            limbs[limb] = withCarry;
            carry = carryOut;
        }
        count++;
    }

    /** Number of hashes added. */
    public long count() {
        return count;
    }

    /** The sum as 64 lower-case hex digits. */
    public String hex() {
        StringBuilder sb = new StringBuilder(64);
        for (long limb : limbs) {
            sb.append(HexFormat.of().toHexDigits(limb));
        }
        return sb.toString();
    }

    /** The sum of nothing: 64 zeros. */
    public static String zero() {
        return "0".repeat(64);
    }
}
