package io.prmos.engine.events.webhook;

import io.prmos.engine.events.PollingWorker;

import io.prmos.engine.events.DomainEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends pending webhook deliveries: claims due ones (leased, {@code SKIP LOCKED}, so instances share
 * the work without sending one twice concurrently), posts each signed event asynchronously with a
 * timeout, and records the outcome: delivered, retried after an exponential backoff with jitter, or
 * dead after the last attempt. Each subscription has at most a few deliveries in flight, so a slow
 * receiver delays only itself; writes never wait for any of this.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CLAIM = 100;

    @ConfigProperty(name = "prm.events.delivery.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "prm.webhooks.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "prm.webhooks.backoff.initial", defaultValue = "PT5S")
    Duration initialBackoff;

    @ConfigProperty(name = "prm.webhooks.backoff.max", defaultValue = "PT1H")
    Duration maxBackoff;

    @ConfigProperty(name = "prm.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "prm.webhooks.in-flight-per-subscription", defaultValue = "4")
    int inFlightLimit;

    @ConfigProperty(name = "prm.webhooks.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Inject
    Pool pool;

    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PollingWorker worker;

    void onStart(@Observes @Priority(5200) StartupEvent event) {
        if (!enabled) {
            return;
        }
        worker = new PollingWorker("prm-webhook-dispatcher", pollInterval, () -> worker.drain(() -> claimAndSend() == CLAIM));
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
    }

    public void wakeUp() {
        if (worker != null) {
            worker.wakeUp();
        }
    }

    private int claimAndSend() {
        UUID[] saturated = inFlight.entrySet().stream().filter(e -> e.getValue().get() >= inFlightLimit)
                .map(Map.Entry::getKey).toArray(UUID[]::new);
        long lease = timeout.toMillis() + 5_000; // a claim of a crashed instance comes due again after this
        List<Row> claimed = pool.withTransaction(c -> c.preparedQuery(WebhookStatements.CLAIM)
                .execute(Tuple.of(CLAIM, lease, saturated))).map(rows -> {
                    List<Row> out = new java.util.ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                }).await().atMost(WAIT);
        for (Row row : claimed) {
            send(row);
        }
        return claimed.size();
    }

    private void send(Row row) {
        long deliveryId = row.getLong("id");
        UUID subscription = row.getUUID("subscription_id");
        int attempts = row.getInteger("attempts");
        DomainEvent event = io.prmos.engine.events.EventLog.event(row);
        String body = event.envelope().toString();
        String id = event.id().toString();
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(row.getString("url"))).timeout(timeout)
                    .header("content-type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(row.getString("secret"), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException e) {
            record(deliveryId, attempts, null, "invalid URL: " + e.getMessage(), 0);
            return;
        }
        inFlight.computeIfAbsent(subscription, k -> new AtomicInteger()).incrementAndGet();
        long started = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            inFlight.get(subscription).decrementAndGet();
            int took = (int) ((System.nanoTime() - started) / 1_000_000);
            if (failure != null) {
                record(deliveryId, attempts, null, failure.getClass().getSimpleName() + ": " + failure.getMessage(), took);
            } else if (response.statusCode() / 100 == 2) {
                record(deliveryId, attempts, response.statusCode(), null, took);
            } else {
                record(deliveryId, attempts, response.statusCode(), "receiver answered " + response.statusCode(), took);
            }
            wakeUp();
        });
    }

    private void record(long deliveryId, int attemptsBefore, Integer status, String error, int tookMillis) {
        String shortError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        var outcome = error == null
                ? pool.preparedQuery(WebhookStatements.DELIVERED).execute(Tuple.of(deliveryId, status))
                : pool.preparedQuery(WebhookStatements.FAILED).execute(Tuple.of(deliveryId, status, shortError, maxAttempts,
                        backoff(attemptsBefore + 1).toMillis()));
        // A subscription deleted while its request was in flight has no delivery left to record on.
        outcome.flatMap(updated -> updated.rowCount() == 0 ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : pool.preparedQuery(WebhookStatements.ATTEMPT).execute(Tuple.of(deliveryId, status, shortError, tookMillis)).replaceWithVoid())
                .subscribe().with(x -> { }, f -> LOG.warnf(f, "could not record the outcome of webhook delivery %d", deliveryId));
    }

    /** Exponential from the initial delay, capped, with "equal jitter": between half and all of it. */
    Duration backoff(int attempt) {
        double exact = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * Math.pow(2, Math.max(0, attempt - 1)));
        return Duration.ofMillis((long) (exact / 2 + ThreadLocalRandom.current().nextDouble() * exact / 2));
    }
}
