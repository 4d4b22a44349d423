package io.prmos.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny in-process engine: answers {@code METHOD /path?query} with canned responses, in the order
 * they were queued for that request line (the last one is repeated), and records every request.
 */
final class FakeEngine implements AutoCloseable {

    record Canned(int status, String contentType, byte[] body) {
    }

    record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String line() {
            return method + " " + pathAndQuery;
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Canned>> routes = new ConcurrentHashMap<>();
    private final Map<String, Canned> lastServed = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeEngine() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeEngine on(String requestLine, int status, String contentType, String body) {
        return on(requestLine, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    FakeEngine on(String requestLine, int status, String contentType, byte[] body) {
        routes.computeIfAbsent(requestLine, k -> new ArrayDeque<>()).add(new Canned(status, contentType, body));
        return this;
    }

    FakeEngine json(String requestLine, int status, String body) {
        return on(requestLine, status, status >= 400 ? "application/problem+json" : "application/json", body);
    }

    List<Request> requests() {
        return requests;
    }

    List<String> requestLines() {
        return requests.stream().map(Request::line).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Deque<Canned> queue = routes.get(request.line());
        Canned canned = queue == null ? null : queue.poll();
        if (canned != null) {
            lastServed.put(request.line(), canned);
        } else {
            canned = lastServed.get(request.line());
        }
        if (canned == null) {
            canned = new Canned(404, "application/problem+json",
                    ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route "
                            + request.line() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set("Content-Type", canned.contentType());
        exchange.sendResponseHeaders(canned.status(), canned.body().length == 0 ? -1 : canned.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(canned.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
