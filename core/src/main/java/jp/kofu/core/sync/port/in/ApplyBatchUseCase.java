package jp.kofu.core.sync.port.in;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Applies one received delta batch (異動データの反映) to the replica, following the apply semantics of
 * {@link jp.kofu.core.sync.domain.BatchManifest}: exactly once, in order, whole or not at all. Used by the
 * command line and by the server.
 *
 * <p>A batch waiting behind a gap is applied automatically, in order, as soon as the missing batch is
 * applied: an operator who resends the missing number expects the stream to catch up by itself. A
 * quarantined batch stops its stream until a corrected batch with the same number is applied; batches
 * after it are held meanwhile and then applied the same way.
 */
public interface ApplyBatchUseCase {

    /** Applies the batch; never throws for a bad batch (that is a {@link Quarantined} outcome). */
    Outcome apply(Command command);

    /**
     * @param tenant the receiving tenant; a batch of another tenant is quarantined
     * @param batch the batch directory
     */
    record Command(LocalGovernmentCode tenant, Path batch) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(batch, "batch");
        }
    }

    /** What happened to the batch. */
    sealed interface Outcome permits Applied, AlreadyApplied, Held, Quarantined, StreamStopped {
        /** One line for staff, without personal data. */
        String message();
    }

    /**
     * The batch was applied in one transaction together with its sequence number.
     *
     * @param source its source
     * @param sequence its number, now the stream's last applied
     * @param upserted records inserted or replaced
     * @param ignoredAsOlder upserts ignored because the replica held a newer version
     * @param deleted records removed
     * @param followers what happened to the held batches that followed it, in order
     */
    record Applied(SourceSystem source, long sequence, long upserted, long ignoredAsOlder, long deleted,
                   List<Outcome> followers) implements Outcome {
        public Applied {
            followers = List.copyOf(followers);
        }

        @Override
        public String message() {
            return source.wireName() + " batch " + sequence + " applied: " + upserted + " upserted, " + deleted
                    + " deleted, " + ignoredAsOlder + " older versions ignored";
        }
    }

    /** The batch's number is at or below the stream's last applied one: nothing was done. */
    record AlreadyApplied(SourceSystem source, long sequence, long lastApplied) implements Outcome {
        @Override
        public String message() {
            return source.wireName() + " batch " + sequence + " was already applied (last applied is " + lastApplied
                    + "); nothing done";
        }
    }

    /** The batch comes after a missing one: it is held, the stream waits, an alarm names the missing number. */
    record Held(SourceSystem source, long sequence, long missing) implements Outcome {
        @Override
        public String message() {
            return source.wireName() + " batch " + sequence + " held: batch " + missing + " is missing";
        }
    }

    /**
     * The batch was rejected whole and quarantined with every problem; nothing of it was applied and its
     * stream (when the manifest could be read) stops until a corrected batch with the same number arrives.
     *
     * @param source its source, empty when the manifest could not be read
     * @param sequence its number, 0 when the manifest could not be read
     */
    record Quarantined(Optional<SourceSystem> source, long sequence, List<InputProblem> problems) implements Outcome {
        public Quarantined {
            problems = List.copyOf(problems);
        }

        @Override
        public String message() {
            return source.map(s -> s.wireName() + " batch " + sequence).orElse("batch")
                    + " quarantined with " + problems.size() + " problem(s); nothing applied";
        }
    }

    /** The stream is stopped by a quarantined batch: this later batch is held until it is resolved. */
    record StreamStopped(SourceSystem source, long sequence, long quarantinedSequence) implements Outcome {
        @Override
        public String message() {
            return source.wireName() + " batch " + sequence + " held: the stream is stopped by quarantined batch "
                    + quarantinedSequence;
        }
    }
}
