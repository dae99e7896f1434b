package jp.kofu.core.sync.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The layout a batch's data files are in (ファイル形式): kofu's UTF-8 CSV layout (the default), or a
 * fixed-length Shift_JIS layout (固定長) named by the id of its record definitions, e.g.
 * {@code kofu-fixed-v1}. A batch reader picks its tokenizer by it; see {@code docs/formats/README.md}.
 *
 * @param name {@value #CSV_NAME} or {@value #FIXED_NAME}
 * @param layout the fixed-length layout's id; empty for CSV
 */
public record BatchFormat(String name, Optional<String> layout) {

    public static final String CSV_NAME = "csv";
    public static final String FIXED_NAME = "fixed";

    /** kofu's CSV layout. */
    public static final BatchFormat CSV = new BatchFormat(CSV_NAME, Optional.empty());

    public BatchFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        if (name.equals(CSV_NAME) && layout.isPresent()) {
            throw new IllegalArgumentException("the csv format takes no layout id");
        }
        if (name.equals(FIXED_NAME) && layout.isEmpty()) {
            throw new IllegalArgumentException("the fixed format needs a layout id (e.g. kofu-fixed-v1)");
        }
        if (!name.equals(CSV_NAME) && !name.equals(FIXED_NAME)) {
            throw new IllegalArgumentException("unknown format '" + name + "' (expected csv or fixed)");
        }
        layout.ifPresent(id -> {
            if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                throw new IllegalArgumentException("malformed layout id (expected lower-case letters, digits, '.', '_' or '-')");
            }
        });
    }

    /** A fixed-length layout by its id. */
    public static BatchFormat fixed(String layout) {
        return new BatchFormat(FIXED_NAME, Optional.of(layout));
    }

    public boolean isCsv() {
        return name.equals(CSV_NAME);
    }
}
