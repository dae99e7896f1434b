package jp.kofu.adapters.jlis.signing;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * What the signing adapter knows (署名の設定): the signing keys of the tenants that sign, and the trust anchors
 * a signed certificate of each tenant must chain to. A trust anchor is the CA that issued the tenant's signing
 * certificate (e.g. the LGPKI organisation CA, or the city's own CA), or the signing certificate itself
 * (pinned). Anchors in {@code anyTenant} are accepted for every tenant (the {@code kofu verify --tenant-cert}
 * case: the person verifying says which certificate they trust).
 *
 * @param keys the signing key per tenant
 * @param anchors the trust anchors per tenant
 * @param anyTenant anchors accepted for every tenant
 */
public record SigningSettings(Map<LocalGovernmentCode, SigningKey> keys,
                              Map<LocalGovernmentCode, List<X509Certificate>> anchors,
                              List<X509Certificate> anyTenant) {

    public SigningSettings {
        keys = Map.copyOf(keys);
        anchors = Map.copyOf(anchors);
        anyTenant = List.copyOf(anyTenant);
    }

    /** No tenant signs and nothing is trusted: certificates are unsigned and every inspection fails. */
    public static SigningSettings none() {
        return new SigningSettings(Map.of(), Map.of(), List.of());
    }

    public Optional<SigningKey> key(LocalGovernmentCode tenant) {
        return Optional.ofNullable(keys.get(tenant));
    }

    /** The anchors a signature of the tenant may chain to. */
    public List<X509Certificate> anchorsFor(LocalGovernmentCode tenant) {
        List<X509Certificate> out = new ArrayList<>(anchors.getOrDefault(tenant, List.of()));
        out.addAll(anyTenant);
        return out;
    }
}
