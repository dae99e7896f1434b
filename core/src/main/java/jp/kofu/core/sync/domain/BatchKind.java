package jp.kofu.core.sync.domain;

import java.util.Arrays;

/** The kind of a sync batch (連携バッチ). */
public enum BatchKind {
    /** 当初複製データ: every record of the source; replaces what the replica holds for it. */
    FULL("full"),
    /** 異動データ: changed records only (upserts and deletions with versions). */
    DELTA("delta"),
    /** 照合データ: per-entity counts and hashes, to verify the replica against the source. */
    DIGEST("digest");

    private final String wireName;

    BatchKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static BatchKind fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown batch kind '" + name + "' (expected full, delta or digest)"));
    }
}
