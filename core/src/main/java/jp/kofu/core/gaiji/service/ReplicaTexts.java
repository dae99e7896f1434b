package jp.kofu.core.gaiji.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.gaiji.domain.TextField;
import jp.kofu.core.gaiji.domain.UnidentifiedCharacters;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort.TextItem;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * The printed-text items of replica records (文字項目), for batch content held in memory: walking them as
 * {@link TextItem}s (the same items {@code ReplicaTextPort} walks in a stored replica), and converting
 * whole records with a correspondence table (対照表) — what a load or a delta writes. Stateless.
 */
public final class ReplicaTexts {

    private ReplicaTexts() {
    }

    /** Calls the visitor once per non-empty text item of the content. */
    public static void forEachText(ReplicaContent content, Consumer<TextItem> visitor) {
        for (Resident r : content.residents()) {
            forEachText(r, visitor);
        }
        for (Household h : content.households()) {
            emit(visitor, TextField.HOUSEHOLD_HEAD_NAME, h.id().value(), null, h.headName());
        }
        for (SealRegistration s : content.seals()) {
            emit(visitor, TextField.SEAL_REGISTERED_NAME, s.person().value(), s, s.registeredName());
        }
        for (TaxRecord t : content.taxRecords()) {
            emit(visitor, TextField.TAX_ADDRESS_ON_JANUARY_1, t.person().value(), t, t.addressOnJanuary1());
            for (TaxRecord.Dependant d : t.dependants()) {
                emit(visitor, TextField.TAX_DEPENDANT_NAME, t.person().value(), t, d.name());
            }
        }
    }

    /** Calls the visitor once per non-empty text item of the resident's record. */
    public static void forEachText(Resident r, Consumer<TextItem> visitor) {
        String key = r.key().value();
        emit(visitor, TextField.RESIDENT_NAME, key, r, r.name());
        emit(visitor, TextField.RESIDENT_NAME_KANA, key, r, r.nameKana());
        emit(visitor, TextField.RESIDENT_FORMER_SURNAME, key, r, r.formerSurname());
        emit(visitor, TextField.RESIDENT_FORMER_SURNAME_KANA, key, r, r.formerSurnameKana());
        emit(visitor, TextField.RESIDENT_ALIAS, key, r, r.alias());
        emit(visitor, TextField.RESIDENT_RELATIONSHIP, key, r, r.relationship());
        emit(visitor, TextField.RESIDENT_ADDRESS, key, r, r.address());
        emit(visitor, TextField.RESIDENT_ADDRESS_SUPPLEMENT, key, r, r.addressSupplement());
        emit(visitor, TextField.RESIDENT_DOMICILE, key, r, r.domicile());
        emit(visitor, TextField.RESIDENT_DOMICILE_HEAD, key, r, r.domicileHead());
        emit(visitor, TextField.RESIDENT_ADDRESS_BEFORE_MOVE_IN, key, r, r.addressBeforeMoveIn());
        emit(visitor, TextField.RESIDENT_ADDRESS_BEFORE_CHANGE, key, r, r.addressBeforeChange());
        emit(visitor, TextField.RESIDENT_ENTRY_REASON, key, r, r.entryReason());
        if (r.foreign().isPresent()) {
            emit(visitor, TextField.RESIDENT_NATIONALITY, key, r, r.foreign().get().nationality());
            emit(visitor, TextField.RESIDENT_RESIDENCE_STATUS, key, r, r.foreign().get().residenceStatus());
        }
    }

    private static void emit(Consumer<TextItem> visitor, TextField field, String holder, Object record,
                             PrintedText text) {
        if (text.isEmpty()) {
            return;
        }
        Optional<PersonKey> person;
        if (record instanceof Resident r) {
            person = Optional.of(r.key());
        } else if (record instanceof SealRegistration s) {
            person = Optional.of(s.person());
        } else if (record instanceof TaxRecord t) {
            person = Optional.of(t.person());
        } else {
            person = Optional.empty();
        }
        visitor.accept(new TextItem(field, holder, person, text));
    }

    /**
     * The content with every unidentified vendor character the table maps replaced by its character
     * (records without one are kept as the same instances).
     */
    public static ReplicaContent convert(ReplicaContent content, CorrespondenceTable table) {
        if (table.entries().isEmpty()) {
            return content;
        }
        return new ReplicaContent(
                map(content.residents(), r -> convert(r, table)),
                map(content.households(), h -> convert(h, table)),
                map(content.seals(), s -> convert(s, table)),
                content.suppressionFlags(),
                content.cardholders(),
                map(content.taxRecords(), t -> convert(t, table)));
    }

    private static <T> List<T> map(List<T> records, java.util.function.UnaryOperator<T> f) {
        List<T> out = null;
        for (int i = 0; i < records.size(); i++) {
            T converted = f.apply(records.get(i));
            if (converted != records.get(i)) {
                if (out == null) {
                    out = new ArrayList<>(records);
                }
                out.set(i, converted);
            }
        }
        return out == null ? records : out;
    }

    /** The resident with the table applied; the same instance when nothing changes. */
    public static Resident convert(Resident r, CorrespondenceTable table) {
        if (!r.hasUnidentifiedCharacters()) {
            return r;
        }
        Optional<ForeignResidentItems> foreign = r.foreign().map(f -> new ForeignResidentItems(
                c(f.nationality(), table), f.becameForeignResidentOn(), f.article30_45Category(),
                c(f.residenceStatus(), table), f.periodOfStay(), f.stayExpiresOn(), f.residenceCardNumber()));
        Resident converted = new Resident(r.key(), r.household(), c(r.name(), table), c(r.nameKana(), table),
                c(r.formerSurname(), table), c(r.formerSurnameKana(), table), c(r.alias(), table), r.birthDate(),
                r.sex(), c(r.relationship(), table), c(r.address(), table), c(r.addressSupplement(), table),
                c(r.domicile(), table), c(r.domicileHead(), table), r.becameResidentOn(), r.addressSetOn(),
                r.notifiedOn(), c(r.addressBeforeMoveIn(), table), c(r.addressBeforeChange(), table),
                c(r.entryReason(), table), r.individualNumber(), r.residentRecordCode(), r.status(), foreign,
                r.version());
        return converted.equals(r) ? r : converted;
    }

    /** The household with the table applied; the same instance when nothing changes. */
    public static Household convert(Household h, CorrespondenceTable table) {
        PrintedText head = c(h.headName(), table);
        return head == h.headName() ? h : new Household(h.id(), head, h.version());
    }

    /** The seal registration with the table applied; the same instance when nothing changes. */
    public static SealRegistration convert(SealRegistration s, CorrespondenceTable table) {
        PrintedText name = c(s.registeredName(), table);
        return name == s.registeredName() ? s : new SealRegistration(s.person(), s.registrationNumber(), s.image(),
                name, s.registeredOn(), s.status(), s.version());
    }

    /** The tax record with the table applied; the same instance when nothing changes. */
    public static TaxRecord convert(TaxRecord t, CorrespondenceTable table) {
        PrintedText address = c(t.addressOnJanuary1(), table);
        boolean changed = address != t.addressOnJanuary1();
        List<TaxRecord.Dependant> dependants = new ArrayList<>(t.dependants().size());
        for (TaxRecord.Dependant d : t.dependants()) {
            PrintedText name = c(d.name(), table);
            changed |= name != d.name();
            dependants.add(name == d.name() ? d : new TaxRecord.Dependant(name, d.relationship(), d.filed()));
        }
        if (!changed) {
            return t;
        }
        return new TaxRecord(t.person(), t.fiscalYear(), t.residentOnJanuary1(), address, t.filed(), t.incomes(),
                t.deductions(), t.taxableIncome(), t.incomeLevy(), t.perCapitaLevy(), dependants, t.version());
    }

    private static PrintedText c(PrintedText text, CorrespondenceTable table) {
        return UnidentifiedCharacters.reconvert(text, table);
    }
}
