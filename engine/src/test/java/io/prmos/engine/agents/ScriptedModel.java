package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
import java.util.concurrent.Executors;

/**
 * A scripted OpenAI-compatible chat model on a free port, so the engine's real LangChain4j client, its
 * streaming and its tool-call parsing run end to end. A test posts a script to {@code /script/{key}} —
 * replies in order, each streamed text deltas and/or tool calls, an error status or a delay — and the
 * chat completion whose messages mention {@code key} gets that script's next reply. {@code /requests/{key}}
 * answers the chat requests the engine sent for the key, as received.
 */
public class ScriptedModel implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, Deque<JsonNode>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> requests = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-model");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/script/", this::script);
        server.createContext("/requests/", this::requests);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
        return Map.of("prm.agents.models.default.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "prm.agents.models.default.api-key", "scripted-key", "prm.agents.models.default.model-name", "scripted");
    }

    /** Where scripts are posted ({@code /script/{key}}) when the model is used outside a Quarkus test. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void script(HttpExchange x) throws IOException {
        String key = x.getRequestURI().getPath().substring("/script/".length());
        Deque<JsonNode> replies = new ArrayDeque<>();
        JSON.readTree(x.getRequestBody()).forEach(replies::add);
        scripts.put(key, replies);
        requests.put(key, new CopyOnWriteArrayList<>());
        send(x, 204, null, null);
    }

    private void requests(HttpExchange x) throws IOException {
        String key = x.getRequestURI().getPath().substring("/requests/".length());
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        requests.getOrDefault(key, List.of()).forEach(out::add);
        send(x, 200, "application/json", out.toString());
    }

    private void chat(HttpExchange x) throws IOException {
        JsonNode request = JSON.readTree(x.getRequestBody());
        String messages = request.path("messages").toString();
        String key = scripts.keySet().stream().filter(messages::contains).findFirst().orElse(null);
        JsonNode reply = key == null ? null : next(key, request);
        if (reply == null) {
            send(x, 500, "application/json", "{\"error\":{\"message\":\"the script has no reply for this request\"}}");
            return;
        }
        sleep(reply.path("delayMs").asLong(0));
        if (reply.path("status").asInt(200) != 200) {
            send(x, reply.path("status").asInt(), "application/json", "{\"error\":{\"message\":\"" + reply.path("message").asText("scripted error")
                    + "\",\"type\":\"server_error\"}}");
            return;
        }
        stream(x, reply);
    }

    private synchronized JsonNode next(String key, JsonNode request) {
        requests.get(key).add(request);
        return scripts.get(key).pollFirst();
    }

    /** The reply as OpenAI's chat.completion.chunk events: text deltas, tool calls (arguments in two parts), finish, usage. */
    private void stream(HttpExchange x, JsonNode reply) throws IOException {
        x.getResponseHeaders().add("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            for (JsonNode delta : reply.path("text")) {
                chunk(out, JsonNodeFactory.instance.objectNode().put("content", delta.asText()), null);
                sleep(reply.path("deltaDelayMs").asLong(0));
            }
            int index = 0;
            for (JsonNode call : reply.path("toolCalls")) {
                String args = call.path("arguments").isTextual() ? call.path("arguments").asText() : call.path("arguments").toString();
                int half = args.length() / 2;
                chunk(out, toolDelta(index, call.path("id").asText(), call.path("name").asText(), args.substring(0, half)), null);
                chunk(out, toolDelta(index, null, null, args.substring(half)), null);
                index++;
            }
            chunk(out, JsonNodeFactory.instance.objectNode(), index > 0 ? "tool_calls" : "stop");
            ObjectNode usage = JsonNodeFactory.instance.objectNode().put("prompt_tokens", reply.path("tokensIn").asInt(10))
                    .put("completion_tokens", reply.path("tokensOut").asInt(5));
            usage.put("total_tokens", usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
            ObjectNode last = base();
            last.putArray("choices");
            last.set("usage", usage);
            write(out, last.toString());
            write(out, "[DONE]");
        }
    }

    private static ObjectNode toolDelta(int index, String id, String name, String arguments) {
        ObjectNode call = JsonNodeFactory.instance.objectNode().put("index", index);
        if (id != null) {
            call.put("id", id).put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments);
        ObjectNode delta = JsonNodeFactory.instance.objectNode();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private static void chunk(OutputStream out, ObjectNode delta, String finish) throws IOException {
        ObjectNode chunk = base();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        write(out, chunk.toString());
    }

    private static ObjectNode base() {
        return JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-scripted").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "scripted");
    }

    private static void write(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            x.getResponseHeaders().add("Content-Type", type);
        }
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
        x.close();
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
