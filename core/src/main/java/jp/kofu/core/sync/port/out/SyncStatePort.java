package jp.kofu.core.sync.port.out;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jp.kofu.core.sync.domain.InputProblem;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.sync.domain.StreamState;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Keeps the state of the sync streams (連携状態) besides the applied sequence: arrivals, heartbeats, applies,
 * held batches and quarantined batches. The applied sequence itself lives with the data ({@code ReplicaDeltaPort}), so that
 * it can never disagree with the replica.
 */
public interface SyncStatePort {

    /** The stream's state; {@link StreamState#empty} when nothing was recorded. */
    StreamState state(LocalGovernmentCode tenant, SourceSystem source);

    /** Every stream with recorded state, by tenant then source. */
    List<StreamState> all();

    /** Records that a batch of the stream arrived. */
    void received(LocalGovernmentCode tenant, SourceSystem source, Instant at);

    /** Records that the relay (連携用サーバ) reported itself alive for the stream (ハートビート). */
    void heartbeat(LocalGovernmentCode tenant, SourceSystem source, Instant at);

    /** Records that a batch of the stream was applied. */
    void applied(LocalGovernmentCode tenant, SourceSystem source, Instant at);

    /** Holds a batch behind a gap (or behind a quarantined batch); holding it again replaces its directory. */
    void hold(LocalGovernmentCode tenant, SourceSystem source, long sequence, Path directory);

    /** Forgets a held batch (it was applied, or found to be a duplicate); no-op when not held. */
    void release(LocalGovernmentCode tenant, SourceSystem source, long sequence);

    /** Quarantines a batch, replacing any quarantine of the stream: the stream stops until resolved. */
    void quarantine(LocalGovernmentCode tenant, SourceSystem source, StreamState.Quarantine quarantine);

    /** Ends the stream's quarantine (its batch was resent correct and applied); no-op when none. */
    void resolve(LocalGovernmentCode tenant, SourceSystem source);
}
