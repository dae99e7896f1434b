package jp.kofu.core.sync.domain;

import java.util.Arrays;

/** The source systems (連携元システム) that feed the replica. */
public enum SourceSystem {
    /** 住民記録システム: residents, households, seal registrations, suppression flags, card serials. */
    JUKIKI("jukiki"),
    /** 税システム: tax records. */
    TAX("tax");

    private final String wireName;

    SourceSystem(String wireName) {
        this.wireName = wireName;
    }

    /** The name in manifests and on the command line. */
    public String wireName() {
        return wireName;
    }

    public static SourceSystem fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source '" + name + "' (expected jukiki or tax)"));
    }
}
