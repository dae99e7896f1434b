package jp.kofu.core.gaiji.port.in;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.domain.VendorCode;
import jp.kofu.core.gaiji.domain.VendorCodeInfo;

/**
 * Proposes MJ characters for vendor 外字 codes (文字同定の候補提示), from every key available: the
 * 住基ネット統一文字コード and 戸籍統一文字番号 the vendor's code table gives (exact keys: proposed for
 * import), a UCS code point or variation sequence it gives, and the MJ shrink map (MJ縮退マップ) read in
 * reverse from the vendor's substitute character (代替文字) — the last ones only ever flagged for review.
 * Every candidate carries a confidence and its reason.
 */
public interface ProposeIdentificationUseCase {

    Proposal propose(Command command);

    /**
     * @param codes the vendor codes to identify, with what the scan found about them
     * @param vendorTable the vendor's own code table, by vendor code (codes it does not list get no key)
     */
    record Command(List<CodeUse> codes, Map<String, VendorCodeInfo> vendorTable) {
        public Command {
            codes = List.copyOf(codes);
            vendorTable = Map.copyOf(vendorTable);
        }
    }

    /**
     * A vendor code and where it occurs (from a scan; zeros when proposing for an unused code).
     *
     * @param vendorCode the code
     * @param occurrences how often it occurs
     * @param persons how many persons' records hold it
     * @param fields the items it occurs in
     */
    record CodeUse(String vendorCode, long occurrences, int persons, Set<TextField> fields) {
        public CodeUse {
            if (!VendorCode.isValid(vendorCode)) {
                throw new IllegalArgumentException("not a vendor code in canonical form: " + vendorCode);
            }
            fields = Set.copyOf(fields);
        }
    }

    /** One row per requested code, in the order requested. */
    record Proposal(List<Row> rows) {
        public Proposal {
            rows = List.copyOf(rows);
        }

        public long count(Decision decision) {
            return rows.stream().filter(r -> r.decision() == decision).count();
        }
    }

    /**
     * The proposal for one code.
     *
     * @param use the code and where it occurs
     * @param vendor what the vendor's table says about it, if it lists the code
     * @param candidates the MJ candidates, best first
     * @param decision whether the best candidate is proposed for import or needs review
     * @param reason why, for the reviewer
     */
    record Row(CodeUse use, Optional<VendorCodeInfo> vendor, List<Candidate> candidates, Decision decision,
               String reason) {
        public Row {
            Objects.requireNonNull(use, "use");
            vendor = vendor == null ? Optional.empty() : vendor;
            candidates = List.copyOf(candidates);
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
            if (decision == Decision.PROPOSED && candidates.isEmpty()) {
                throw new IllegalArgumentException("a proposal needs a candidate");
            }
        }

        /** The best candidate, if any. */
        public Optional<Candidate> best() {
            return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
        }
    }

    /**
     * An MJ character a vendor code may be.
     *
     * @param mj the MJ id
     * @param character how it prints
     * @param confidence from 0 (a guess) to 1 (an exact registry key)
     * @param reason which key led to it, e.g. {@code 住基ネット統一文字コード J+9089}
     */
    record Candidate(MjId mj, PrintedChar character, double confidence, String reason) {
        public Candidate {
            Objects.requireNonNull(mj, "mj");
            Objects.requireNonNull(character, "character");
            if (confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
            }
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What to do with a row. */
    enum Decision {
        /** An exact registry key names one MJ character: proposed for import as it is. */
        PROPOSED,
        /** No exact key, keys that disagree, or only guesses: a person must choose. */
        REVIEW
    }
}
