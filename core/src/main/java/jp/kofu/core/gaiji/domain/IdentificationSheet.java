package jp.kofu.core.gaiji.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The 文字同定 review sheet (文字同定確認票): one row per vendor code with the character it was identified as,
 * printed large in its exact glyph, its MJ id and keys, for the city to confirm on paper. What the sheet
 * renderer draws; it holds no personal data.
 *
 * @param tenantLabel the municipality, e.g. {@code 402036 久留米市}
 * @param version the correspondence table version shown
 * @param importedOn when that version was imported
 * @param actor who imported it
 * @param rows the rows, in vendor-code order
 */
public record IdentificationSheet(String tenantLabel, int version, LocalDate importedOn, String actor,
                                  List<Row> rows) {

    public IdentificationSheet {
        Objects.requireNonNull(tenantLabel, "tenantLabel");
        Objects.requireNonNull(importedOn, "importedOn");
        actor = actor == null ? "" : actor;
        rows = List.copyOf(rows);
    }

    /**
     * One vendor code.
     *
     * @param vendorCode the vendor code, e.g. {@code U+E012}
     * @param character the identified character, drawn large
     * @param mj its MJ id, when it is an MJ character
     * @param match how close the match is
     * @param keys the character's keys for people to read (see {@link MjCharacter#keyLabels()}), or its code
     *     points for a character outside MJ
     */
    public record Row(String vendorCode, PrintedChar character, Optional<MjId> mj, CorrespondenceEntry.Match match,
                      List<String> keys) {
        public Row {
            Objects.requireNonNull(vendorCode, "vendorCode");
            Objects.requireNonNull(character, "character");
            mj = mj == null ? Optional.empty() : mj;
            Objects.requireNonNull(match, "match");
            keys = List.copyOf(keys);
        }
    }
}
