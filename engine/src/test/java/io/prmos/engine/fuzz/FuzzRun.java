package io.prmos.engine.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Sends generated cases to the engine over real HTTP, a few at a time, and judges every answer:
 * never a 5xx, never a broken connection, and every 4xx an RFC 9457 problem+json. Failures are
 * shrunk to a smaller request that still fails and reported with the seed and a curl command.
 */
final class FuzzRun implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_FLIGHT = 4;
    private static final int MAX_SHRINK_STEPS = 150;
    private static final int REPORTED = 12;
    /** The HTTP decoder's limit for the request line and for the header block, in bytes (application.properties). */
    private static final int DECODER_LIMIT = 65_536;
    /** This many unanswered cases in a row mean the engine stopped answering: the area stops instead of timing out case by case. */
    private static final int UNANSWERED_IN_A_ROW = 8;

    private final long seed;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient client;
    private final Context context;
    /** Statuses seen per area, to show (and assert) that the cases reach past the first refusal. */
    final Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();

    /** What went wrong with one case. */
    record Failure(HttpCase request, String problem) {
    }

    /** What the server answered (status −1: no answer). */
    record Answer(int status, String contentType, String body, String error) {
    }

    FuzzRun(long seed, int port) {
        this.seed = seed;
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port)
                .setKeepAlive(true).setMaxInitialLineLength(1 << 20).setMaxHeaderSize(1 << 20),
                new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        this.context = vertx.getOrCreateContext();
    }

    /** Runs {@code count} cases made by {@code generator} and returns the failures (empty when all answers were fine). */
    List<Failure> run(String area, long count, LongFunction<HttpCase> generator) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        AtomicLong skipped = new AtomicLong();
        AtomicLong unansweredInARow = new AtomicLong();
        for (long i = 0; i < count; i++) {
            if (unansweredInARow.get() >= UNANSWERED_IN_A_ROW) {
                failures.add(new Failure(generator.apply(i - 1), "no answer: the engine stopped answering after " + i + " of " + count
                        + " cases (" + UNANSWERED_IN_A_ROW + " unanswered in a row); the area was stopped"));
                break;
            }
            HttpCase c = generator.apply(i);
            slots.acquire();
            send(c).whenComplete((answer, error) -> {
                try {
                    if (answer == null || answer.status() == -2) {
                        skipped.incrementAndGet(); // the client itself refused to send it (e.g. a header value it will not write)
                        return;
                    }
                    count(area, answer.status());
                    String problem = judge(c, answer);
                    unansweredInARow.updateAndGet(n -> answer.status() == -1 ? n + 1 : 0);
                    if (answer.status() == -1) {
                        System.out.println("fuzz: no answer to " + c.area() + "#" + c.index() + ": " + answer.error() + "\n  " + c.curl());
                    }
                    if (problem != null) {
                        failures.add(new Failure(c, problem));
                    }
                } finally {
                    slots.release();
                }
            });
        }
        slots.acquire(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        if (skipped.get() > count / 20) {
            failures.add(new Failure(generator.apply(0), skipped.get() + " of " + count + " cases could not be sent at all"));
        }
        return new ArrayList<>(failures);
    }

    private void count(String area, int status) {
        statuses.computeIfAbsent(area, a -> new ConcurrentHashMap<>()).computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    long seen(String area, int status) {
        AtomicLong n = statuses.getOrDefault(area, Map.of()).get(status);
        return n == null ? 0 : n.get();
    }

    CompletableFuture<Answer> send(HttpCase c) {
        CompletableFuture<Answer> out = new CompletableFuture<>();
        String unwritable = unwritableHeader(c);
        if (unwritable != null) {
            out.complete(new Answer(-2, null, null, unwritable));
            return out;
        }
        // the whole exchange runs on the client's event loop: composed on the test thread, the response could
        // complete before its body handler is attached, and an early answer's body would be lost
        context.runOnContext(v -> exchange(c, out));
        // a request the server never finishes answering is a failure, not a hung build
        return out.completeOnTimeout(new Answer(-1, null, null, "no complete answer within 30 s"), 30, TimeUnit.SECONDS);
    }

    private void exchange(HttpCase c, CompletableFuture<Answer> out) {
        try {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            c.headers().forEach(h -> headers.add(h.name(), h.value()));
            if (beyondTheDecoder(c)) {
                // the decoder answers and closes without saying so: such a connection must not go back to the pool
                headers.add("Connection", "close");
            }
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(c.method())).setURI(c.uri()).setHeaders(headers)
                    .setIdleTimeout(60_000);
            client.request(options)
                    .compose(request -> c.body() == null ? request.send() : request.send(Buffer.buffer(c.body())))
                    .compose(response -> response.body().map(b -> new Answer(response.statusCode(), response.getHeader("Content-Type"),
                            b.toString(), null)))
                    .onComplete(result -> out.complete(result.succeeded() ? result.result()
                            : new Answer(clientSide(result.cause()) ? -2 : -1, null, null, String.valueOf(result.cause()))));
        } catch (IllegalArgumentException e) {
            out.complete(new Answer(-2, null, null, e.toString()));
        }
    }

    /**
     * Why the HTTP client would refuse to write one of the case's headers, or null. Vert.x checks header values
     * on the event loop while writing, where the refusal never reaches the request's future, so the harness
     * checks first: control characters other than tab (NUL, vertical tab, form feed, CR, LF, DEL) cannot be sent.
     */
    static String unwritableHeader(HttpCase c) {
        for (HttpCase.Header h : c.headers()) {
            for (int i = 0; i < h.value().length(); i++) {
                char ch = h.value().charAt(i);
                if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
                    return "header " + h.name() + " holds the control character " + (int) ch + ", which HTTP/1.1 cannot carry";
                }
            }
        }
        return null;
    }

    /** The client refused to send the request (an illegal header value, say): not an answer of the server. */
    private static boolean clientSide(Throwable cause) {
        return cause instanceof IllegalArgumentException || cause instanceof IllegalStateException;
    }

    /** Why an answer is wrong, or null when it is fine. */
    static String judge(HttpCase c, Answer answer) {
        if (beyondTheDecoder(c) && (answer.status() == 414 || answer.status() == 431 || answer.status() == -1)) {
            return null; // refused by the HTTP decoder before any engine code runs (docs/input.md, "Limits that remain")
        }
        if (answer.status() == 400 && !isUri(c.uri())) {
            return null; // refused by Quarkus's URI check before routing, with an empty 400 (docs/input.md, "Limits that remain")
        }
        if (answer.status() == -1) {
            return "no answer: " + answer.error();
        }
        if (answer.status() >= 500) {
            return answer.status() + " " + abbreviate(answer.body());
        }
        if (answer.status() < 400) {
            return null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return answer.status() + " with Content-Type " + answer.contentType() + ": " + abbreviate(answer.body());
        }
        if (c.method().equals("HEAD")) {
            return null;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem == null || problem.path("status").asInt() != answer.status()
                    || !problem.path("type").asText("").startsWith("https://prmos.io/problems/")) {
                return answer.status() + " with a body that is not a problem of that status: " + abbreviate(answer.body());
            }
        } catch (Exception e) {
            return answer.status() + " with a body that is not JSON: " + abbreviate(answer.body());
        }
        return null;
    }

    /**
     * Whether the request line or the header block exceeds the HTTP decoder's limits
     * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}, 64 KiB each), where Netty
     * answers an empty 414 or 431, or closes the connection, before the engine's own gate can answer.
     */
    static boolean beyondTheDecoder(HttpCase c) {
        int headerBytes = 0;
        for (HttpCase.Header h : c.headers()) {
            headerBytes += h.name().length() + h.value().length() + 4;
        }
        return c.method().length() + c.uri().length() + 10 > DECODER_LIMIT || headerBytes > DECODER_LIMIT - 512;
    }

    /** Whether the request target is a URI as java.net.URI reads it (Quarkus refuses others before routing). */
    static boolean isUri(String uri) {
        try {
            new java.net.URI(uri);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The failure shrunk greedily: any simpler case that still fails replaces it, until none does. */
    Failure shrink(Failure failure) throws Exception {
        Failure current = failure;
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS) {
            progress = false;
            for (HttpCase candidate : current.request().simpler()) {
                if (++steps > MAX_SHRINK_STEPS) {
                    break;
                }
                Answer answer = send(candidate).get(60, TimeUnit.SECONDS);
                String problem = answer.status() == -2 ? null : judge(candidate, answer);
                if (problem != null) {
                    current = new Failure(candidate, problem);
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    /** The report of an area's failures: seed, counts, and a shrunk reproduction of the first few distinct ones. */
    String report(String area, long count, List<Failure> failures) throws Exception {
        Map<String, Failure> distinct = new LinkedHashMap<>();
        for (Failure f : failures) {
            distinct.putIfAbsent(f.request().method() + " " + f.request().path().replaceAll("[0-9a-f-]{36}", "{id}") + " "
                    + f.problem().replaceAll("incident [0-9a-f-]+", "incident …").substring(0, Math.min(40, f.problem().length())), f);
        }
        StringBuilder out = new StringBuilder().append(failures.size()).append(" of ").append(count).append(" ").append(area)
                .append(" cases failed (seed ").append(seed).append(", rerun with -Dprm.fuzz.seed=").append(seed).append(")\n");
        int shown = 0;
        for (Failure f : distinct.values()) {
            if (shown++ == REPORTED) {
                out.append("… and ").append(distinct.size() - REPORTED).append(" more kinds\n");
                break;
            }
            Failure small = f.problem().startsWith("no answer") ? f : shrink(f);
            out.append("- case ").append(f.request().area()).append('#').append(f.request().index()).append(": ").append(small.problem())
                    .append("\n  ").append(small.request().curl()).append('\n');
        }
        return out.toString();
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "(no body)";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
