package jp.kofu.core.gaiji.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import jp.kofu.core.gaiji.domain.CodePoints;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.MjShrinkMapping;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.VendorCodeInfo;
import jp.kofu.core.gaiji.port.in.ProposeIdentificationUseCase;

/**
 * Implements {@link ProposeIdentificationUseCase}.
 *
 * <p>Confidence scale: 1.0 for an exact registry key (住基ネット統一文字コード, 戸籍統一文字番号 — each names
 * exactly one MJ character); 0.8 for a variation sequence the vendor gives (the Moji_Joho collection is
 * assumed, but an Adobe-Japan1 sequence may name another glyph) and 0.6 for a bare code point; 0.1–0.45 for
 * shrink-map reverse lookups from the substitute character, by source table, rank and hops; 0.15 for other
 * variants of the substitute. Only rows whose registry keys agree on one MJ character (and that no
 * vendor-given character contradicts) are {@link Decision#PROPOSED}; everything else is flagged for review.
 */
public final class ProposeIdentificationService implements ProposeIdentificationUseCase {

    /** Candidates beyond this many are left out of a row: the reviewer decides among the best. */
    static final int MAX_CANDIDATES = 20;

    private final MjRepertoire repertoire;

    @Inject
    public ProposeIdentificationService() {
        this(MjRepertoire.shared());
    }

    public ProposeIdentificationService(MjRepertoire repertoire) {
        this.repertoire = Objects.requireNonNull(repertoire, "repertoire");
    }

    @Override
    public Proposal propose(Command command) {
        List<Row> rows = new ArrayList<>(command.codes().size());
        for (CodeUse use : command.codes()) {
            rows.add(propose(use, Optional.ofNullable(command.vendorTable().get(use.vendorCode()))));
        }
        return new Proposal(rows);
    }

    private Row propose(CodeUse use, Optional<VendorCodeInfo> info) {
        if (info.isEmpty()) {
            return new Row(use, info, List.of(), Decision.REVIEW,
                    "ベンダー外字表にないコード: 字形を見て同定してください (not in the vendor's code table)");
        }
        VendorCodeInfo v = info.get();
        Candidates found = new Candidates();
        List<String> problems = new ArrayList<>();
        Set<MjId> registry = new LinkedHashSet<>();

        v.jukiCode().ifPresent(code -> {
            Optional<MjCharacter> mj = repertoire.byJukiCode(code);
            if (mj.isPresent()) {
                found.add(mj.get(), 1.0, "住基ネット統一文字コード " + code);
                registry.add(mj.get().id());
            } else {
                problems.add("住基ネット統一文字コード " + code + " はMJ文字情報一覧表にありません");
            }
        });
        v.kosekiNumber().ifPresent(number -> {
            Optional<MjCharacter> mj = repertoire.byKosekiNumber(number);
            if (mj.isPresent()) {
                found.add(mj.get(), 1.0, "戸籍統一文字番号 " + number);
                registry.add(mj.get().id());
            } else {
                problems.add("戸籍統一文字番号 " + number + " はMJ文字情報一覧表にありません");
            }
        });
        Optional<MjId> byCharacter = Optional.empty();
        if (v.character().isPresent()) {
            PrintedChar c = v.character().get();
            Optional<MjCharacter> mj = repertoire.of(c);
            String notation = CodePoints.notation(c);
            if (mj.isPresent()) {
                boolean sequence = c instanceof PrintedChar.VariationSequence;
                found.add(mj.get(), sequence ? 0.8 : 0.6, sequence
                        ? "ベンダー指定のUCS+IVS " + notation + " (Moji_Joho collection assumed)"
                        : "ベンダー指定のUCS " + notation);
                byCharacter = Optional.of(mj.get().id());
            } else {
                problems.add("ベンダー指定の " + notation + " はMJ文字にありません");
            }
        }
        if (v.substitute().isPresent()) {
            addShrinkMapCandidates(found, v.substitute().getAsInt());
        }

        List<Candidate> candidates = found.sorted();
        if (registry.size() == 1 && problems.isEmpty()
                && (byCharacter.isEmpty() || byCharacter.get().equals(registry.iterator().next()))) {
            return new Row(use, info, candidates, Decision.PROPOSED, candidates.get(0).reason());
        }
        String reason;
        if (registry.size() > 1) {
            reason = "登録番号が一致しません (registry keys disagree): " + registry;
        } else if (registry.size() == 1 && byCharacter.isPresent()) {
            reason = "登録番号とベンダー指定のUCSが一致しません (registry key and vendor's code point disagree)";
        } else if (!problems.isEmpty()) {
            reason = String.join("; ", problems);
        } else if (byCharacter.isPresent()) {
            reason = "登録番号なし: ベンダー指定のUCSを確認してください (no registry key; check the vendor's code point)";
        } else if (!candidates.isEmpty()) {
            reason = "登録番号なし: 候補はMJ縮退マップの逆引き (no registry key; candidates from the MJ shrink map)";
        } else {
            reason = "手掛かりなし: 字形を見て同定してください (no key at all: identify by the glyph)";
        }
        return new Row(use, info, candidates, Decision.REVIEW, reason);
    }

    /** Candidates from the shrink map read backwards from the substitute, and the substitute's variants. */
    private void addShrinkMapCandidates(Candidates found, int substitute) {
        String label = Character.toString(substitute) + " (" + CodePoints.notation(substitute) + ")";
        for (MjShrinkMapping m : repertoire.shrinkMappingsTo(substitute)) {
            double confidence = tableWeight(m.table());
            if (m.rank().isPresent()) {
                confidence -= 0.05 * (m.rank().getAsInt() - 1);
            }
            if (m.hops().isPresent()) {
                confidence -= 0.05 * (m.hops().getAsInt() - 1);
            }
            Optional<MjCharacter> mj = repertoire.byId(m.mj());
            if (mj.isPresent()) {
                found.add(mj.get(), Math.max(0.05, confidence), "MJ縮退マップ " + m.table() + " → 代替文字 " + label);
            }
        }
        for (MjCharacter variant : repertoire.variantsOf(substitute)) {
            found.add(variant, 0.15, "代替文字 " + label + " の異体字");
        }
    }

    private static double tableWeight(String table) {
        if (table.startsWith("法務省告示582号別表第四_一")) {
            return 0.45;
        }
        if (table.startsWith("法務省告示582号別表第四") || table.startsWith("戸籍統一文字情報")) {
            return 0.4;
        }
        if (table.startsWith("民一2842号通達") || table.startsWith("民二5202号通知")) {
            return 0.35;
        }
        if (table.startsWith("JIS包摂規準")) {
            return 0.3;
        }
        if (table.startsWith("辞書類等")) {
            return 0.2;
        }
        return 0.1;
    }

    /** Candidates merged by MJ id: the highest confidence wins, reasons are joined. */
    private static final class Candidates {
        private final Map<MjId, Candidate> byId = new LinkedHashMap<>();

        void add(MjCharacter mj, double confidence, String reason) {
            byId.merge(mj.id(), new Candidate(mj.id(), mj.printedChar(), confidence, reason), (a, b) ->
                    new Candidate(a.mj(), a.character(), Math.max(a.confidence(), b.confidence()),
                            a.reason().contains(b.reason()) ? a.reason() : a.reason() + "; " + b.reason()));
        }

        List<Candidate> sorted() {
            List<Candidate> all = new ArrayList<>(byId.values());
            all.sort(Comparator.comparingDouble(Candidate::confidence).reversed().thenComparing(Candidate::mj));
            return all.size() > MAX_CANDIDATES ? List.copyOf(all.subList(0, MAX_CANDIDATES)) : all;
        }
    }
}
