package jp.kofu.core.certificate.domain;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

import jp.kofu.core.replica.domain.PersonKey;

/**
 * What an applicant asks for (交付請求): the certificate kind with its options. One record per kind, so a
 * request for a kind cannot carry another kind's options.
 */
public sealed interface CertificateRequest
        permits CertificateRequest.Juminhyo, CertificateRequest.Inkan, CertificateRequest.Shotoku {

    CertificateKind kind();

    /** Number of copies (通数), 1 to 10. */
    int copies();

    static void checkCopies(int copies) {
        if (copies < 1 || copies > 10) {
            throw new IllegalArgumentException("copies must be 1 to 10: " + copies);
        }
    }

    /**
     * 住民票の写し of the applicant's household.
     *
     * @param members the chosen members (empty: the whole household, 世帯全員)
     * @param householdHeadAndRelationship print 世帯主・続柄
     * @param domicile print 本籍・筆頭者
     * @param individualNumber print 個人番号 (only where the tenant allows it)
     * @param foreignItems print the foreign-resident items (国籍・地域, 在留資格, …)
     * @param copies 通数
     */
    record Juminhyo(Set<PersonKey> members, boolean householdHeadAndRelationship, boolean domicile,
                    boolean individualNumber, boolean foreignItems, int copies) implements CertificateRequest {
        public Juminhyo {
            members = Set.copyOf(members);
            checkCopies(copies);
        }

        /** The whole household with 世帯主・続柄, nothing optional else, one copy. */
        public static Juminhyo wholeHousehold() {
            return new Juminhyo(Set.of(), true, false, false, false, 1);
        }

        @Override
        public CertificateKind kind() {
            return CertificateKind.JUMINHYO;
        }
    }

    /** 印鑑登録証明書 of the applicant. */
    record Inkan(int copies) implements CertificateRequest {
        public Inkan {
            checkCopies(copies);
        }

        @Override
        public CertificateKind kind() {
            return CertificateKind.INKAN;
        }
    }

    /**
     * 所得課税証明書 / 非課税証明書 of the applicant.
     *
     * @param fiscalYear the year asked for; empty for the latest year the tenant offers
     * @param copies 通数
     */
    record Shotoku(OptionalInt fiscalYear, int copies) implements CertificateRequest {
        public Shotoku {
            Objects.requireNonNull(fiscalYear);
            checkCopies(copies);
        }

        public static Shotoku latest() {
            return new Shotoku(OptionalInt.empty(), 1);
        }

        @Override
        public CertificateKind kind() {
            return CertificateKind.SHOTOKU;
        }
    }

    /** The default request of a kind: whole household, latest year, one copy. */
    static CertificateRequest defaultFor(CertificateKind kind) {
        return switch (kind) {
            case JUMINHYO -> Juminhyo.wholeHousehold();
            case INKAN -> new Inkan(1);
            case SHOTOKU -> Shotoku.latest();
        };
    }

}
