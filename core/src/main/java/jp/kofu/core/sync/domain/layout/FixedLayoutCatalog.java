package jp.kofu.core.sync.domain.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.kofu.core.sync.domain.BatchFormat;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;

/**
 * The fixed-length record definitions (固定長レコード定義) this adapter knows, by layout id and entity:
 * {@code layouts/<id>/<entity>.layout} beside the adapter's anchor class (kofu-fixed-v1 ships), or in the directory the
 * system property {@value #PATH_PROPERTY} names (else the environment variable {@value #PATH_VARIABLE}), which is
 * searched first — so that a new vendor layout is a
 * definition file, not code. Each vendor-format adapter keeps one catalog
 * of its own definitions, found as resources beside the anchor class it names.
 *
 * <p>Thread-safe; a definition is read once.
 */
public final class FixedLayoutCatalog {

    /** A directory of further definitions: {@code <dir>/<layout id>/<entity>.layout}. */
    public static final String PATH_PROPERTY = "kofu.layouts";

    /** The environment variable naming that directory when the system property is not set. */
    public static final String PATH_VARIABLE = "KOFU_LAYOUTS";

    /** The directory of further definitions: the system property, else the environment variable; null when neither. */
    public static String directory() {
        String dir = System.getProperty(PATH_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(PATH_VARIABLE);
        }
        return dir == null || dir.isBlank() ? null : dir;
    }

    private final Map<String, Optional<FixedLayout>> cache = new ConcurrentHashMap<>();
    private final Class<?> anchor;

    /** @param anchor the class beside whose package the {@code layouts/} resources lie */
    public FixedLayoutCatalog(Class<?> anchor) {
        this.anchor = java.util.Objects.requireNonNull(anchor);
    }

    /**
     * The definition of the entity's file in the layout, checked against the kofu layout it fills.
     *
     * @return empty when the layout has no definition for the entity
     * @throws IllegalArgumentException when the definition is malformed or does not fit the kofu layout
     */
    public Optional<FixedLayout> find(String layoutId, Layout layout) {
        Optional<FixedLayout> found = cache.computeIfAbsent(layoutId + "/" + layout.entity(),
                k -> read(layoutId, layout.entity()));
        found.ifPresent(definition -> definition.requireFits(layout));
        return found;
    }

    /**
     * How the batch's files of the layout are opened: the CSV opener, or the fixed-length codec with the
     * layout's definition.
     *
     * @throws BatchRejectedException naming the manifest when the batch's layout has no definition for the
     *     entity, or its definition is unusable
     */
    public RowSource.Opener opener(BatchFormat format, Layout layout, RowSource.Opener csv)
            throws BatchRejectedException {
        if (format.isCsv()) {
            return csv;
        }
        String id = format.layout().orElseThrow();
        try {
            FixedLayout definition = find(id, layout).orElseThrow(() -> new BatchRejectedException(
                    InputProblem.ofFile(BatchManifest.FILE_NAME, "layout " + id + " has no definition for entity "
                            + layout.entity() + " (kofu knows kofu-fixed-v1; others are read from the directory "
                            + "the system property " + PATH_PROPERTY + " or the variable " + PATH_VARIABLE + " names)")));
            return FixedRecordSource.opener(definition, layout);
        } catch (IllegalArgumentException e) {
            throw new BatchRejectedException(InputProblem.ofFile(BatchManifest.FILE_NAME,
                    "layout " + id + " cannot be used: " + e.getMessage()));
        }
    }

    /**
     * The definition the writer uses for the entity in the layout.
     *
     * @throws IllegalArgumentException when there is none or it does not fit
     */
    public FixedLayout require(String layoutId, Layout layout) {
        return find(layoutId, layout).orElseThrow(() -> new IllegalArgumentException(
                "layout " + layoutId + " has no definition for entity " + layout.entity()));
    }

    private Optional<FixedLayout> read(String layoutId, String entity) {
        String name = layoutId + "/" + entity + ".layout";
        try {
            String dir = directory();
            if (dir != null) {
                Path file = Path.of(dir).resolve(layoutId).resolve(entity + ".layout");
                if (Files.isRegularFile(file)) {
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        return Optional.of(checked(FixedLayout.parse(file.toString(), r), layoutId, entity, name));
                    }
                }
            }
            try (InputStream in = anchor.getResourceAsStream("layouts/" + name)) {
                if (in == null) {
                    return Optional.empty();
                }
                return Optional.of(checked(FixedLayout.parse(name,
                        new InputStreamReader(in, StandardCharsets.UTF_8)), layoutId, entity, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the layout definition " + name, e);
        }
    }

    private static FixedLayout checked(FixedLayout definition, String layoutId, String entity, String name) {
        if (!definition.id().equals(layoutId) || !definition.entity().equals(entity)) {
            throw new IllegalArgumentException(name + " defines " + definition.id() + "/" + definition.entity());
        }
        return definition;
    }
}
