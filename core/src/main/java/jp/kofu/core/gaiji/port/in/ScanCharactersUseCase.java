package jp.kofu.core.gaiji.port.in;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.CharacterKind;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The 文字同定 scan (文字の洗い出し): every distinct vendor 外字 code and every other character to check
 * ({@link CharacterKind}) in a tenant's replica or in a batch's content, with how often it occurs, how many
 * persons' records hold it and in which items. The report holds characters, counts and item names only —
 * never a name, an address or a key.
 */
public interface ScanCharactersUseCase {

    /** Scans the tenant's replica. */
    Report scan(LocalGovernmentCode tenant);

    /** Scans a batch's content (as its reader parsed it, before it is written). */
    Report scan(ReplicaContent content);

    /**
     * What a scan found.
     *
     * @param findings one per distinct vendor code or character, by kind, then most frequent first
     * @param itemsScanned the number of non-empty text items read
     */
    record Report(List<Finding> findings, long itemsScanned) {
        public Report {
            findings = List.copyOf(findings);
        }

        /** The findings of one kind. */
        public List<Finding> of(CharacterKind kind) {
            return findings.stream().filter(f -> f.kind() == kind).toList();
        }
    }

    /**
     * One distinct vendor code or character.
     *
     * @param kind its kind
     * @param character the character (for an unidentified vendor character, {@code UnidentifiedVendor})
     * @param mj its MJ id, when it is an MJ character
     * @param occurrences how many times it occurs
     * @param persons how many persons' records (resident, seal, tax) hold it; household items count only in
     *     {@code occurrences}
     * @param fields occurrences per item
     */
    record Finding(CharacterKind kind, PrintedChar character, Optional<MjId> mj, long occurrences, int persons,
                   Map<TextField, Long> fields) {
        public Finding {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(character, "character");
            mj = mj == null ? Optional.empty() : mj;
            fields = Map.copyOf(fields);
        }

        /** The vendor code, for an unidentified vendor character. */
        public Optional<String> vendorCode() {
            return character instanceof PrintedChar.UnidentifiedVendor v ? Optional.of(v.vendorCode()) : Optional.empty();
        }

        /** How a report names it: the vendor code, else the character's tagged form. */
        public String label() {
            return vendorCode().orElseGet(character::toTagged);
        }
    }
}
