package jp.kofu.cli.gaiji;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/** Options and converters of the {@code kofu gaiji} subcommands, in the style of the other commands. */
final class GaijiOptions {

    /** Exit codes of docs/cli.md. */
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;

    private GaijiOptions() {
    }

    /** {@code --db JDBC_URL}: else {@code KOFU_DB}, else the embedded default. */
    static final class Database {
        @Option(names = "--db", paramLabel = "JDBC_URL",
                description = "Database (default: $KOFU_DB, else jdbc:h2:file:./kofu-data/kofu).")
        String url;
    }

    /** A 地方公共団体コード whose check digit is verified while parsing (a wrong one is a usage error). */
    static final class TenantConverter implements CommandLine.ITypeConverter<LocalGovernmentCode> {
        @Override
        public LocalGovernmentCode convert(String value) {
            try {
                return LocalGovernmentCode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** juminhyo, inkan or shotoku. */
    static final class KindConverter implements CommandLine.ITypeConverter<CertificateKind> {
        @Override
        public CertificateKind convert(String value) {
            try {
                return CertificateKind.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
