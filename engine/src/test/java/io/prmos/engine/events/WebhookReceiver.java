package io.prmos.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local HTTP endpoint that records webhook deliveries (headers and body). It can answer 500 to the
 * first N requests, or sleep before answering, to play a failing or slow receiver.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(Map<String, String> headers, String body, JsonNode event) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<Delivery> received = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile int failFirst;
    volatile long sleepMillis;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = requests.incrementAndGet();
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = n <= failFirst ? 500 : 204;
            if (status == 204) {
                Map<String, String> headers = Map.of(
                        "webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "webhook-timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "webhook-signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
                received.add(new Delivery(headers, body, JSON.readTree(body)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Delivery> about(String subject) {
        return received.stream().filter(d -> subject.equals(d.event().path("subject").asText())).toList();
    }

    /** Waits until the deliveries matching {@code which} number at least {@code count}. */
    List<Delivery> await(Predicate<Delivery> which, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Delivery> matching = received.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(100);
        }
        throw new AssertionError("expected " + count + " deliveries within " + timeout + ", got "
                + received.stream().filter(which).count() + " (of " + received.size() + " in all)");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
