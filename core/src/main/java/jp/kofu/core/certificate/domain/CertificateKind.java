package jp.kofu.core.certificate.domain;

import java.util.Arrays;

/**
 * The certificate kinds (証明書の種類) kofu issues.
 */
public enum CertificateKind {
    /** 住民票の写し (copy of the resident record), 世帯連記式 by default. */
    JUMINHYO("juminhyo", "住民票の写し"),
    /** 印鑑登録証明書 (seal registration certificate). */
    INKAN("inkan", "印鑑登録証明書"),
    /** 所得課税証明書 / 非課税証明書 (income and tax certificate). */
    SHOTOKU("shotoku", "所得課税証明書");

    private final String cliName;
    private final String title;

    CertificateKind(String cliName, String title) {
        this.cliName = cliName;
        this.title = title;
    }

    /** The name used on the command line and in files: juminhyo, inkan, shotoku. */
    public String cliName() {
        return cliName;
    }

    /** The certificate's printed title. */
    public String title() {
        return title;
    }

    public static CertificateKind fromCliName(String name) {
        return Arrays.stream(values())
                .filter(k -> k.cliName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown certificate kind '" + name + "' (expected juminhyo, inkan or shotoku)"));
    }
}
