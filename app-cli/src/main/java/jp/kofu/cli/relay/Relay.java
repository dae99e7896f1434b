package jp.kofu.cli.relay;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.BatchRejectedException;
import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.port.out.BatchManifestPort;
import jp.kofu.core.sync.service.BatchFiles;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.server.sync.SyncClient;

/**
 * The city-hall relay (連携用サーバ): watches the outbox, waits until a batch is complete (manifest present
 * and every file matching its checksum), validates it, forwards the batches of each stream in sequence order
 * over the signed HTTPS interface, retries with exponential backoff and jitter while the server is
 * unreachable or failing (5xx), keeps forwarded batches in {@code sent/} for resend, handles resend requests
 * and sends a heartbeat (ハートビート) every interval even when there is nothing to send.
 */
public final class Relay {

    /**
     * How the relay runs.
     *
     * @param tenant the tenant of the relay's key: batches of another tenant are rejected locally
     * @param sources the sources the relay forwards and reports heartbeats for
     * @param heartbeatInterval how often a heartbeat is sent
     * @param scanInterval how often the outbox is scanned besides the file-system events
     * @param backoffInitial the first retry delay
     * @param backoffMax the longest retry delay
     * @param giveUpAfter how long {@code --once} keeps retrying an unreachable server
     * @param settle how long an incomplete or invalid batch may stay unchanged before it is rejected (a vendor
     *     may still be writing it)
     */
    public record Settings(LocalGovernmentCode tenant, Set<SourceSystem> sources, Duration heartbeatInterval,
                           Duration scanInterval, Duration backoffInitial, Duration backoffMax, Duration giveUpAfter,
                           Duration settle) {
        public Settings {
            Objects.requireNonNull(tenant, "tenant");
            sources = Set.copyOf(sources);
            for (Duration d : List.of(heartbeatInterval, scanInterval, backoffInitial, backoffMax)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("relay intervals must be positive");
                }
            }
            if (giveUpAfter.isNegative() || settle.isNegative()) {
                throw new IllegalArgumentException("relay durations must not be negative");
            }
        }
    }

    /** How a pass (or {@code --once}) ended, worst first. */
    public enum Result {
        /** the server refused the key (401/403): nothing more is sent */
        REFUSED,
        /** the server stayed unreachable past the give-up time */
        UNREACHABLE,
        /** a batch was rejected, locally or by the server (quarantined) */
        REJECTED,
        /** everything waiting was forwarded */
        DONE
    }

    private final Outbox outbox;
    private final Settings settings;
    private final SyncClient client;
    private final BatchManifestPort manifests;
    private final PrintWriter out;
    private final PrintWriter err;
    private long lastBeatNanos;

    public Relay(Outbox outbox, Settings settings, SyncClient client, BatchManifestPort manifests,
                 PrintWriter out, PrintWriter err) {
        this.outbox = outbox;
        this.settings = settings;
        this.client = client;
        this.manifests = manifests;
        this.out = out;
        this.err = err;
    }

    /** One heartbeat, then resend requests, then everything waiting; retries until the give-up time. */
    public Result once() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.giveUpAfter().toNanos();
        SyncClient.Response beat = withRetry("heartbeat", () -> client.heartbeat(settings.sources()), deadline);
        if (beat == null) {
            return Result.UNREACHABLE;
        }
        if (refused(beat, "heartbeat")) {
            return Result.REFUSED;
        }
        lastBeatNanos = System.nanoTime();
        return pass(deadline);
    }

    /** Runs until {@code stop} says so: file-system events and periodic scans, heartbeats every interval. */
    public void run(BooleanSupplier stop) throws IOException, InterruptedException {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            outbox.root().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            // scheduling uses System.nanoTime: real waiting, whatever the business clock says
            long backoffUntil = System.nanoTime();
            Duration backoff = settings.backoffInitial();
            while (!stop.getAsBoolean()) {
                long now = System.nanoTime();
                if (now - backoffUntil >= 0) {
                    Result result = Result.DONE;
                    if (lastBeatNanos == 0 || now - lastBeatNanos >= settings.heartbeatInterval().toNanos()) {
                        result = beatOnce();
                    }
                    if (result != Result.UNREACHABLE && result != Result.REFUSED) {
                        result = pass(now); // a single attempt per batch: the loop is the retry
                    }
                    if (result == Result.UNREACHABLE || result == Result.REFUSED) {
                        Duration wait = result == Result.REFUSED ? settings.backoffMax() : jitter(backoff);
                        backoffUntil = System.nanoTime() + wait.toNanos();
                        err.println("relay: next attempt in " + wait.toMillis() + " ms");
                        err.flush();
                        backoff = min(backoff.multipliedBy(2), settings.backoffMax());
                    } else {
                        backoff = settings.backoffInitial();
                    }
                }
                Duration idle = min(settings.scanInterval(), settings.heartbeatInterval());
                try {
                    WatchKey key = watch.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                } catch (ClosedWatchServiceException e) {
                    return;
                }
            }
        }
    }

    private Result beatOnce() {
        try {
            SyncClient.Response beat = client.heartbeat(settings.sources());
            if (beat.status() >= 500) {
                err.println("relay: heartbeat failed: HTTP " + beat.status() + " " + beat.message());
                return Result.UNREACHABLE;
            }
            if (refused(beat, "heartbeat")) {
                return Result.REFUSED;
            }
            lastBeatNanos = System.nanoTime();
            return Result.DONE;
        } catch (IOException e) {
            err.println("relay: server unreachable for the heartbeat: " + e);
            return Result.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.UNREACHABLE;
        } finally {
            err.flush();
        }
    }

    /** Resend requests, then the waiting batches; retrying each until the deadline. */
    Result pass(long deadline) throws IOException, InterruptedException {
        Result worst = Result.DONE;
        for (Path file : outbox.requests()) {
            Result r = resend(file, deadline);
            worst = worse(worst, r);
            if (r == Result.REFUSED || r == Result.UNREACHABLE) {
                return worst;
            }
        }
        List<Ready> ready = new ArrayList<>();
        for (Path dir : outbox.waiting()) {
            Ready r = check(dir);
            if (r == REJECTED_LOCALLY) {
                worst = worse(worst, Result.REJECTED);
            } else if (r != null) {
                ready.add(r);
            }
        }
        ready.sort(Comparator.comparing((Ready r) -> r.manifest().source())
                .thenComparingLong(r -> r.manifest().sequence()));
        for (Ready r : ready) {
            Result result = forward(r.directory(), r.manifest(), deadline, false);
            worst = worse(worst, result);
            if (result == Result.REFUSED || result == Result.UNREACHABLE) {
                return worst;
            }
        }
        return worst;
    }

    private record Ready(Path directory, BatchManifest manifest) {
    }

    private static final Ready REJECTED_LOCALLY = new Ready(Path.of("."), null);

    /** A complete, valid batch; null while it may still be written; {@link #REJECTED_LOCALLY} when rejected. */
    private Ready check(Path dir) throws IOException {
        if (Outbox.manifestOf(dir).isEmpty()) {
            return null; // the vendor writes manifest.json last
        }
        List<InputProblem> problems = new ArrayList<>();
        BatchManifest manifest = null;
        try {
            manifest = manifests.read(dir);
            problems.addAll(BatchFiles.verify(dir, manifest));
        } catch (BatchRejectedException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            // file times are wall-clock times: compare with the system's, not the (possibly fixed) business clock
            if (Outbox.modified(dir).plus(settings.settle()).isAfter(Instant.now())) {
                return null; // maybe still being written: wait for it to settle
            }
            return rejectLocally(dir, "invalid batch, not sent:", problems.stream().map(InputProblem::toString).toList());
        }
        if (!manifest.tenant().equals(settings.tenant())) {
            return rejectLocally(dir, "not sent:", List.of("the batch belongs to tenant " + manifest.tenant()
                    + " but this relay's key is for tenant " + settings.tenant()));
        }
        if (!settings.sources().contains(manifest.source())) {
            return rejectLocally(dir, "not sent:", List.of("this relay forwards only " + settings.sources()
                    .stream().map(SourceSystem::wireName).sorted().toList() + ", not " + manifest.source().wireName()));
        }
        return new Ready(dir, manifest);
    }

    private Ready rejectLocally(Path dir, String what, List<String> reasons) throws IOException {
        Path moved = outbox.reject(dir, what + "\n" + String.join("\n", reasons));
        err.println("relay: rejected " + dir.getFileName() + " (moved to " + outbox.root().relativize(moved) + "): "
                + reasons.get(0) + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + " more)" : ""));
        err.flush();
        return REJECTED_LOCALLY;
    }

    private Result forward(Path dir, BatchManifest m, long deadline, boolean resend)
            throws IOException, InterruptedException {
        String what = m.source().wireName() + " " + m.sequence() + " (" + dir.getFileName() + ")";
        SyncClient.Response response = withRetry(what, () -> client.upload(dir), deadline);
        if (response == null) {
            return Result.UNREACHABLE;
        }
        if (refused(response, what)) {
            return Result.REFUSED;
        }
        int status = response.status();
        if (status == 200 || status == 201 || status == 202) {
            if (!resend) {
                outbox.markSent(dir);
            }
            out.println((resend ? "resent " : "forwarded ") + what + ": " + status + " " + response.code() + " — "
                    + response.message());
            out.flush();
            return Result.DONE;
        }
        String reasons = response.message() + (response.body().get("problems") instanceof List<?> list
                ? "\n" + String.join("\n", list.stream().map(Object::toString).toList()) : "");
        if (resend) {
            err.println("relay: resent " + what + " refused: " + status + " " + response.code() + " " + reasons);
        } else {
            Path moved = outbox.reject(dir, "refused by the server: HTTP " + status + " " + response.code() + "\n" + reasons);
            err.println("relay: " + what + " refused by the server (" + status + " " + response.code() + "), moved to "
                    + outbox.root().relativize(moved) + ": " + response.message());
        }
        err.flush();
        return Result.REJECTED;
    }

    private Result resend(Path file, long deadline) throws IOException, InterruptedException {
        ResendRequest request;
        try {
            request = ResendRequest.read(file);
        } catch (IllegalArgumentException e) {
            err.println("relay: " + e.getMessage());
            outbox.done(file);
            return Result.REJECTED;
        }
        if (!request.tenant().equals(settings.tenant())) {
            err.println("relay: resend request " + file.getFileName() + " is for tenant " + request.tenant()
                    + ", not this relay's " + settings.tenant() + "; ignored");
            outbox.done(file);
            return Result.REJECTED;
        }
        List<Outbox.Kept> kept = outbox.kept(manifests, request.tenant(), request.source(), request.from());
        out.println("resending " + kept.size() + " kept " + request.source().wireName() + " batch(es) from "
                + request.from());
        Result worst = Result.DONE;
        for (Outbox.Kept k : kept) {
            Result r = forward(k.directory(), k.manifest(), deadline, true);
            worst = worse(worst, r);
            if (r == Result.REFUSED || r == Result.UNREACHABLE) {
                return worst; // the request stays: it is handled again on the next pass
            }
        }
        outbox.done(file);
        return worst;
    }

    private boolean refused(SyncClient.Response response, String what) {
        if (response.status() == 401 || (response.status() == 403 && !"tenant-mismatch".equals(response.code()))) {
            err.println("relay: the server refused " + what + ": " + response.status() + " " + response.code() + " — "
                    + response.message());
            err.flush();
            return true;
        }
        return false;
    }

    interface Call {
        SyncClient.Response call() throws IOException, InterruptedException;
    }

    /**
     * Calls until an answer below 500, backing off with jitter; null when the deadline ({@link System#nanoTime}:
     * real waiting, whatever the business clock says) passes first.
     */
    private SyncClient.Response withRetry(String what, Call call, long deadline) throws InterruptedException {
        Duration delay = settings.backoffInitial();
        while (true) {
            String failure;
            try {
                SyncClient.Response response = call.call();
                if (response.status() < 500) {
                    return response;
                }
                failure = "HTTP " + response.status() + " " + response.message();
            } catch (IOException e) {
                failure = e.toString();
            }
            Duration wait = jitter(delay);
            if (System.nanoTime() + wait.toNanos() - deadline > 0) {
                err.println("relay: giving up on " + what + ": " + failure);
                err.flush();
                return null;
            }
            err.println("relay: " + what + " failed (" + failure + "); retry in " + wait.toMillis() + " ms");
            err.flush();
            Thread.sleep(wait.toMillis());
            delay = min(delay.multipliedBy(2), settings.backoffMax());
        }
    }

    /** Between half and the whole delay (full jitter would retry too eagerly after a long outage). */
    private static Duration jitter(Duration delay) {
        long ms = Math.max(1, delay.toMillis());
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Result worse(Result a, Result b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** Whether the outbox has nothing waiting (for tests and the command's summary). */
    public boolean idle() throws IOException {
        return outbox.waiting().isEmpty() && outbox.requests().isEmpty() && Files.isDirectory(outbox.root());
    }
}
