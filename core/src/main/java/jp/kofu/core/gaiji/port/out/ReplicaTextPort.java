package jp.kofu.core.gaiji.port.out;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The printed-text items of a tenant's replica (複製データの文字項目), for the 文字同定: walking them to find
 * vendor 外字 and other characters to check, and re-converting (再変換) the items that hold unidentified
 * vendor characters once the correspondence table maps them.
 *
 * <p>A narrow companion of the replica ports ({@code ReplicaReadPort}, {@code ReplicaWritePort}): it reads
 * and rewrites text items only, never keys, dates or record versions.
 */
public interface ReplicaTextPort {

    /**
     * Calls the visitor once per non-empty text item of the tenant's replica, from one consistent snapshot.
     *
     * @param onlyUnidentified visit only items holding an unidentified vendor character (implementations
     *     may filter in the database)
     */
    void forEachText(LocalGovernmentCode tenant, boolean onlyUnidentified, Consumer<TextItem> visitor);

    /**
     * Replaces, in one transaction, every unidentified vendor character the table maps by its character
     * in every item of the tenant's replica (see {@code UnidentifiedCharacters.reconvert}). Items without
     * such a character are not written.
     *
     * @return who and how much changed
     */
    Reconversion reconvert(LocalGovernmentCode tenant, CorrespondenceTable table);

    /**
     * One text item.
     *
     * @param field which item
     * @param holder the key of the record holding it: 宛名番号, or 世帯番号 for a household
     * @param person the person the record belongs to (empty for a household)
     * @param text the text
     */
    record TextItem(TextField field, String holder, Optional<PersonKey> person, PrintedText text) {
        public TextItem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(holder, "holder");
            person = person == null ? Optional.empty() : person;
            Objects.requireNonNull(text, "text");
        }

        /** A redacted description: field and holder, never the text. */
        @Override
        public String toString() {
            return "TextItem[" + field.wireName() + ", " + holder + "]";
        }
    }

    /**
     * What a re-conversion changed.
     *
     * @param persons the persons whose records (resident, seal, tax) changed
     * @param households the number of households whose head name changed
     * @param items the number of text items rewritten
     */
    record Reconversion(Set<PersonKey> persons, int households, int items) {
        public Reconversion {
            persons = Set.copyOf(persons);
        }

        public static Reconversion none() {
            return new Reconversion(Set.of(), 0, 0);
        }
    }
}
