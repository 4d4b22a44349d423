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
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * receiver delays only itself; writes never wait for any of this. Before each attempt the target's
 * name is resolved and checked ({@link WebhookTargets}), and the request goes to the address that
 * passed; redirects are not followed.
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

    @ConfigProperty(name = "prm.webhooks.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    @Inject
    Pool pool;

    @Inject
    io.vertx.core.Vertx vertx;

    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private HttpClient http;
    private WebhookTargets targets;
    private PollingWorker worker;

    void onStart(@Observes @Priority(5200) StartupEvent event) {
        if (!enabled) {
            return;
        }
        targets = new WebhookTargets(allowPrivateTargets);
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setForceSni(true).setVerifyHost(true));
        worker = new PollingWorker("prm-webhook-dispatcher", pollInterval, () -> worker.drain(() -> claimAndSend() == CLAIM));
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
        if (http != null) {
            http.close();
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
        RequestOptions request;
        try {
            request = request(row.getString("url"), timeout)
                    .putHeader("content-type", "application/json")
                    .putHeader("webhook-id", id)
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", WebhookSignature.sign(row.getString("secret"), id, timestamp, body));
        } catch (IllegalArgumentException e) {
            record(deliveryId, attempts, null, "invalid URL: " + e.getMessage(), 0);
            return;
        } catch (java.net.UnknownHostException e) {
            record(deliveryId, attempts, null, "UnknownHostException: " + e.getMessage(), 0);
            return;
        } catch (WebhookTargets.Refused e) {
            record(deliveryId, attempts, null, "target refused: " + e.getMessage(), 0);
            return;
        }
        inFlight.computeIfAbsent(subscription, k -> new AtomicInteger()).incrementAndGet();
        long started = System.nanoTime();
        http.request(request)
                .compose(sent -> sent.send(Buffer.buffer(body)))
                .compose(response -> response.handler(ignored -> { }).end().map(x -> response.statusCode()))
                .onComplete(outcome -> {
                    inFlight.get(subscription).decrementAndGet();
                    int took = (int) ((System.nanoTime() - started) / 1_000_000);
                    if (outcome.failed()) {
                        Throwable failure = outcome.cause();
                        record(deliveryId, attempts, null, failure.getClass().getSimpleName() + ": " + failure.getMessage(), took);
                    } else if (outcome.result() / 100 == 2) {
                        record(deliveryId, attempts, outcome.result(), null, took);
                    } else {
                        record(deliveryId, attempts, outcome.result(), "receiver answered " + outcome.result(), took);
                    }
                    wakeUp();
                });
    }

    /** A POST to the URL, connecting to the checked address its host resolves to now (not to a second lookup). */
    private RequestOptions request(String url, Duration timeout) throws java.net.UnknownHostException, WebhookTargets.Refused {
        URI uri = URI.create(url);
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("not an absolute http or https URL");
        }
        InetAddress address = targets.resolve(uri.getHost());
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url).setFollowRedirects(false)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setTimeout(timeout.toMillis());
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
