package jp.kofu.core.issuance.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Unguessable identifiers that begin with the moment they were made (時刻順の識別子): challenges, session ids and
 * issuance ids. A database index on purely random values takes each new row at a random place, so every page of
 * the index is soon being changed at once — H2 rewrites each changed page at its next store, PostgreSQL dirties
 * it for the next checkpoint, and the cost grows with the table. Ids that start with the time land at the
 * index's end, on a few pages. The random part keeps them unguessable — 256 bits in challenges and session ids,
 * 74 in issuance ids (which are only ever honoured with the session that prepared them); the time prefix says only
 * when the id was made, which its row records anyway.
 */
public final class TimeOrderedIds {

    /** Bytes of the millisecond prefix of {@link #bytes}: 48 bits, enough until the year 10889. */
    public static final int PREFIX_BYTES = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** {@value #PREFIX_BYTES} bytes of the moment's Unix milliseconds (big-endian), then {@code randomBytes} random bytes. */
    public static byte[] bytes(Instant at, int randomBytes) {
        byte[] id = new byte[PREFIX_BYTES + randomBytes];
        RANDOM.nextBytes(id);
        long millis = at.toEpochMilli();
        for (int i = 0; i < PREFIX_BYTES; i++) {
            id[i] = (byte) (millis >>> (8 * (PREFIX_BYTES - 1 - i)));
        }
        return id;
    }

    /**
     * A version 7 UUID (RFC 9562 §5.7): 48 bits of Unix milliseconds, the version and variant bits, 74 random
     * bits. It sorts by time in PostgreSQL's {@code uuid} and H2's {@code UUID} alike.
     */
    public static UUID uuidV7(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
