package jp.kofu.cli.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.kofu.core.gaiji.domain.MjCharacter;
import jp.kofu.core.gaiji.domain.MjId;
import jp.kofu.core.gaiji.domain.MjRepertoire;
import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.VendorCode;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.sync.domain.layout.FixedLayout;

/**
 * A synthetic town as a legacy Shift_JIS system would hold it (シフトJISの外字): every character windows-31j
 * lacks — a kanji outside JIS X 0208 and the IBM extensions, a character beyond the BMP, a variation
 * sequence, an MJ character without a code point — is one of the vendor's own 外字 in the user-defined
 * area (利用者定義領域, {@code SJIS:F040}–{@code SJIS:F9FC}), and the town's private-use vendor 外字
 * ({@code U+E012}) are the same vendor characters in Shift_JIS notation: the code windows-31j gives that
 * code point ({@code U+E012} → {@code SJIS:F052}). Characters of the first kind are allocated from
 * {@code SJIS:F9FC} downwards, in the order the content first uses them; the vendor knows exactly which
 * character each stands for ({@link #known()}), the ground truth a 対照表 must reproduce.
 *
 * <p>Deterministic for the same content in the same order. Not thread-safe.
 */
public final class ShiftJisGaiji {

    private static final int LAST = 0xF9FC;

    /** Vendor code (U+ notation or a character's tagged form) → its SJIS code. */
    private final Map<String, String> codes = new LinkedHashMap<>();
    /** SJIS code → the exact character, for the codes standing for a known character. */
    private final Map<String, PrintedChar> known = new TreeMap<>();
    /** SJIS code → the MJ character meant, for the town's unidentified vendor 外字. */
    private final Map<String, MjId> vendor = new TreeMap<>();
    private int next = LAST;

    /** The town in Shift_JIS notation, its vendor characters keyed by their SJIS codes. */
    public SyntheticTown remap(SyntheticTown town) {
        for (Map.Entry<String, MjId> e : town.vendorCharacters().entrySet()) {
            vendor.put(sjisOf(e.getKey()), e.getValue());
        }
        ReplicaContent content = remap(town.content());
        return new SyntheticTown(town.tenant(), town.seed(), town.referenceDate(), town.taxYear(), content,
                TraitIndex.of(content, town.referenceDate(), town.taxYear(), TownTables.get().variantUcsCodePoints),
                vendor);
    }

    /** The vendor's 外字 standing for a known character: SJIS code → the character. */
    public Map<String, PrintedChar> known() {
        return java.util.Collections.unmodifiableMap(known);
    }

    /** The town's unidentified vendor 外字 in SJIS notation → the MJ character meant (the ground truth). */
    public Map<String, MjId> vendorCharacters() {
        return java.util.Collections.unmodifiableMap(vendor);
    }

    /** The content with every text in Shift_JIS notation. */
    public ReplicaContent remap(ReplicaContent c) {
        List<Resident> residents = new ArrayList<>(c.residents().size());
        for (Resident r : c.residents()) {
            residents.add(remap(r));
        }
        List<Household> households = new ArrayList<>(c.households().size());
        for (Household h : c.households()) {
            households.add(new Household(h.id(), remap(h.headName()), h.version()));
        }
        List<SealRegistration> seals = new ArrayList<>(c.seals().size());
        for (SealRegistration s : c.seals()) {
            seals.add(new SealRegistration(s.person(), s.registrationNumber(), s.image(), remap(s.registeredName()),
                    s.registeredOn(), s.status(), s.version()));
        }
        List<TaxRecord> taxes = new ArrayList<>(c.taxRecords().size());
        for (TaxRecord t : c.taxRecords()) {
            List<TaxRecord.Dependant> dependants = new ArrayList<>(t.dependants().size());
            for (TaxRecord.Dependant d : t.dependants()) {
                dependants.add(new TaxRecord.Dependant(remap(d.name()), d.relationship(), d.filed()));
            }
            taxes.add(new TaxRecord(t.person(), t.fiscalYear(), t.residentOnJanuary1(), remap(t.addressOnJanuary1()),
                    t.filed(), t.incomes(), t.deductions(), t.taxableIncome(), t.incomeLevy(), t.perCapitaLevy(),
                    dependants, t.version()));
        }
        return new ReplicaContent(residents, households, seals, c.suppressionFlags(), c.cardholders(), taxes);
    }

    private Resident remap(Resident r) {
        Optional<ForeignResidentItems> foreign = r.foreign().map(f -> new ForeignResidentItems(remap(f.nationality()),
                f.becameForeignResidentOn(), f.article30_45Category(), remap(f.residenceStatus()), f.periodOfStay(),
                f.stayExpiresOn(), f.residenceCardNumber()));
        return new Resident(r.key(), r.household(), remap(r.name()), remap(r.nameKana()), remap(r.formerSurname()),
                remap(r.formerSurnameKana()), remap(r.alias()), r.birthDate(), r.sex(), remap(r.relationship()),
                remap(r.address()), remap(r.addressSupplement()), remap(r.domicile()), remap(r.domicileHead()),
                r.becameResidentOn(), r.addressSetOn(), r.notifiedOn(), remap(r.addressBeforeMoveIn()),
                remap(r.addressBeforeChange()), remap(r.entryReason()), r.individualNumber(), r.residentRecordCode(),
                r.status(), foreign, r.version());
    }

    /** The text with each character windows-31j lacks as a SJIS vendor 外字. */
    public PrintedText remap(PrintedText text) {
        List<PrintedChar> chars = text.chars();
        List<PrintedChar> out = null;
        for (int i = 0; i < chars.size(); i++) {
            PrintedChar c = chars.get(i);
            PrintedChar mapped = remap(c);
            if (mapped != c && out == null) {
                out = new ArrayList<>(chars.subList(0, i));
            }
            if (out != null) {
                out.add(mapped);
            }
        }
        return out == null ? text : PrintedText.of(out);
    }

    private PrintedChar remap(PrintedChar c) {
        if (c instanceof PrintedChar.Ucs u && FixedLayout.isWindows31j(u.codePoint())) {
            return c;
        }
        if (c instanceof PrintedChar.UnidentifiedVendor v) {
            if (v.vendorCode().startsWith(VendorCode.SJIS_PREFIX)) {
                return c;
            }
            return new PrintedChar.UnidentifiedVendor(sjisOf(v.vendorCode()));
        }
        String key = c.toTagged();
        String code = codes.get(key);
        if (code == null) {
            code = allocate();
            codes.put(key, code);
            known.put(code, c);
        }
        return new PrintedChar.UnidentifiedVendor(code);
    }

    /** The SJIS code standing for a private-use vendor code of the town ({@code U+E012} → {@code SJIS:F052}). */
    public String codeOf(String privateUseVendorCode) {
        return sjisOf(privateUseVendorCode);
    }

    /** The SJIS code of a private-use vendor code: the one windows-31j gives its code point, else a free one. */
    private String sjisOf(String vendorCode) {
        String code = codes.get(vendorCode);
        if (code != null) {
            return code;
        }
        int cp = vendorCode.startsWith("U+") ? Integer.parseInt(vendorCode.substring(2), 16) : -1;
        if (cp >= 0xE000 && cp <= 0xE757) {
            int cell = cp - 0xE000;
            int lead = 0xF0 + cell / 188;
            int trail = cell % 188;
            trail += trail < 0x3F ? 0x40 : 0x41;
            code = VendorCode.shiftJis(lead, trail);
            if (codes.containsValue(code)) {
                code = allocate();
            }
        } else {
            code = allocate();
        }
        codes.put(vendorCode, code);
        return code;
    }

    private String allocate() {
        while (next >= 0xF040) {
            int candidate = next--;
            if (!VendorCode.isShiftJisUserDefined(candidate)) {
                continue;
            }
            String code = VendorCode.shiftJis(candidate);
            if (!codes.containsValue(code) && !vendorCodeFromPrivateUse(code)) {
                return code;
            }
        }
        throw new IllegalStateException("more than 1,880 characters need vendor 外字: the Shift_JIS user-defined "
                + "area is full");
    }

    /** Whether the code is where a private-use vendor code of the town lands (kept free for it). */
    private boolean vendorCodeFromPrivateUse(String code) {
        return vendor.containsKey(code);
    }

    /** The MJ character of a known character, if it is one (for the vendor's own 外字 table). */
    static Optional<MjCharacter> mjOf(PrintedChar c) {
        return MjRepertoire.shared().of(c);
    }
}
