package jp.kofu.core.sync.domain.digest;

import java.util.Comparator;

import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * The key of a record in a digest (照合キー): the entity's key columns joined by one space, in an order that
 * keeps them unambiguous (a free-form part last) — residents {@code person_key}; households
 * {@code household_id}; seals {@code person_key registration_number}; suppression flags
 * {@code person_key kind from}; cardholders {@code serial issuer}; tax records {@code person_key fiscal_year}.
 * Keys are internal identifiers, never personal data, so reports may print them.
 */
public final class DigestKeys {

    /** Keys in digest order: by Unicode code point (the same as by UTF-8 bytes). */
    public static final Comparator<String> ORDER = DigestKeys::compare;

    private DigestKeys() {
    }

    /** The record's key. */
    public static <R> String key(ReplicaEntity<R> entity, R record) {
        Object r = record;
        if (r instanceof Resident x) {
            return x.key().value();
        }
        if (r instanceof Household x) {
            return x.id().value();
        }
        if (r instanceof SealRegistration x) {
            return x.person().value() + " " + x.registrationNumber();
        }
        if (r instanceof SuppressionFlag x) {
            return x.person().value() + " " + x.kind().name() + " " + x.from();
        }
        if (r instanceof CardholderLink x) {
            return x.serial() + " " + x.issuer();
        }
        if (r instanceof TaxRecord x) {
            return x.person().value() + " " + x.fiscalYear();
        }
        throw new IllegalArgumentException("not a record of " + entity);
    }

    /** Code point order; for keys without surrogates it is {@link String#compareTo}. */
    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx == sy) {
                    return x - y;
                }
                // a surrogate encodes a code point above every BMP character
                return sx ? 1 : -1;
            }
        }
        return a.length() - b.length();
    }
}
