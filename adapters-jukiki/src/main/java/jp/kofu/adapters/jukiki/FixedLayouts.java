package jp.kofu.adapters.jukiki;

import jp.kofu.core.sync.domain.layout.FixedLayoutCatalog;

/**
 * This adapter's fixed-length record definitions (固定長レコード定義): {@code layouts/<id>/<entity>.layout}
 * beside this class, or in the directory the system property {@value FixedLayoutCatalog#PATH_PROPERTY} names.
 */
final class FixedLayouts {

    static final FixedLayoutCatalog CATALOG = new FixedLayoutCatalog(FixedLayouts.class);

    private FixedLayouts() {
    }
}
