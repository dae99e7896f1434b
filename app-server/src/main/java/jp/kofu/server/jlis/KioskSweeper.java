package jp.kofu.server.jlis;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kofu.core.issuance.port.in.KioskIssuanceUseCase;
import jp.kofu.core.issuance.port.out.IdempotencyPort;
import jp.kofu.server.wiring.KioskConfig;

/**
 * The void-on-timeout sweeper (応答なし無効化): at a fixed interval voids the prepared issuances whose kiosk
 * never reported a completion, and purges expired challenges, sessions and idempotent answers. Every node
 * may run it: each void is a conditional update that only one node wins.
 */
public final class KioskSweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KioskSweeper.class);

    private final KioskIssuanceUseCase kiosk;
    private final IdempotencyPort idempotency;
    private final KioskConfig config;
    private final Clock clock;
    private ScheduledExecutorService executor;

    @Inject
    public KioskSweeper(KioskIssuanceUseCase kiosk, IdempotencyPort idempotency, KioskConfig config, Clock clock) {
        this.kiosk = kiosk;
        this.idempotency = idempotency;
        this.config = config;
        this.clock = clock;
    }

    /** Starts sweeping at the configured interval. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kofu-kiosk-sweeper");
            t.setDaemon(true);
            return t;
        });
        long millis = config.sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One sweep now; returns what the use case did. */
    public KioskIssuanceUseCase.Sweep sweep() {
        KioskIssuanceUseCase.Sweep sweep = kiosk.sweep();
        int answers = idempotency.purgeBefore(clock.instant().minus(config.policy().retention()));
        if (sweep.voided() > 0 || sweep.purged() + answers > 0) {
            LOG.info("kiosk sweep: {} voided for lack of an answer, {} expired records purged", sweep.voided(),
                    sweep.purged() + answers);
        }
        return sweep;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("kiosk sweep failed: {}", e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
