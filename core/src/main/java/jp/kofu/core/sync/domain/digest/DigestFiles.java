package jp.kofu.core.sync.domain.digest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.sync.domain.BatchFile;
import jp.kofu.core.sync.domain.BatchKind;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;

/**
 * The data files of a digest batch (照合データ), {@code docs/formats/digest.md}: {@code digest.tsv} with one
 * line per entity of the source (entity, record count, hash sum), and per entity {@code <entity>.keys.tsv}
 * with one line per record (key, record hash), sorted by key. UTF-8, tab-separated, LF line ends, a header
 * line first. Pure Java, streaming on both sides of a 1.4-million-record town.
 */
public final class DigestFiles {

    /** The summary file's name and manifest entity. */
    public static final String SUMMARY = "digest.tsv";
    public static final String SUMMARY_ENTITY = "digest";
    static final String SUMMARY_HEADER = "entity\trecords\tsha256";
    static final String KEYS_HEADER = "key\tsha256";

    private static final int MAX_PROBLEMS = 200;

    private DigestFiles() {
    }

    /** The entities a digest of the source describes, in a fixed order. */
    public static List<ReplicaEntity<?>> entities(SourceSystem source) {
        return ReplicaEntity.ofTaxSystem(source == SourceSystem.TAX);
    }

    /** The key file's name of an entity: {@code residents.keys.tsv}. */
    public static String keysFile(String entity) {
        return entity + ".keys.tsv";
    }

    /** One record of a key file: its key and record hash. */
    public record Entry(String key, byte[] hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && key.equals(e.key) && Arrays.equals(hash, e.hash);
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return key + " " + HexFormat.of().formatHex(hash);
        }
    }

    /** The entries of every record of the entity in the content, sorted by key. */
    public static <R> List<Entry> entries(ReplicaEntity<R> entity, List<R> records) {
        CanonicalForm form = new CanonicalForm();
        List<Entry> out = new ArrayList<>(records.size());
        for (R r : records) {
            out.add(new Entry(DigestKeys.key(entity, r), form.hash(entity, r)));
        }
        out.sort((a, b) -> DigestKeys.ORDER.compare(a.key(), b.key()));
        return out;
    }

    // ---- writing ------------------------------------------------------------------------------------------

    /**
     * Writes the digest files of the source's entities in the content into the directory (created if
     * needed) and returns them for the manifest, summary first.
     *
     * @throws IllegalArgumentException when two records of an entity have the same key, or a key holds a
     *     tab or line break
     */
    public static List<BatchFile> write(Path directory, SourceSystem source, ReplicaContent content) throws IOException {
        Files.createDirectories(directory);
        List<BatchFile> keyFiles = new ArrayList<>();
        List<EntityDigest> digests = new ArrayList<>();
        for (ReplicaEntity<?> entity : entities(source)) {
            EntityDigest digest = writeKeys(directory, entity, content, keyFiles);
            digests.add(digest);
        }
        Path summary = directory.resolve(SUMMARY);
        try (BufferedWriter w = Files.newBufferedWriter(summary, StandardCharsets.UTF_8)) {
            w.write(SUMMARY_HEADER);
            w.write('\n');
            for (EntityDigest d : digests) {
                w.write(d.entity() + "\t" + d.records() + "\t" + d.sha256() + "\n");
            }
        }
        List<BatchFile> files = new ArrayList<>();
        files.add(new BatchFile(SUMMARY, SUMMARY_ENTITY, digests.size(), sha256(summary)));
        files.addAll(keyFiles);
        return files;
    }

    private static <R> EntityDigest writeKeys(Path directory, ReplicaEntity<R> entity, ReplicaContent content,
                                              List<BatchFile> files) throws IOException {
        List<Entry> entries = entries(entity, entity.recordsOf(content));
        HashSum sum = new HashSum();
        Path file = directory.resolve(keysFile(entity.name()));
        HexFormat hex = HexFormat.of();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(KEYS_HEADER);
            w.write('\n');
            String previous = null;
            for (Entry e : entries) {
                if (e.key().indexOf('\t') >= 0 || e.key().indexOf('\n') >= 0 || e.key().indexOf('\r') >= 0) {
                    throw new IllegalArgumentException(entity + ": a key holds a tab or line break");
                }
                if (e.key().equals(previous)) {
                    throw new IllegalArgumentException(entity + ": duplicate key " + e.key());
                }
                previous = e.key();
                sum.add(e.hash());
                w.write(e.key());
                w.write('\t');
                w.write(hex.formatHex(e.hash()));
                w.write('\n');
            }
        }
        files.add(new BatchFile(file.getFileName().toString(), entity.name(), entries.size(), sha256(file)));
        return new EntityDigest(entity.name(), sum.count(), sum.hex());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /**
     * Reads and checks a digest batch whose files already matched the manifest (presence, SHA-256): the
     * manifest lists the summary and one key file per entity of the source; the summary names each entity
     * once; every key file is well-formed, sorted by key without duplicates, and its count and hash sum are
     * those of the summary.
     *
     * @return the summary, by entity name in the order of {@link #entities}
     * @throws BatchRejectedException with every problem found (file, line, field, reason)
     */
    public static Map<String, EntityDigest> read(Path directory, BatchManifest manifest) throws BatchRejectedException {
        Problems problems = new Problems();
        if (manifest.kind() != BatchKind.DIGEST) {
            problems.add(new InputProblem(BatchManifest.FILE_NAME, 0, "kind",
                    "a digest batch is expected, this one is " + manifest.kind().wireName()));
            throw problems.exception();
        }
        List<ReplicaEntity<?>> expected = entities(manifest.source());
        Optional<BatchFile> summaryFile = manifest.files().stream().filter(f -> f.name().equals(SUMMARY)).findFirst();
        if (summaryFile.isEmpty() || !summaryFile.get().entity().equals(SUMMARY_ENTITY)) {
            problems.add(new InputProblem(BatchManifest.FILE_NAME, 0, "files",
                    "a digest batch lists " + SUMMARY + " with entity " + SUMMARY_ENTITY));
        }
        for (BatchFile f : manifest.files()) {
            if (f.name().equals(SUMMARY)) {
                continue;
            }
            boolean known = expected.stream().anyMatch(e -> keysFile(e.name()).equals(f.name()) && e.name().equals(f.entity()));
            if (!known) {
                problems.add(new InputProblem(BatchManifest.FILE_NAME, 0, "files",
                        "unexpected file " + f.name() + " (entity " + f.entity() + ") in a " + manifest.source().wireName()
                                + " digest"));
            }
        }
        for (ReplicaEntity<?> e : expected) {
            if (manifest.fileFor(e.name()).isEmpty()) {
                problems.add(new InputProblem(BatchManifest.FILE_NAME, 0, "files",
                        "no " + keysFile(e.name()) + " for entity " + e.name()));
            }
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        Map<String, Long> lines = new LinkedHashMap<>();
        Map<String, EntityDigest> summary = readSummary(directory, expected, problems, lines);
        for (ReplicaEntity<?> e : expected) {
            BatchFile file = manifest.fileFor(e.name()).orElseThrow();
            EntityDigest stated = summary.get(e.name());
            HashSum sum = new HashSum();
            try (KeyReader reader = new KeyReader(directory, e.name(), problems)) {
                for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
                    sum.add(entry.hash());
                }
                if (reader.failed == 0 && sum.count() != file.records()) {
                    problems.add(new InputProblem(BatchManifest.FILE_NAME, 0, "files",
                            file.name() + " has " + sum.count() + " records but the manifest says " + file.records()));
                }
                if (stated != null && reader.failed == 0) {
                    long at = lines.getOrDefault(e.name(), 0L);
                    if (sum.count() != stated.records()) {
                        problems.add(new InputProblem(SUMMARY, at, "records",
                                "says " + stated.records() + " but " + file.name() + " has " + sum.count() + " records"));
                    } else if (!sum.hex().equals(stated.sha256())) {
                        problems.add(new InputProblem(SUMMARY, at, "sha256",
                                "is not the sum of the record hashes of " + file.name()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return summary;
    }

    private static Map<String, EntityDigest> readSummary(Path directory, List<ReplicaEntity<?>> expected,
                                                         Problems problems, Map<String, Long> lines)
            throws BatchRejectedException {
        Map<String, EntityDigest> found = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(directory.resolve(SUMMARY), StandardCharsets.UTF_8)) {
            String line = r.readLine();
            long number = 1;
            if (!SUMMARY_HEADER.equals(line)) {
                problems.add(new InputProblem(SUMMARY, 1, "", "the header must be '" + SUMMARY_HEADER.replace("\t", "<TAB>") + "'"));
                throw problems.exception();
            }
            while ((line = r.readLine()) != null) {
                number++;
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    problems.add(new InputProblem(SUMMARY, number, "", "has " + f.length + " fields, expected 3"));
                    continue;
                }
                Optional<ReplicaEntity<?>> entity = expected.stream().filter(e -> e.name().equals(f[0])).findFirst();
                if (entity.isEmpty()) {
                    problems.add(new InputProblem(SUMMARY, number, "entity", "unknown entity '" + ascii(f[0]) + "' for this source"));
                    continue;
                }
                if (found.containsKey(f[0])) {
                    problems.add(new InputProblem(SUMMARY, number, "entity", "entity " + f[0] + " is listed twice"));
                    continue;
                }
                long records;
                try {
                    records = Long.parseLong(f[1]);
                    if (records < 0 || !f[1].matches("[0-9]{1,18}")) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problems.add(new InputProblem(SUMMARY, number, "records", "malformed count '" + ascii(f[1]) + "'"));
                    continue;
                }
                if (!isHex64(f[2])) {
                    problems.add(new InputProblem(SUMMARY, number, "sha256", "must be 64 lower-case hex digits"));
                    continue;
                }
                found.put(f[0], new EntityDigest(f[0], records, f[2]));
                lines.put(f[0], number);
            }
        } catch (CharacterCodingException e) {
            problems.add(InputProblem.ofFile(SUMMARY, "is not valid UTF-8"));
        } catch (IOException e) {
            problems.add(InputProblem.ofFile(SUMMARY, "cannot be read: " + e.getMessage()));
        }
        for (ReplicaEntity<?> e : expected) {
            if (!found.containsKey(e.name()) && problems.isEmpty()) {
                problems.add(InputProblem.ofFile(SUMMARY, "has no line for entity " + e.name()));
            }
        }
        Map<String, EntityDigest> ordered = new LinkedHashMap<>();
        expected.forEach(e -> {
            if (found.containsKey(e.name())) {
                ordered.put(e.name(), found.get(e.name()));
            }
        });
        return ordered;
    }

    /**
     * Reads a key file line by line, checking each line and the key order; problems go to the shared list
     * and the bad line is skipped. Use after {@link #read} accepted the batch to merge its entries.
     */
    public static final class KeyReader implements Closeable {
        private final String file;
        private final BufferedReader reader;
        private final Problems problems;
        private long line = 1;
        private String previous;
        private long failed;

        private KeyReader(Path directory, String entity, Problems problems) throws BatchRejectedException {
            this.file = keysFile(entity);
            this.problems = problems;
            try {
                this.reader = Files.newBufferedReader(directory.resolve(file), StandardCharsets.UTF_8);
                String header = reader.readLine();
                if (!KEYS_HEADER.equals(header)) {
                    reader.close();
                    problems.add(new InputProblem(file, 1, "", "the header must be '" + KEYS_HEADER.replace("\t", "<TAB>") + "'"));
                    throw problems.exception();
                }
            } catch (IOException e) {
                problems.add(InputProblem.ofFile(file, "cannot be read: " + e.getMessage()));
                throw problems.exception();
            }
        }

        /** Opens the entity's key file of an accepted digest batch. */
        public static KeyReader open(Path directory, String entity) throws BatchRejectedException {
            return new KeyReader(directory, entity, new Problems());
        }

        /** The next entry, or {@code null} at the end. */
        public Entry next() {
            while (true) {
                String text;
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    fail(0, "", "is not valid UTF-8");
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (text == null) {
                    return null;
                }
                line++;
                int tab = text.indexOf('\t');
                if (tab <= 0 || text.indexOf('\t', tab + 1) >= 0) {
                    fail(line, "", "expected a key and a SHA-256 separated by one tab");
                    continue;
                }
                String key = text.substring(0, tab);
                String hex = text.substring(tab + 1);
                if (!isHex64(hex)) {
                    fail(line, "sha256", "must be 64 lower-case hex digits");
                    continue;
                }
                if (previous != null) {
                    int c = DigestKeys.ORDER.compare(previous, key);
                    if (c == 0) {
                        fail(line, "key", "duplicate key " + ascii(key));
                        continue;
                    }
                    if (c > 0) {
                        fail(line, "key", "key " + ascii(key) + " is not after the previous key (the file must be sorted by key)");
                        continue;
                    }
                }
                previous = key;
                return new Entry(key, HexFormat.of().parseHex(hex));
            }
        }

        private void fail(long at, String field, String reason) {
            failed++;
            problems.add(new InputProblem(file, at, field, reason));
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A value quoted in a problem only when it is short printable ASCII (keys are; anything else is not shown). */
    private static String ascii(String s) {
        if (s.length() <= 60 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return s;
        }
        return "(not shown)";
    }

    /** Collected problems, capped at {@value #MAX_PROBLEMS}. */
    private static final class Problems {
        private final List<InputProblem> list = new ArrayList<>();
        private long more;

        void add(InputProblem p) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(p);
            } else {
                more++;
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        BatchRejectedException exception() {
            List<InputProblem> all = new ArrayList<>(list);
            if (more > 0) {
                all.add(InputProblem.ofFile("", more + " more problems not listed"));
            }
            return new BatchRejectedException(all);
        }
    }
}
