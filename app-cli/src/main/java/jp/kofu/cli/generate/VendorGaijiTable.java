package jp.kofu.cli.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import jp.kofu.cli.gaiji.VendorCodeTableCsv;
import jp.kofu.core.gaiji.domain.CodePoints;
import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.VendorCodeInfo;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;

/**
 * The vendor's own 外字 code table (ベンダー外字表) of a synthetic town, as the vendor would deliver it with
 * its data: each vendor code of the town with what the vendor knows about it — the 住基ネット統一文字コード,
 * the 戸籍統一文字番号, a UCS + IVS, only a substitute character (代替文字), or nothing at all — while the
 * town's {@link SyntheticTown#vendorCharacters()} keeps the answer (the MJ character meant).
 *
 * <p>The codes of {@code vendor-gaiji.tsv} carry the keys that file gives; codes added by
 * {@link #withVendorCodes} ({@code U+E100} upward) know, by their number modulo 10: 0–3 the
 * 住基ネット統一文字コード (else the 戸籍統一文字番号), 4–6 the 戸籍統一文字番号 (else the 住基), 7 the
 * UCS + IVS, 8 only the substitute, 9 nothing — so a 文字同定 meets every case. Deterministic.
 * Derived from MJ文字情報一覧表 © IPA, CC BY-SA 2.1 JP.
 */
public final class VendorGaijiTable {

    /** The file name {@code kofu generate} writes next to the batches. */
    public static final String FILE_NAME = "vendor-gaiji-table.csv";

    /** The first code {@link #withVendorCodes} hands out. */
    static final int FIRST_GENERATED = 0xE100;

    private VendorGaijiTable() {
    }

    /** A row of {@code vendor-gaiji.tsv}: what the vendor knows of one fixed code. */
    private record Fixed(int base, Optional<String> juki, Optional<String> koseki) {
    }

    private static final class FixedCodes {
        static final Map<String, Fixed> BY_CODE = read();

        private static Map<String, Fixed> read() {
            Map<String, Fixed> out = new HashMap<>();
            try (InputStream in = VendorGaijiTable.class.getResourceAsStream("vendor-gaiji.tsv");
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    out.put(f[0], new Fixed(f[1].codePointAt(0), nonEmpty(f.length > 3 ? f[3] : ""),
                            nonEmpty(f.length > 4 ? f[4] : "")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("vendor-gaiji.tsv cannot be read", e);
            }
            return out;
        }

        private static Optional<String> nonEmpty(String s) {
            return s.isBlank() ? Optional.empty() : Optional.of(s.trim());
        }
    }

    /** The vendor's table for the town's vendor codes, by code. */
    public static List<VendorCodeInfo> of(SyntheticTown town) {
        MjRepertoire mj = MjRepertoire.shared();
        List<VendorCodeInfo> out = new ArrayList<>();
        for (Map.Entry<String, MjId> e : town.vendorCharacters().entrySet()) {
            String code = e.getKey();
            MjCharacter intended = mj.byId(e.getValue()).orElseThrow(() ->
                    new IllegalStateException(e.getValue() + " is not an MJ character"));
            Fixed fixed = FixedCodes.BY_CODE.get(code);
            if (fixed != null) {
                out.add(new VendorCodeInfo(code, fixed.juki(), fixed.koseki(), Optional.empty(),
                        OptionalInt.of(fixed.base()), "vendor-gaiji.tsv"));
                continue;
            }
            out.add(generated(code, intended));
        }
        return out;
    }

    /** What the vendor knows of a generated code, by the code's number modulo 10. */
    private static VendorCodeInfo generated(String code, MjCharacter intended) {
        int category = (CodePoints.parseOne(code) - FIRST_GENERATED) % 10;
        OptionalInt substitute = intended.ucs();
        Optional<String> juki = Optional.empty();
        Optional<String> koseki = Optional.empty();
        Optional<PrintedChar> character = Optional.empty();
        if (category <= 3) {
            juki = intended.jukiCode();
            koseki = juki.isPresent() ? Optional.empty() : intended.kosekiNumber();
        } else if (category <= 6) {
            koseki = intended.kosekiNumber();
            juki = koseki.isPresent() ? Optional.empty() : intended.jukiCode();
        } else if (category == 7) {
            character = intended.ivs().map(PrintedChar.class::cast);
        } else if (category == 9) {
            substitute = OptionalInt.empty();
        }
        return new VendorCodeInfo(code, juki, koseki, character, substitute, "");
    }

    /** Writes the town's vendor table as {@value #FILE_NAME} in the directory and returns the file. */
    public static Path write(SyntheticTown town, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        VendorCodeTableCsv.write(file, of(town));
        return file;
    }

    /**
     * The vendor's table of a town written in Shift_JIS ({@link ShiftJisGaiji}): the town's private-use codes
     * under their SJIS codes, with what the vendor knows of each (as {@link #of}), and every 外字 standing for
     * a known character with that character (a code point or variation sequence; an MJ character without one
     * by its 住基 or 戸籍 keys) and its MJ keys.
     *
     * @param town the town as generated, in private-use notation
     */
    public static List<VendorCodeInfo> ofShiftJis(SyntheticTown town, ShiftJisGaiji gaiji) {
        List<VendorCodeInfo> out = new ArrayList<>();
        for (VendorCodeInfo info : of(town)) {
            String code = gaiji.codeOf(info.vendorCode());
            out.add(new VendorCodeInfo(code, info.jukiCode(), info.kosekiNumber(), info.character(), info.substitute(),
                    info.note()));
        }
        for (Map.Entry<String, PrintedChar> e : gaiji.known().entrySet()) {
            PrintedChar c = e.getValue();
            Optional<MjCharacter> mjc = ShiftJisGaiji.mjOf(c);
            Optional<PrintedChar> character = c instanceof PrintedChar.Ucs || c instanceof PrintedChar.VariationSequence
                    ? Optional.of(c) : Optional.empty();
            out.add(new VendorCodeInfo(e.getKey(), mjc.flatMap(MjCharacter::jukiCode),
                    mjc.flatMap(MjCharacter::kosekiNumber), character, OptionalInt.empty(), "kofu generate --format fixed"));
        }
        out.sort((a, b) -> a.vendorCode().compareTo(b.vendorCode()));
        return out;
    }

    /** Writes a Shift_JIS town's vendor table as {@value #FILE_NAME} in the directory and returns the file. */
    public static Path writeShiftJis(SyntheticTown town, ShiftJisGaiji gaiji, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        VendorCodeTableCsv.write(file, ofShiftJis(town, gaiji));
        return file;
    }

    /**
     * The town with vendor codes written into residents' names until it uses {@code codes} of them: each new
     * code ({@code U+E100} upward) stands for an MJ variant (異体字) of a kanji in one resident's name and
     * replaces that kanji there (and in the household head's name and the seal's registered name when they
     * are the same text). Residents with any non-standard character, foreign residents and persons already
     * changed are left alone. Deterministic for a town.
     *
     * @throws IllegalStateException when the town has too few names for that many codes
     */
    public static SyntheticTown withVendorCodes(SyntheticTown town, int codes) {
        MjRepertoire mj = MjRepertoire.shared();
        Map<String, MjId> vendor = new TreeMap<>(town.vendorCharacters());
        Set<MjId> used = new HashSet<>(vendor.values());
        List<Resident> candidates = new ArrayList<>();
        for (Resident r : town.content().residents()) {
            if (!r.isForeignResident() && plain(r.name())) {
                candidates.add(r);
            }
        }
        candidates.sort((a, b) -> a.key().value().compareTo(b.key().value()));
        Collections.shuffle(candidates, new Random(town.seed() ^ 0x6761696A69L));
        Map<PersonKey, PrintedText> renamed = new HashMap<>();
        int next = FIRST_GENERATED;
        for (Resident r : candidates) {
            if (vendor.size() >= codes) {
                break;
            }
            while (vendor.containsKey(CodePoints.notation(next))) {
                next++;
            }
            String code = CodePoints.notation(next);
            int category = (next - FIRST_GENERATED) % 10;
            List<PrintedChar> chars = r.name().chars();
            for (int i = 0; i < chars.size(); i++) {
                int cp = ((PrintedChar.Ucs) chars.get(i)).codePoint();
                if (!Character.isIdeographic(cp)) {
                    continue;
                }
                Optional<MjCharacter> variant = variant(mj, cp, used, category);
                if (variant.isPresent()) {
                    List<PrintedChar> name = new ArrayList<>(chars);
                    name.set(i, new PrintedChar.UnidentifiedVendor(code));
                    renamed.put(r.key(), PrintedText.of(name));
                    vendor.put(code, variant.get().id());
                    used.add(variant.get().id());
                    next++;
                    break;
                }
            }
        }
        if (vendor.size() < codes) {
            throw new IllegalStateException("the town has names for only " + vendor.size() + " vendor codes, not "
                    + codes + "; generate more residents");
        }
        ReplicaContent content = rename(town.content(), renamed);
        return new SyntheticTown(town.tenant(), town.seed(), town.referenceDate(), town.taxYear(), content,
                TraitIndex.of(content, town.referenceDate(), town.taxYear(), TownTables.get().variantUcsCodePoints),
                vendor);
    }

    /** A variant of the code point printed otherwise than the code point itself, preferring one the category can key. */
    private static Optional<MjCharacter> variant(MjRepertoire mj, int cp, Set<MjId> used, int category) {
        List<MjCharacter> variants = new ArrayList<>();
        for (MjCharacter v : mj.variantsOf(cp)) {
            if (!used.contains(v.id()) && !v.printedChar().equals(PrintedChar.Ucs.of(cp))) {
                variants.add(v);
            }
        }
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        for (MjCharacter v : variants) {
            boolean keyed = category <= 3 ? v.jukiCode().isPresent()
                    : category <= 6 ? v.kosekiNumber().isPresent()
                    : category == 7 ? v.ivs().isPresent() : true;
            if (keyed) {
                return Optional.of(v);
            }
        }
        return Optional.of(variants.get(0));
    }

    private static boolean plain(PrintedText text) {
        for (PrintedChar c : text.chars()) {
            if (!(c instanceof PrintedChar.Ucs u) || u.codePoint() > 0xFFFF || u.codePoint() >= 0xE000 && u.codePoint() <= 0xF8FF) {
                return false;
            }
        }
        return true;
    }

    private static ReplicaContent rename(ReplicaContent c, Map<PersonKey, PrintedText> renamed) {
        List<Resident> residents = new ArrayList<>(c.residents().size());
        Map<String, PrintedText> headOf = new HashMap<>();
        for (Resident r : c.residents()) {
            PrintedText name = renamed.get(r.key());
            if (name == null) {
                residents.add(r);
                continue;
            }
            headOf.put(r.household().value() + "|" + r.name().toTagged(), name);
            residents.add(new Resident(r.key(), r.household(), name, r.nameKana(), r.formerSurname(),
                    r.formerSurnameKana(), r.alias(), r.birthDate(), r.sex(), r.relationship(), r.address(),
                    r.addressSupplement(), r.domicile(), r.domicileHead(), r.becameResidentOn(), r.addressSetOn(),
                    r.notifiedOn(), r.addressBeforeMoveIn(), r.addressBeforeChange(), r.entryReason(),
                    r.individualNumber(), r.residentRecordCode(), r.status(), r.foreign(), r.version()));
        }
        List<Household> households = new ArrayList<>(c.households().size());
        for (Household h : c.households()) {
            PrintedText head = headOf.get(h.id().value() + "|" + h.headName().toTagged());
            households.add(head == null ? h : new Household(h.id(), head, h.version()));
        }
        Map<PersonKey, Resident> byKey = new HashMap<>();
        for (Resident r : c.residents()) {
            byKey.put(r.key(), r);
        }
        List<SealRegistration> seals = new ArrayList<>(c.seals().size());
        for (SealRegistration s : c.seals()) {
            PrintedText name = renamed.get(s.person());
            Resident before = byKey.get(s.person());
            seals.add(name != null && before != null && s.registeredName().equals(before.name())
                    ? new SealRegistration(s.person(), s.registrationNumber(), s.image(), name, s.registeredOn(),
                            s.status(), s.version())
                    : s);
        }
        return new ReplicaContent(residents, households, seals, c.suppressionFlags(), c.cardholders(), c.taxRecords());
    }
}
