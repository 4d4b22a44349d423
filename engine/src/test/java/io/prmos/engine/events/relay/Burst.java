package io.prmos.engine.events.relay;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A burst of record writes on a thread of its own (each partner created, then updated twice), so a
 * broker can be killed while it runs; and the events the burst left in the outbox, for comparison
 * with what a broker delivered.
 */
final class Burst {

    record Expected(UUID id, String subject, long sequence, long position) {
    }

    private static final String PARTNERS = "/api/v1/partners/partner";

    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private Burst(int partners) {
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + "-";
        thread = new Thread(() -> {
            try {
                for (int i = 0; i < partners; i++) {
                    String id = given().contentType(ContentType.JSON).body(Map.of("name", prefix + i)).post(PARTNERS)
                            .then().statusCode(201).extract().path("id");
                    ids.add(id);
                    writes.incrementAndGet();
                    for (int score = 1; score <= 2; score++) {
                        given().contentType(ContentType.JSON).body(Map.of("score", score)).patch(PARTNERS + "/" + id)
                                .then().statusCode(200);
                        writes.incrementAndGet();
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "burst");
    }

    static Burst start(int partners) {
        Burst burst = new Burst(partners);
        burst.thread.start();
        return burst;
    }

    void awaitWrites(int count) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (writes.get() < count && thread.isAlive() && System.currentTimeMillis() < deadline) {
            KafkaBroker.sleep(20);
        }
    }

    void finish() throws InterruptedException {
        thread.join(180_000);
        if (!failures.isEmpty()) {
            throw new AssertionError("a write of the burst failed", failures.get(0));
        }
    }

    /** The burst's events as the outbox holds them once stamped, in position order. */
    List<Expected> expected(Pool pool) {
        List<Expected> out = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT event_id, subject, sequence, position FROM prm_kernel.event_outbox"
                        + " WHERE record_id = ANY($1) AND position IS NOT NULL ORDER BY position")
                .execute(Tuple.of(ids.stream().map(UUID::fromString).toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(10))) {
            out.add(new Expected(r.getUUID(0), r.getString(1), r.getLong(2), r.getLong(3)));
        }
        return out;
    }

    int records() {
        return ids.size();
    }

    /** The stored relay position of a broker and the end of the log. */
    static long[] progress(Pool pool, String subscriber) {
        Row r = pool.preparedQuery("SELECT (SELECT position FROM prm_kernel.event_subscriber_progress WHERE subscriber = $1),"
                + " (SELECT coalesce(max(position), 0) FROM prm_kernel.event_outbox)").execute(Tuple.of(subscriber))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        return new long[] {r.getLong(0), r.getLong(1)};
    }
}
