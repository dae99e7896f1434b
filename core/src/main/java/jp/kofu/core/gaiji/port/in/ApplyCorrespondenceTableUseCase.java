package jp.kofu.core.gaiji.port.in;

import java.util.List;
import java.util.Objects;

import jp.kofu.core.gaiji.domain.CorrespondenceEntry;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Imports a reviewed correspondence table (対照表の取込み): the entries, merged over the tenant's latest
 * version, become a new version (audit-logged: who, when, which codes were added or changed); then every
 * replica record holding a newly mapped vendor code is re-converted (再変換), so its residents become
 * issuable, and the unidentified-character alarms are brought up to date.
 *
 * <p>A changed mapping of a code that was already mapped reaches records converted earlier only when
 * their source sends them again (the replica does not keep vendor codes once identified): the result lists
 * such codes so that staff can reload the full batch.
 */
public interface ApplyCorrespondenceTableUseCase {

    /**
     * Imports the entries.
     *
     * @throws IllegalArgumentException when an entry's MJ id is not in the MJ list or does not print as its
     *     character, or a code appears twice; nothing is stored then
     */
    Result apply(Command command);

    /**
     * Re-converts the tenant's replica with its current table, without a new version: after a load that
     * wrote vendor codes the table already maps.
     */
    Result reconvert(LocalGovernmentCode tenant);

    /**
     * @param tenant the tenant
     * @param entries the reviewed entries (a code at most once)
     * @param actor who imports (staff id or name)
     * @param source where the entries come from, e.g. the file name
     */
    record Command(LocalGovernmentCode tenant, List<CorrespondenceEntry> entries, String actor, String source) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            entries = List.copyOf(entries);
            actor = actor == null ? "" : actor;
            source = source == null ? "" : source;
        }
    }

    /**
     * What the import did.
     *
     * @param version the tenant's table version now in force (0: none)
     * @param created whether this import created that version (false when the entries changed nothing)
     * @param added vendor codes mapped for the first time
     * @param changed vendor codes whose mapping changed (records converted earlier keep the old character
     *     until their source sends them again)
     * @param unchanged entries identical to the previous version's
     * @param personsReconverted persons whose records were re-converted
     * @param itemsReconverted text items rewritten
     * @param stillUnidentified the unidentified vendor codes left in the replica
     */
    record Result(int version, boolean created, List<String> added, List<String> changed, int unchanged,
                  int personsReconverted, int itemsReconverted,
                  DetectUnidentifiedCharactersUseCase.Detection stillUnidentified) {
        public Result {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            Objects.requireNonNull(stillUnidentified, "stillUnidentified");
        }
    }
}
