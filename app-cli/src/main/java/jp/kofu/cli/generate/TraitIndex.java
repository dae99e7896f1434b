package jp.kofu.cli.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kofu.core.gaiji.domain.PrintedChar;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.CardholderLink;
import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.ResidentStatus;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SealStatus;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * Derives the trait lists (特徴別の名簿) from finished content, so the ground truth is what the records
 * say, not what the generator meant.
 */
final class TraitIndex {

    private TraitIndex() {
    }

    static Map<Trait, List<PersonKey>> of(ReplicaContent c, LocalDate day, int taxYear, Set<Integer> variantCodePoints) {
        Map<PersonKey, List<SealRegistration>> seals = new HashMap<>();
        for (SealRegistration s : c.seals()) {
            seals.computeIfAbsent(s.person(), k -> new ArrayList<>()).add(s);
        }
        Map<PersonKey, List<SuppressionFlag>> flags = new HashMap<>();
        for (SuppressionFlag f : c.suppressionFlags()) {
            flags.computeIfAbsent(f.person(), k -> new ArrayList<>()).add(f);
        }
        Set<PersonKey> cardholders = new HashSet<>();
        for (CardholderLink l : c.cardholders()) {
            cardholders.add(l.person());
        }
        Map<PersonKey, TaxRecord> latestTax = new HashMap<>();
        for (TaxRecord r : c.taxRecords()) {
            if (r.fiscalYear() == taxYear) {
                latestTax.put(r.person(), r);
            }
        }
        Map<HouseholdId, Integer> householdSizes = new HashMap<>();
        for (Resident r : c.residents()) {
            householdSizes.merge(r.household(), 1, Integer::sum);
        }
        Map<Trait, List<PersonKey>> out = new EnumMap<>(Trait.class);
        for (Trait t : Trait.values()) {
            out.put(t, new ArrayList<>());
        }
        for (Resident r : c.residents()) {
            EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);
            int age = r.ageOn(day);
            if (age < 15) {
                traits.add(Trait.UNDER_15);
            }
            r.foreign().ifPresent(f -> {
                traits.add(Trait.FOREIGN);
                if (!r.alias().isEmpty()) {
                    traits.add(Trait.FOREIGN_WITH_ALIAS);
                }
                if (f.article30_45Category().equals("特別永住者")) {
                    traits.add(Trait.SPECIAL_PERMANENT_RESIDENT);
                }
            });
            if (r.name().length() >= 40) {
                traits.add(Trait.VERY_LONG_NAME);
            }
            if (!r.formerSurname().isEmpty()) {
                traits.add(Trait.FORMER_SURNAME);
            }
            for (PrintedText name : List.of(r.name(), r.formerSurname(), r.alias())) {
                for (PrintedChar ch : name.chars()) {
                    if (ch instanceof PrintedChar.VariationSequence) {
                        traits.add(Trait.IVS_NAME);
                        traits.add(Trait.MJ_VARIANT_NAME);
                    } else if (ch instanceof PrintedChar.Ucs u) {
                        if (u.codePoint() > 0xFFFF) {
                            traits.add(Trait.NON_BMP_NAME);
                            traits.add(Trait.MJ_VARIANT_NAME);
                        } else if (variantCodePoints.contains(u.codePoint())) {
                            traits.add(Trait.MJ_VARIANT_NAME);
                        }
                    } else if (ch instanceof PrintedChar.MjOnly) {
                        traits.add(Trait.MJ_ONLY_NAME);
                    } else if (ch instanceof PrintedChar.UnidentifiedVendor) {
                        traits.add(Trait.UNIDENTIFIED_VENDOR_NAME);
                    }
                }
            }
            boolean anyFlag = false;
            boolean supportInForce = false;
            boolean supportEnded = false;
            for (SuppressionFlag f : flags.getOrDefault(r.key(), List.of())) {
                anyFlag = true;
                if (f.kind() == SuppressionFlag.Kind.SUPPORT_MEASURE) {
                    if (f.inForceOn(day)) {
                        supportInForce = true;
                    } else if (f.until().isPresent() && f.until().get().isBefore(day)) {
                        supportEnded = true;
                    }
                } else if (f.kind() == SuppressionFlag.Kind.STAFF_STOP && f.inForceOn(day)) {
                    traits.add(Trait.STAFF_STOP);
                }
            }
            if (supportInForce) {
                traits.add(Trait.SUPPORT_MEASURE);
            } else if (supportEnded) {
                traits.add(Trait.SUPPORT_MEASURE_ENDED);
            }
            if (r.status() == ResidentStatus.REMOVED) {
                traits.add(Trait.REMOVED);
            } else if (r.status() == ResidentStatus.MOVE_OUT_PLANNED) {
                traits.add(Trait.MOVE_OUT_PLANNED);
            }
            if (!r.addressBeforeMoveIn().isEmpty()) {
                traits.add(Trait.MOVED_IN);
            }
            List<SealRegistration> own = seals.getOrDefault(r.key(), List.of());
            boolean registered = false;
            boolean abolished = false;
            boolean lost = false;
            for (SealRegistration s : own) {
                registered |= s.status() == SealStatus.REGISTERED;
                abolished |= s.status() == SealStatus.ABOLISHED;
                lost |= s.status() == SealStatus.LOST;
            }
            if (age >= 15 && own.isEmpty()) {
                traits.add(Trait.NO_SEAL);
            }
            if (registered) {
                traits.add(Trait.SEAL_REGISTERED);
            } else if (abolished) {
                traits.add(Trait.SEAL_ABOLISHED);
            } else if (lost) {
                traits.add(Trait.SEAL_LOST);
            }
            TaxRecord tax = latestTax.get(r.key());
            if (tax != null) {
                if (!tax.residentOnJanuary1()) {
                    traits.add(Trait.NOT_RESIDENT_ON_JANUARY_1);
                } else if (!tax.filed()) {
                    traits.add(Trait.NOT_FILED);
                } else if (tax.nonTaxable()) {
                    traits.add(Trait.NON_TAXABLE);
                } else {
                    traits.add(Trait.TAXED);
                }
                for (TaxRecord.Dependant d : tax.dependants()) {
                    if (!d.filed()) {
                        traits.add(Trait.HAS_UNFILED_DEPENDANT);
                    }
                }
            }
            if (cardholders.contains(r.key())) {
                traits.add(Trait.CARDHOLDER);
            }
            if (householdSizes.get(r.household()) > 4) {
                traits.add(Trait.BIG_HOUSEHOLD);
            }
            if (r.address().length() + r.addressSupplement().length() >= 100) {
                traits.add(Trait.VERY_LONG_ADDRESS);
            }
            if (r.status() == ResidentStatus.RESIDENT && age >= 18 && !r.isForeignResident() && !anyFlag
                    && traits.contains(Trait.CARDHOLDER) && traits.contains(Trait.SEAL_REGISTERED)
                    && traits.contains(Trait.TAXED) && !traits.contains(Trait.MJ_VARIANT_NAME)
                    && !traits.contains(Trait.MJ_ONLY_NAME) && !traits.contains(Trait.UNIDENTIFIED_VENDOR_NAME)) {
                traits.add(Trait.ORDINARY_ADULT);
            }
            for (Trait t : traits) {
                out.get(t).add(r.key());
            }
        }
        for (List<PersonKey> l : out.values()) {
            l.sort(null);
        }
        return out;
    }
}
