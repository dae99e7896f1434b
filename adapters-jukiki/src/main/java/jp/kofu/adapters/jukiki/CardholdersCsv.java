package jp.kofu.adapters.jukiki;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.sync.domain.layout.Cells;
import jp.kofu.core.sync.domain.layout.Layout;
import jp.kofu.core.sync.domain.layout.Representable;

/**
 * {@code cardholders.csv}: one row per JPKI user-authentication certificate and its holder (利用者証明用電子証明書
 * の紐付け), see docs/formats/cardholders.csv.md.
 */
final class CardholdersCsv {

    static final Layout LAYOUT = new Layout(JukikiLayout.CARDHOLDERS, JukikiLayout.fileName(JukikiLayout.CARDHOLDERS));
    static final int OP = LAYOUT.operation("op");
    static final int ISSUER = LAYOUT.required("issuer");
    static final int SERIAL = LAYOUT.required("serial");
    static final int PERSON_KEY = LAYOUT.required("person_key");
    static final int VERSION = LAYOUT.required("version");

    private CardholdersCsv() {
    }

    /**
     * Parses a row. {@code issuers} shares one string per distinct issuer DN: a town has a handful of
     * issuers and hundreds of thousands of certificates.
     */
    static CardholderLink parse(Cells c, Map<String, String> issuers) {
        String issuer = c.plain(ISSUER, true);
        BigInteger serial = serial(c);
        PersonKey person = c.personKey(PERSON_KEY);
        long version = c.version(VERSION);
        if (!c.rowOk()) {
            return null;
        }
        return new CardholderLink(issuers.computeIfAbsent(issuer, i -> i), serial, person, version);
    }

    static Map<String, String> newIssuerPool() {
        return new HashMap<>();
    }

    static BigInteger serial(Cells c) {
        String value = c.raw(SERIAL);
        if (value.isEmpty()) {
            c.problem(SERIAL, "required value missing");
            return null;
        }
        boolean digits = value.length() <= 60;
        boolean zero = true;
        for (int i = 0; digits && i < value.length(); i++) {
            char ch = value.charAt(i);
            digits = ch >= '0' && ch <= '9';
            zero &= ch == '0';
        }
        if (!digits) {
            c.problem(SERIAL, "malformed serial " + Cells.show(value) + " (expected a positive decimal integer)");
            return null;
        }
        if (zero) {
            c.problem(SERIAL, "serial must be positive");
            return null;
        }
        return new BigInteger(value);
    }

    /** What identifies a certificate: issuer and serial. */
    static Object key(CardholderLink link) {
        return new Key(link.issuer(), link.serial());
    }

    private record Key(String issuer, BigInteger serial) {
    }

    static String[] format(CardholderLink link) {
        String[] row = new String[LAYOUT.size()];
        row[OP] = "";
        row[ISSUER] = Representable.requiredPlain(link.issuer(), "issuer", link.person());
        row[SERIAL] = link.serial().toString();
        row[PERSON_KEY] = link.person().value();
        row[VERSION] = Long.toString(link.version());
        return row;
    }
}
