package io.prmos.engine.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A daemon thread that runs a cycle whenever it is woken (a commit or a NOTIFY) and at least once per
 * poll interval (covering lost notifications). A failing cycle is logged and retried on the next
 * one; stopping wakes the thread and waits for it.
 */
public final class PollingWorker {

    private static final Logger LOG = Logger.getLogger(PollingWorker.class);

    private final String name;
    private final Duration pollInterval;
    private final Runnable cycle;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** @param cycle one round of work; it may consult {@link #running()} to stop early */
    public PollingWorker(String name, Duration pollInterval, Runnable cycle) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.cycle = cycle;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(10_000);
        }
    }

    /** Asks for a cycle now. */
    public void wakeUp() {
        wake.release();
    }

    public boolean running() {
        return running;
    }

    /** Repeats {@code step} while the worker runs and the step reports a full batch. */
    public void drain(BooleanSupplier step) {
        while (running && step.getAsBoolean()) {
            LOG.debugf("%s handled a full batch; handling more", name);
        }
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (running) {
                    cycle.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s cycle failed; retrying on the next one", name);
            }
        }
    }
}
