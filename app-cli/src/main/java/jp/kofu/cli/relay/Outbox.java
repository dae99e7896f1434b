package jp.kofu.cli.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * The relay's outbox folder (送信フォルダ): vendor systems drop batch directories at its top level (writing
 * {@code manifest.json} last); the relay moves forwarded ones to {@code sent/} (kept for resend), refused ones
 * to {@code rejected/} beside a {@code NAME.reason.txt}, and reads resend requests from {@code resend-requests/}.
 */
public final class Outbox {

    /** Forwarded batches, kept for resend. */
    public static final String SENT = "sent";
    /** Batches refused locally or by the server, each with a reason file. */
    public static final String REJECTED = "rejected";
    /** Resend requests written by {@code kofu sync resend}. */
    public static final String REQUESTS = "resend-requests";
    private static final Set<String> RESERVED = Set.of(SENT, REJECTED, REQUESTS);

    private final Path root;

    public Outbox(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The batch directories waiting at the top level, by name. */
    public List<Path> waiting() throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isDirectory)
                    .filter(p -> !RESERVED.contains(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** A kept (sent) batch with its manifest. */
    public record Kept(Path directory, BatchManifest manifest) {
    }

    /** The kept batches of a stream from a sequence on, in order (the newest copy of each number). */
    public List<Kept> kept(BatchManifestPort manifests, LocalGovernmentCode tenant, SourceSystem source, long from)
            throws IOException {
        Path sent = root.resolve(SENT);
        if (!Files.isDirectory(sent)) {
            return List.of();
        }
        List<Kept> all = new ArrayList<>();
        try (Stream<Path> list = Files.list(sent)) {
            for (Path dir : list.filter(Files::isDirectory).toList()) {
                try {
                    BatchManifest m = manifests.read(dir);
                    if (m.tenant().equals(tenant) && m.source() == source && m.sequence() >= from) {
                        all.add(new Kept(dir, m));
                    }
                } catch (BatchRejectedException e) {
                    // not a batch: ignored
                }
            }
        }
        all.sort(Comparator.comparingLong((Kept k) -> k.manifest().sequence())
                .thenComparing(k -> modified(k.directory()), Comparator.reverseOrder()));
        List<Kept> newest = new ArrayList<>();
        for (Kept k : all) {
            if (newest.isEmpty() || newest.get(newest.size() - 1).manifest().sequence() != k.manifest().sequence()) {
                newest.add(k);
            }
        }
        return newest;
    }

    /** Moves a forwarded batch to {@code sent/}. */
    public Path markSent(Path batch) throws IOException {
        return moveInto(batch, root.resolve(SENT));
    }

    /** Moves a refused batch to {@code rejected/} and writes its reason file. */
    public Path reject(Path batch, String reason) throws IOException {
        Path moved = moveInto(batch, root.resolve(REJECTED));
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), reason.strip() + "\n");
        return moved;
    }

    private static Path moveInto(Path batch, Path folder) throws IOException {
        Files.createDirectories(folder);
        String name = batch.getFileName().toString();
        Path target = folder.resolve(name);
        for (int i = 2; Files.exists(target); i++) {
            target = folder.resolve(name + "." + i);
        }
        return Files.move(batch, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** When the directory or any file in it was last modified. */
    public static Instant modified(Path dir) {
        try (Stream<Path> walk = Files.walk(dir, 1)) {
            return walk.map(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant();
                } catch (IOException e) {
                    return Instant.EPOCH;
                }
            }).max(Instant::compareTo).orElse(Instant.EPOCH);
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** The pending resend requests, oldest name first. */
    public List<Path> requests() throws IOException {
        Path dir = root.resolve(REQUESTS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Moves a handled request to {@code resend-requests/done/}. */
    public void done(Path request) throws IOException {
        Path done = Files.createDirectories(request.resolveSibling("done"));
        Files.move(request, done.resolve(request.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether a file is the manifest. */
    static Optional<Path> manifestOf(Path batch) {
        Path m = batch.resolve(BatchManifest.FILE_NAME);
        return Files.isRegularFile(m) ? Optional.of(m) : Optional.empty();
    }
}
