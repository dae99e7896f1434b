package jp.kofu.adapters.jukiki;

import java.time.LocalDate;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.PrintedText;

/**
 * The writer's side of the reader's checks: a value the reader would refuse makes the writer fail on that
 * record, naming its key and the item (never the value), instead of producing a batch that is rejected
 * later.
 */
final class Representable {

    private Representable() {
    }

    static String requiredText(PrintedText text, String column, Object key) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(key + ": " + column + " is empty but the kofu layout requires it");
        }
        return TextCodec.encode(text);
    }

    static String plain(String value, String column, Object key) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0xE000 && c <= 0xF8FF || c >= 0xDB80 && c <= 0xDBFF) {
                throw new IllegalArgumentException(key + ": " + column
                        + " holds a control or private-use character, which the kofu layout does not take in this column");
            }
        }
        return value;
    }

    static String requiredPlain(String value, String column, Object key) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + ": " + column + " is empty but the kofu layout requires it");
        }
        return plain(value, column, key);
    }

    static String date(LocalDate date, String column, Object key) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException(key + ": " + column + " is outside the years 0000-9999 of yyyy-MM-dd");
        }
        return date.toString();
    }

    static String date(Optional<LocalDate> date, String column, Object key) {
        return date.isPresent() ? date(date.get(), column, key) : "";
    }
}
