package jp.kofu.core.certificate.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ForeignResidentItems;
import jp.kofu.core.replica.domain.SealImage;
import jp.kofu.core.replica.domain.Sex;
import jp.kofu.core.replica.domain.TaxRecord;

/**
 * The content of a certificate (証明書記載内容), assembled from the replica and ready to print: exactly
 * the items that appear on the paper, as data. The renderer lays it out; the operations console shows it
 * as data. One record per kind.
 */
public sealed interface CertificateContent
        permits CertificateContent.Juminhyo, CertificateContent.Inkan, CertificateContent.Shotoku {

    CertificateKind kind();

    /** The printed title. */
    String title();

    Attestation attestation();

    /** Every printed text of the certificate, for character checks. */
    List<PrintedText> texts();

    /**
     * 住民票の写し (世帯連記式): the household's address and the chosen members.
     *
     * @param address 住所
     * @param addressSupplement 方書
     * @param householdHead 世帯主 (empty when not requested)
     * @param members the people printed, in household order
     * @param blankMarker what empty items print (【空欄】)
     */
    record Juminhyo(Attestation attestation, PrintedText address, PrintedText addressSupplement,
                    PrintedText householdHead, List<Member> members, String blankMarker) implements CertificateContent {
        public Juminhyo {
            Objects.requireNonNull(attestation);
            Objects.requireNonNull(address);
            addressSupplement = addressSupplement == null ? PrintedText.EMPTY : addressSupplement;
            householdHead = householdHead == null ? PrintedText.EMPTY : householdHead;
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("a 住民票の写し lists at least one person");
            }
            blankMarker = blankMarker == null ? "【空欄】" : blankMarker;
        }

        @Override
        public CertificateKind kind() {
            return CertificateKind.JUMINHYO;
        }

        @Override
        public String title() {
            return "住民票の写し";
        }

        @Override
        public List<PrintedText> texts() {
            var all = new java.util.ArrayList<PrintedText>(List.of(address, addressSupplement, householdHead));
            for (Member m : members) {
                all.addAll(m.texts());
            }
            return all;
        }
    }

    /**
     * One person on a 住民票の写し. Items not requested are empty.
     *
     * @param individualNumber 個人番号 digits, only when requested and allowed
     */
    record Member(PrintedText name, PrintedText nameKana, PrintedText formerSurname, PrintedText formerSurnameKana,
                  PrintedText alias, LocalDate birthDate, Sex sex, PrintedText relationship, PrintedText domicile,
                  PrintedText domicileHead, Optional<LocalDate> becameResidentOn, Optional<LocalDate> addressSetOn,
                  Optional<LocalDate> notifiedOn, PrintedText addressBeforeMoveIn, PrintedText entryReason,
                  Optional<String> individualNumber, Optional<ForeignResidentItems> foreign) {
        public Member {
            Objects.requireNonNull(name);
            Objects.requireNonNull(birthDate);
            Objects.requireNonNull(sex);
            nameKana = nz(nameKana);
            formerSurname = nz(formerSurname);
            formerSurnameKana = nz(formerSurnameKana);
            alias = nz(alias);
            relationship = nz(relationship);
            domicile = nz(domicile);
            domicileHead = nz(domicileHead);
            addressBeforeMoveIn = nz(addressBeforeMoveIn);
            entryReason = nz(entryReason);
            becameResidentOn = becameResidentOn == null ? Optional.empty() : becameResidentOn;
            addressSetOn = addressSetOn == null ? Optional.empty() : addressSetOn;
            notifiedOn = notifiedOn == null ? Optional.empty() : notifiedOn;
            individualNumber = individualNumber == null ? Optional.empty() : individualNumber;
            foreign = foreign == null ? Optional.empty() : foreign;
        }

        List<PrintedText> texts() {
            var all = new java.util.ArrayList<PrintedText>(List.of(name, nameKana, formerSurname, formerSurnameKana,
                    alias, relationship, domicile, domicileHead, addressBeforeMoveIn, entryReason));
            foreign.ifPresent(f -> {
                all.add(f.nationality());
                all.add(f.residenceStatus());
            });
            return all;
        }
    }

    /**
     * 印鑑登録証明書.
     *
     * @param name 氏名 (or the registered 通称 / katakana form)
     * @param formerSurname 旧氏 where recorded
     * @param sex 性別 where the tenant prints it
     * @param registrationNumber 登録番号 where the tenant prints it
     * @param seal 印影 at its registered size
     */
    record Inkan(Attestation attestation, PrintedText name, PrintedText formerSurname, LocalDate birthDate,
                 Optional<Sex> sex, PrintedText address, PrintedText addressSupplement,
                 Optional<String> registrationNumber, SealImage seal) implements CertificateContent {
        public Inkan {
            Objects.requireNonNull(attestation);
            Objects.requireNonNull(name);
            Objects.requireNonNull(birthDate);
            Objects.requireNonNull(address);
            Objects.requireNonNull(seal);
            formerSurname = formerSurname == null ? PrintedText.EMPTY : formerSurname;
            addressSupplement = addressSupplement == null ? PrintedText.EMPTY : addressSupplement;
            sex = sex == null ? Optional.empty() : sex;
            registrationNumber = registrationNumber == null ? Optional.empty() : registrationNumber;
        }

        @Override
        public CertificateKind kind() {
            return CertificateKind.INKAN;
        }

        @Override
        public String title() {
            return "印鑑登録証明書";
        }

        @Override
        public List<PrintedText> texts() {
            return List.of(name, formerSurname, address, addressSupplement);
        }
    }

    /**
     * 所得課税証明書, or 非課税証明書 when the total tax is 0.
     *
     * @param fiscalYear 年度
     * @param address 住所 as of 1 January
     */
    record Shotoku(Attestation attestation, int fiscalYear, PrintedText name, LocalDate birthDate,
                   PrintedText address, List<TaxRecord.Income> incomes, List<TaxRecord.Deduction> deductions,
                   long taxableIncome, long incomeLevy, long perCapitaLevy, List<TaxRecord.Dependant> dependants)
            implements CertificateContent {
        public Shotoku {
            Objects.requireNonNull(attestation);
            Objects.requireNonNull(name);
            Objects.requireNonNull(birthDate);
            Objects.requireNonNull(address);
            incomes = List.copyOf(incomes);
            deductions = List.copyOf(deductions);
            dependants = List.copyOf(dependants);
        }

        @Override
        public CertificateKind kind() {
            return CertificateKind.SHOTOKU;
        }

        /** 所得課税証明書, or 非課税証明書 when no tax is due. */
        @Override
        public String title() {
            return nonTaxable() ? "非課税証明書" : "所得課税証明書";
        }

        public boolean nonTaxable() {
            return incomeLevy + perCapitaLevy == 0;
        }

        public long totalIncome() {
            return incomes.stream().mapToLong(TaxRecord.Income::amount).sum();
        }

        public long totalDeductions() {
            return deductions.stream().mapToLong(TaxRecord.Deduction::amount).sum();
        }

        @Override
        public List<PrintedText> texts() {
            var all = new java.util.ArrayList<PrintedText>(List.of(name, address));
            dependants.forEach(d -> all.add(d.name()));
            return all;
        }
    }

    private static PrintedText nz(PrintedText t) {
        return t == null ? PrintedText.EMPTY : t;
    }
}
