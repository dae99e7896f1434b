package jp.kofu.core.replica.domain;

/**
 * 住民票コード (resident record code): 11 digits, the last a check digit. kofu stores it for matching but
 * never prints it on a kiosk certificate. {@link #toString()} masks it.
 */
public record ResidentRecordCode(String value) {

    public ResidentRecordCode {
        if (!CheckDigits.isDigits(value, 11)) {
            throw new IllegalArgumentException("住民票コード must be 11 digits");
        }
        if (value.charAt(10) - '0' != CheckDigits.residentRecordCode(value.substring(0, 10))) {
            throw new IllegalArgumentException("住民票コード has a wrong check digit");
        }
    }

    public static ResidentRecordCode ofTenDigits(String ten) {
        return new ResidentRecordCode(ten + CheckDigits.residentRecordCode(ten));
    }

    @Override
    public String toString() {
        return "ResidentRecordCode[****]";
    }
}
