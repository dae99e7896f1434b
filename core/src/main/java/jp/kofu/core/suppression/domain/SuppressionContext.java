package jp.kofu.core.suppression.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.tenant.domain.TenantSettings;

/**
 * Everything the suppression policies look at for one request, taken from one replica snapshot.
 *
 * @param tenant the tenant's settings
 * @param request the request
 * @param applicant the authenticated applicant
 * @param people everyone who would appear on the certificate (the applicant, or the chosen household members)
 * @param flags the suppression flags of those people
 * @param seal the applicant's seal registration, for 印鑑登録証明書
 * @param tax the applicant's tax record of the year to print, for 所得課税証明書
 * @param fiscalYear the fiscal year to print, for 所得課税証明書
 * @param now local date and time at the tenant
 * @param inMaintenance whether the tenant is in a maintenance window
 * @param channel where the request comes from (service hours bind kiosks only)
 */
public record SuppressionContext(
        TenantSettings tenant,
        CertificateRequest request,
        Resident applicant,
        List<Resident> people,
        List<SuppressionFlag> flags,
        Optional<SealRegistration> seal,
        Optional<TaxRecord> tax,
        OptionalInt fiscalYear,
        LocalDateTime now,
        boolean inMaintenance,
        IssuanceChannel channel) {

    public SuppressionContext {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(request);
        Objects.requireNonNull(applicant);
        Objects.requireNonNull(now);
        Objects.requireNonNull(channel);
        people = List.copyOf(people);
        flags = List.copyOf(flags);
        seal = seal == null ? Optional.empty() : seal;
        tax = tax == null ? Optional.empty() : tax;
        fiscalYear = fiscalYear == null ? OptionalInt.empty() : fiscalYear;
    }
}
